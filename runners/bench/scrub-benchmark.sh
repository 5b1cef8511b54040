#!/usr/bin/env bash
# Scrub throughput against the floor of parsing the same lines, and 5 MB hostile lines.
# Usage: runners/bench/scrub-benchmark.sh [folder of transcripts]   (default ../shared/testdata/claude-public)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -B test-compile -pl transforms
mvn -q -B dependency:build-classpath -pl transforms -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java -Xmx2g -cp "transforms/target/classes:transforms/target/test-classes:$(cat transforms/target/bench.classpath)" \
  dev.gttrainset.bench.ScrubBenchmark "${1:-../shared/testdata/claude-public}"
