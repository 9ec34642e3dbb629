#!/usr/bin/env bash
# Whole-process timing of a newcomer's MLP program (io.backprop4j.bench.NewcomerMlp) without any setup call,
# against the same program with the explicit Threads.setKernelThreads(1), run back to back in alternating order:
# ROUNDS pairs on a quiet machine, then ROUNDS pairs beside a busy neighbour (a second JVM training the same
# network in a loop). "native" is the no-call program with -Dbackprop4j.kernelThreads=0: the native libraries'
# own thread counts, what a program without the call got before the library set the default.
# Usage (after mvn -B -q install -DskipTests): docs/tools/default-threads.sh [ROUNDS] > results.jsonl
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
jar=benchmarks/target/backprop4j-benchmarks.jar
run() { # setting program [jvm flags...]
    local setting=$1 program=$2; shift 2
    local start end
    start=$(date +%s.%N)
    line=$(java "$@" -cp "$jar" io.backprop4j.bench.NewcomerMlp "$program" 2>/dev/null | tail -1)
    end=$(date +%s.%N)
    echo "{\"setting\": \"$setting\", \"wall_seconds\": $(awk "BEGIN {printf \"%.2f\", $end - $start}"), \"result\": $line}"
}
rounds_of() {
    local setting=$1
    for i in $(seq "$rounds"); do
        if [ $((i % 2)) -eq 1 ]; then
            run "$setting" none; run "$setting" explicit
        else
            run "$setting" explicit; run "$setting" none
        fi
        run "$setting" native -Dbackprop4j.kernelThreads=0
    done
}
rounds_of quiet
( while true; do java -cp "$jar" io.backprop4j.bench.NewcomerMlp explicit >/dev/null 2>&1; done ) &
neighbour=$!
trap 'kill $neighbour 2>/dev/null; pkill -f "NewcomerMlp explicit" 2>/dev/null || true' EXIT
sleep 5
rounds_of busy
