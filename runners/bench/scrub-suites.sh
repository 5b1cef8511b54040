#!/usr/bin/env bash
# The scrubber and the leak gate against a corpus of cases (other scanners' test suites, say): how
# many secrets come out unredacted and how many benign strings come out changed, in each of the four
# places a session holds text. Usage: runners/bench/scrub-suites.sh <cases.jsonl>
# One JSON object a line: {"kind":"tp"|"benign","text":...,"secrets":[...] or "secretRegex":...,"source":...}
set -euo pipefail
cases=$(realpath "$1")
cd "$(dirname "$0")/../.."
mvn -q -B test-compile -pl transforms
mvn -q -B dependency:build-classpath -pl transforms -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java -Xmx2g -cp "transforms/target/classes:transforms/target/test-classes:$(cat transforms/target/bench.classpath)" \
  dev.gttrainset.bench.ScrubSuites "$cases"
