#!/usr/bin/env bash
# Runs the voice benchmark (io.firstcontact.benchmarks.load.VoiceBenchmark): the real server as a child process (journal
# on), the Asterisk test peer in the generator's JVM. Builds the two jars through the reactor first (nothing is
# installed into ~/.m2). Results go to benchmarks/results/voice-<UTC timestamp>/voice.json.
#
#   benchmarks/voice.sh [--cycles 1000] [--warmup 2000] [--flood 20000] [--lifecycles 500] [--sessions 1000]   (about 2 minutes)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=../scripts/select-jdk.sh
source scripts/select-jdk.sh

if [[ "${FC_VOICE_SKIP_BUILD:-}" != 1 ]]; then
    ./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl server,benchmarks -am package
fi

out="benchmarks/results/voice-$(date -u +%Y%m%dT%H%M%SZ)"
"$JAVA_HOME/bin/java" -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar \
    io.firstcontact.benchmarks.load.VoiceBenchmark --jar server/target/firstcontact-server.jar --out "$out" "$@"
