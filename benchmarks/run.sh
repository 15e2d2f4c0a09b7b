#!/usr/bin/env bash
# Runs the engine benchmarks: builds benchmarks/target/benchmarks.jar, runs JMH (per-input latency, steady-cycle
# throughput, pathological single shots, the journal codec with personal attributes sealed and in clear, each with
# the GC profiler; the naive oracle engine in the same run for context), then the allocation and memory reports. Results go to benchmarks/results/<mode>-<timestamp>/.
#
#   benchmarks/run.sh          full run: >= 3 forks (about 20 minutes on 2 cores)
#   benchmarks/run.sh quick    smoke check: 1 fork, one short iteration each
set -euo pipefail

mode="${1:-full}"
case "$mode" in
    full | quick) ;;
    *)
        echo "usage: $0 [full|quick]" >&2
        exit 2
        ;;
esac

cd "$(dirname "${BASH_SOURCE[0]}")/.."

source scripts/select-jdk.sh
java="$JAVA_HOME/bin/java"

./mvnw -B -q -pl benchmarks -am package -DskipTests

out="benchmarks/results/${mode}-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"

# One heap size for every fork, so runs compare; G1 (the default collector).
jvm_flags="--sun-misc-unsafe-memory-access=allow -Xms2g -Xmx2g"
jar=(benchmarks/target/benchmarks.jar)

if [[ "$mode" == quick ]]; then
    per_input=(-f 1 -wi 1 -w 1s -i 1 -r 1s)
    naive_per_input=(-f 1 -wi 0 -i 1 -r 1s)
    throughput=(-f 1 -wi 1 -w 1s -i 1 -r 1s)
    single=(-f 1 -wi 1 -i 3)
    alloc_turns=2000
else
    per_input=(-f 3 -wi 2 -w 1s -i 3 -r 1s)
    naive_per_input=(-f 3 -wi 1 -w 1s -i 2 -r 1s)
    throughput=(-f 3 -wi 2 -w 2s -i 3 -r 2s)
    single=(-f 3 -wi 3 -i 15)
    alloc_turns=50000
fi

{
    echo "# machine"
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "nproc: $(nproc)"
    lscpu | head -n 20
    free -m | head -n 2
    "$java" -version 2>&1
    echo "jvm flags (every fork): $jvm_flags"
    echo "mode: $mode"
    echo "load before the run: $(cat /proc/loadavg)"
} >"$out/machine.txt"
cat "$out/machine.txt"

run_jmh() {
    local name="$1"
    shift
    echo "=== JMH $name"
    "$java" --sun-misc-unsafe-memory-access=allow -jar "${jar[@]}" "$@" \
        -jvmArgsAppend "$jvm_flags" -prof gc -rf json -rff "$out/$name.json" -o "$out/$name.txt"
    # Keep machine paths out of the kept results.
    sed -i -E "s#${JAVA_HOME}#<JAVA_HOME>#g; s#$(pwd)#<project>#g" "$out/$name.json" "$out/$name.txt"
    tail -n 60 "$out/$name.txt" | grep -v '^$' || true
}

run_jmh per-input PerInputBenchmark -p engine=indexed "${per_input[@]}"
run_jmh per-input-naive PerInputBenchmark -p engine=naive -p shape=1k_x_1k "${naive_per_input[@]}"
run_jmh throughput CycleThroughputBenchmark -p engine=indexed "${throughput[@]}"
run_jmh throughput-naive CycleThroughputBenchmark -p engine=naive -p shape=1k_x_1k "${throughput[@]}"
run_jmh pathological PathologicalBenchmark "${single[@]}"
run_jmh journal JournalCodecBenchmark "${per_input[@]}"

echo "=== allocation per input"
"$java" $jvm_flags -cp "${jar[@]}" io.firstcontact.benchmarks.AllocationReport "$alloc_turns" | tee "$out/allocation.txt"
echo "=== memory"
"$java" $jvm_flags -Xms4g -Xmx4g -cp "${jar[@]}" io.firstcontact.benchmarks.MemoryReport | tee "$out/memory.txt"
echo "load after the run: $(cat /proc/loadavg)" >>"$out/machine.txt"

python3 benchmarks/summarise.py "$out" | tee "$out/summary.txt" || echo "(no python3: see the .txt files)"
echo "results in $out"
