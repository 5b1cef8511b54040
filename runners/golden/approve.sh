#!/usr/bin/env bash
# Approves a deliberate change of the bundled town's outputs: reruns GoldenTownTest writing what
# the job gives now into pipeline/src/test/resources/golden/bundled-town/, then shows what changed.
# Read the diff as a reviewer would before committing it.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -B install -DskipTests
mvn -q -B test -pl pipeline -Dtest=GoldenTownTest -Dsurefire.failIfNoSpecifiedTests=false -Dgt.golden.approve=true
git status --short pipeline/src/test/resources/golden/
git diff --stat pipeline/src/test/resources/golden/
