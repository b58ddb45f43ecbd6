#!/usr/bin/env bash
# The explorer's load test (issue 11): 20 sessions stepping the default scenario for 60 s against one server in
# this JVM; prints p50/p99 step latency and the heap, and writes web/target/explore-load.txt.
# Usage: scripts/explore-load.sh [SESSIONS [SECONDS [STEP]]]   (STEP: event, 1ms, 10ms, 100ms, 1s; default 100ms as the page plays). EXPLORE_LOAD_JAVA_OPTS adds JVM options, e.g. -Xmx2g.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -o test -pl web -am -Dexplore.load=none -Dgroups=load -Dtest=ExploreLoadTest \
  -Dsurefire.failIfNoSpecifiedTests=false -DtrimStackTrace=false \
  -DargLine="-Dexplore.sessions=${1:-20} -Dexplore.seconds=${2:-60} -Dexplore.step=${3:-100ms} -Xss16m ${EXPLORE_LOAD_JAVA_OPTS:-}"
cat web/target/explore-load.txt
