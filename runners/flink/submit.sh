#!/usr/bin/env bash
# Submits gt-trainset to a running Flink cluster, as users do: the FlinkRunner talks to the
# cluster's REST endpoint, stages the jar, and waits until the job is done. The exit code is the
# job's (0 success, 1 failure, 2 bad options, 3 leak gate).
#
#   runners/flink/submit.sh --sessions=DIR --town=DIR --gtHome=DIR --output=DIR [job flags]
#
# For a real cluster set FLINK_MASTER=host:port (default localhost:8081), and make sure the
# TaskManagers see --sessions, --town, --gtHome and --output at the same paths (a shared volume).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR=${GT_TRAINSET_JAR:-$ROOT/runners/target/gt-trainset.jar}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
[ -f "$JAR" ] || { echo "submit: $JAR is missing; build it with: mvn -q -B package -DskipTests" >&2; exit 2; }
exec "$JAVA" -jar "$JAR" \
  --runner=FlinkRunner \
  --flinkMaster="${FLINK_MASTER:-localhost:8081}" \
  --filesToStage="$JAR" \
  --parallelism="${FLINK_PARALLELISM:-2}" \
  "$@"
