#!/usr/bin/env bash
# One nightly partition: yesterday's sessions (UTC) into $GT_TRAINSET_OUT/dt=YYYY-MM-DD, never
# publishing a sample an earlier partition has. cron and systemd run this; Airflow and Kubernetes
# pass the same flags themselves. Exit codes are the job's: 0 done, 1 retry may help, 2 bad options
# or input (do not retry), 3 leak gate (do not retry).
#
# Settings (environment): GT_TRAINSET_JAR, GT_SESSIONS (default: the job's own, ~/.claude/projects
# and every ~/.claude-accounts/*/projects), GT_TOWN, GT_HOME_DIR, GT_BEADS (bd export --all files,
# comma-separated; default: the town's .beads/issues.jsonl), GT_TRAINSET_OUT, GT_TRAINSET_DAY
# (default: yesterday, UTC; set it to rerun or backfill a day).
set -euo pipefail
JAR=${GT_TRAINSET_JAR:-/opt/gt-trainset/gt-trainset.jar}
OUT=${GT_TRAINSET_OUT:-/var/lib/gt-trainset}
DAY=${GT_TRAINSET_DAY:-$(date -u -d yesterday +%F)}
NEXT=$(date -u -d "$DAY + 1 day" +%F)
# One run at a time: a second start waits for the first instead of racing it.
mkdir -p "$OUT"
exec 9>"$OUT/.nightly.lock"
flock 9
exec java -jar "$JAR" \
  --sessions="${GT_SESSIONS:-~/.claude/projects}" \
  ${GT_BEADS:+--beads="$GT_BEADS"} \
  --town="${GT_TOWN:-$HOME/gt}" \
  --gtHome="${GT_HOME_DIR:-$HOME/.gt}" \
  --since="$DAY" --until="$NEXT" \
  --output="$OUT/dt={date}" \
  --dedupAgainst="$OUT"
