#!/usr/bin/env bash
# The IVR payment load: N concurrent payment calls (default 500) through the IVR's FastAGI front end, each on its own
# socket with a scripted Asterisk, against a floor measured in the same run (the same AGI conversations replayed by a
# script that decides nothing). Completion rate, per-step latency and memory per call; results go to
# benchmarks/results/ivr-<timestamp>/summary.md.
#
#   benchmarks/ivr-load.sh [calls]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/select-jdk.sh

calls="${1:-500}"
./mvnw -B -q -pl benchmarks -am package -DskipTests -Dspotless.check.skip=true
out="benchmarks/results/ivr-$(date -u +%Y%m%dT%H%M%SZ)"
"$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -Xms1g -Xmx1g \
    -cp benchmarks/target/benchmarks.jar io.firstcontact.benchmarks.ivr.IvrPaymentLoad "$calls" "$out"
echo "results in $out"
