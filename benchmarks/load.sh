#!/usr/bin/env bash
# Runs the end-to-end load generator (io.firstcontact.benchmarks.load.LoadGenerator) against the real server, which
# it starts as a child process (production mode, embedded Redis with AOF everysec, a fresh temporary data directory).
# Builds what is needed first. Results go to benchmarks/results/load-<UTC timestamp>-<mode>/.
#
#   benchmarks/load.sh steady   [--rate 300 --presence 3000 --duration 60s ...]   the targets' run (about 2.5 min)
#   benchmarks/load.sh sweep    [--rates 100,250,500,1000,1500,2000 ...]         saturation sweep (about 8 min)
#   benchmarks/load.sh recovery [--calls 5000 ...]                                kill -9, restart, first offer
#   benchmarks/load.sh idle     [--waiting 1000 --duration 60s]                   idle proof
#   benchmarks/load.sh all                                                        the four, one after the other
#
# Options are described in benchmarks/README.md ("The server end to end") and LoadGenerator's class comment.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=../scripts/select-jdk.sh
source scripts/select-jdk.sh

mode="${1:-}"
case "$mode" in
    steady | sweep | recovery | idle | all) shift ;;
    *)
        echo "usage: $0 steady|sweep|recovery|idle|all [options]" >&2
        exit 2
        ;;
esac

# Built through the reactor (package, never install: nothing is written to the local Maven repository): the
# server's jar and the generator's.
if [[ "${FC_LOAD_SKIP_BUILD:-}" != 1 ]]; then
    ./mvnw -q -B -DskipTests -pl server,benchmarks -am package
fi

# The generator's own JVM: ZGC, so that its own collector never stalls the schedule (a pause would count as the
# server's latency, which is measured from the intended send time).
generator_flags=(-Xms2g -Xmx2g -XX:+UseZGC -XX:+AlwaysPreTouch)
run() {
    "$JAVA_HOME/bin/java" "${generator_flags[@]}" -cp benchmarks/target/benchmarks.jar \
        io.firstcontact.benchmarks.load.LoadGenerator "$@"
}

if [[ "$mode" == all ]]; then
    run steady "$@"
    run sweep "$@"
    run recovery "$@"
    run idle "$@"
else
    run "$mode" "$@"
fi
