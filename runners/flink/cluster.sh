#!/usr/bin/env bash
# A standalone Flink 1.19 session cluster on this machine, loopback only: one JobManager and, by
# default, one TaskManager with two slots, sized for a 2-core, 24 GiB machine. Built from Maven
# Central jars.
#
#   runners/flink/cluster.sh start    start it and wait until every TaskManager has registered
#   runners/flink/cluster.sh stop     stop it; also cleans up after a crash
#   runners/flink/cluster.sh status   what runs, and what the REST API says
#
# Everything lives under runners/flink/target/ (FLINK_WORK): conf/, logs/, pids/, tmp/.
# FLINK_REST_PORT (8081) and FLINK_RPC_PORT (6123) move the ports. FLINK_TASKMANAGERS (1),
# FLINK_TM_SLOTS (2) and FLINK_TM_MEMORY (4096m) shape the TaskManagers; each is named tm-<n>
# (its resource id in the REST API) with its pid in pids/taskmanager-<n>.pid.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
WORK=${FLINK_WORK:-$HERE/target}
CONF=$WORK/conf
LOGS=$WORK/logs
PIDS=$WORK/pids
REST_PORT=${FLINK_REST_PORT:-8081}
RPC_PORT=${FLINK_RPC_PORT:-6123}
REST=http://127.0.0.1:$REST_PORT
TASKMANAGERS=${FLINK_TASKMANAGERS:-1}
TM_SLOTS=${FLINK_TM_SLOTS:-2}
TM_MEMORY=${FLINK_TM_MEMORY:-4096m}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
# A marker on every cluster JVM's command line, so stop finds them even without pid files.
MARKER=-Dgt.trainset.flink.work=$WORK

# What Flink's own scripts pass on Java 17 (env.java.opts.all in Flink 1.19's default config).
JAVA17_OPTS=(
  --add-exports=java.base/sun.net.util=ALL-UNNAMED
  --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
  --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.text=ALL-UNNAMED
  --add-opens=java.base/java.time=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED
)

log() { echo "flink-cluster: $*"; }

classpath() {
  local file=$WORK/classpath
  if [ ! -s "$file" ] || [ "$HERE/cluster/pom.xml" -nt "$file" ]; then
    log "resolving the cluster classpath with Maven" >&2
    mvn -q -B -f "$HERE/cluster/pom.xml" dependency:build-classpath -Dmdep.outputFile="$file" >&2
  fi
  cat "$file"
}

write_config() {
  mkdir -p "$CONF" "$LOGS" "$PIDS" "$WORK/tmp"
  cat > "$CONF/config.yaml" <<YAML
# Written by cluster.sh. Loopback only; sized for 2 cores and 24 GiB.
jobmanager.rpc.address: localhost
jobmanager.rpc.port: $RPC_PORT
jobmanager.bind-host: 127.0.0.1
jobmanager.memory.process.size: 1600m
taskmanager.host: localhost
taskmanager.bind-host: 127.0.0.1
taskmanager.numberOfTaskSlots: $TM_SLOTS
taskmanager.memory.process.size: $TM_MEMORY
parallelism.default: 2
rest.address: localhost
rest.bind-address: 127.0.0.1
rest.port: $REST_PORT
io.tmp.dirs: $WORK/tmp
web.tmpdir: $WORK/tmp
blob.storage.directory: $WORK/tmp
# Loopback: shuffled data never crosses a network, so compressing it only costs CPU.
taskmanager.network.batch-shuffle.compression.enabled: false
# A lost TaskManager is not the end of a batch job: only the regions that ran on it restart. Since
# Flink 1.19 exponential-delay counts the failures one lost TaskManager causes in several regions
# as one attempt (fixed-delay counts each, and gives up after the first lost TaskManager). Until
# the heartbeat says the TaskManager is gone, restarts may be sent to it and fail: a short
# heartbeat and enough attempts (about a minute of backoff) outlast that.
restart-strategy.type: exponential-delay
restart-strategy.exponential-delay.initial-backoff: 1 s
restart-strategy.exponential-delay.max-backoff: 20 s
restart-strategy.exponential-delay.attempts-before-reset-backoff: 10
heartbeat.interval: 2000
heartbeat.timeout: 10000
YAML
}

pid_alive() {
  local file=$PIDS/$1.pid
  [ -s "$file" ] && kill -0 "$(cat "$file")" 2>/dev/null
}

# Flink's scripts compute memory flags with BashJavaUtils; the last two result lines are the JVM
# flags and the dynamic -D settings, in that order.
resource_params() {
  local which=$1 cp=$2 out
  out=$("$JAVA" "${JAVA17_OPTS[@]}" -cp "$cp" org.apache.flink.runtime.util.bash.BashJavaUtils "$which" \
        -c "$CONF" 2>>"$LOGS/bash-java-utils.log") || { log "BashJavaUtils $which failed"; exit 1; }
  echo "$out" | grep '^BASH_JAVA_UTILS_EXEC_RESULT:' | sed 's/^BASH_JAVA_UTILS_EXEC_RESULT://' | tail -n 2
}

launch() {
  local name=$1 class=$2 cp=$3 jvm=$4 dynamic=$5
  # shellcheck disable=SC2086
  nohup "$JAVA" $jvm "${JAVA17_OPTS[@]}" "$MARKER" -Dlog.file="$LOGS/$name.log" \
    -cp "$cp" "$class" -c "$CONF" $dynamic > "$LOGS/$name.log" 2>&1 < /dev/null &
  echo $! > "$PIDS/$name.pid"
  log "$name started (pid $(cat "$PIDS/$name.pid")), log $LOGS/$name.log"
}

overview() { curl -s --max-time 2 "$REST/overview" 2>/dev/null || true; }

wait_ready() {
  local deadline=$((SECONDS + ${FLINK_START_TIMEOUT:-120})) body
  while [ $SECONDS -lt $deadline ]; do
    body=$(overview)
    if echo "$body" | grep -q "\"taskmanagers\":$TASKMANAGERS," \
        && echo "$body" | grep -q "\"slots-total\":$((TASKMANAGERS * TM_SLOTS)),"; then
      log "ready: $body"
      return 0
    fi
    for name in jobmanager $(taskmanager_names); do
      pid_alive "$name" || { log "$name died; its log:"; tail -n 40 "$LOGS/$name.log" >&2; stop; exit 1; }
    done
    sleep 1
  done
  log "not ready after ${FLINK_START_TIMEOUT:-120}s; logs in $LOGS"
  tail -n 40 "$LOGS"/*.log >&2 || true
  stop
  exit 1
}

taskmanager_names() {
  local n
  for n in $(seq 1 "$TASKMANAGERS"); do echo "taskmanager-$n"; done
}

start() {
  if pid_alive jobmanager; then
    log "already running"; status; return 0
  fi
  stop quietly
  if [ -n "$(overview)" ]; then
    log "something else answers on $REST; set FLINK_REST_PORT"; exit 1
  fi
  write_config
  local cp params
  cp=$(classpath)
  mapfile -t params < <(resource_params GET_JM_RESOURCE_PARAMS "$cp")
  launch jobmanager org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint "$cp" "${params[0]}" "${params[1]:-}"
  mapfile -t params < <(resource_params GET_TM_RESOURCE_PARAMS "$cp")
  local n
  for n in $(seq 1 "$TASKMANAGERS"); do
    launch "taskmanager-$n" org.apache.flink.runtime.taskexecutor.TaskManagerRunner "$cp" "${params[0]}" \
      "${params[1]:-} -Dtaskmanager.resource-id=tm-$n"
  done
  wait_ready
}

stop() {
  local file name pid
  for file in "$PIDS"/taskmanager*.pid "$PIDS"/jobmanager.pid; do
    name=$(basename "$file" .pid)
    if [ -s "$file" ]; then
      pid=$(cat "$PIDS/$name.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$file"
      [ "${1:-}" = quietly ] || log "$name stopped"
    fi
  done
  # A crash can leave JVMs without pid files: find them by the marker.
  if pkill -9 -f -- "$MARKER" 2>/dev/null; then
    [ "${1:-}" = quietly ] || log "cleaned up leftover cluster processes"
  fi
  return 0
}

status() {
  local file name
  for file in "$PIDS"/*.pid; do
    [ -e "$file" ] || { log "not running"; break; }
    name=$(basename "$file" .pid)
    if pid_alive "$name"; then log "$name running (pid $(cat "$file"))"; else log "$name not running"; fi
  done
  local body; body=$(overview)
  if [ -n "$body" ]; then log "REST $REST: $body"; else log "REST $REST: no answer"; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
