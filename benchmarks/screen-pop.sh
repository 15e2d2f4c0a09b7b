#!/usr/bin/env bash
# Measures the screen pop's account-context lookup at offer time, with and without warming at arrival, behind a
# back office that takes 2 s to answer (io.firstcontact.benchmarks.account.ScreenPopLatency). About 3 minutes.
# Results go to benchmarks/results/screen-pop-<UTC timestamp>/.
#
#   benchmarks/screen-pop.sh [--callers 300 --rate 5 --ivr-min 3s --ivr-max 12s --direct-share 0.2 --back-office-delay 2s]
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=../scripts/select-jdk.sh
source scripts/select-jdk.sh

./mvnw -B -q -pl benchmarks -am package -DskipTests -Dspotless.check.skip=true

out="benchmarks/results/screen-pop-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
# shellcheck disable=SC2046
"$JAVA_HOME/bin/java" -Xms512m -Xmx512m $(fc_hazelcast_jvm_flags) \
    -cp benchmarks/target/benchmarks.jar io.firstcontact.benchmarks.account.ScreenPopLatency --out "$out" "$@" \
    2>&1 | tee "$out/output.txt"
