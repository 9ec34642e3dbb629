#!/usr/bin/env bash
# Whole-process wall time of scikit-learn's MLPClassifier and of `backprop4j train` on scikit-learn's digits
# (64-64-10) and breast-cancer (30-32-2) sets: inputs standardized, Adam at 0.001, batch 32, 50 epochs, no label
# smoothing, alternating one run of each, PAIRS pairs per set; the JVM with its default flags, as `java -jar` runs.
# One JSON line per run: set, lib, pair, wall_seconds, test_accuracy, and for backprop4j the seconds from the
# JVM's start to the first batch (logged by the command) and the mean training epoch.
#
#   apt-get install -y python3-sklearn bc; mvn -B -q install -DskipTests
#   docs/tools/small-networks.sh [PAIRS] > docs/benchmarks/small-networks-DATE.jsonl
set -euo pipefail
cd "$(dirname "$0")/../.."
pairs=${1:-3}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
/usr/bin/python3 docs/tools/sklearn_datasets.py "$data"
for spec in digits:64 breast-cancer:32; do
    set_name=${spec%%:*}
    hidden=${spec##*:}
    for pair in $(seq 1 "$pairs"); do
        start=$(date +%s.%N)
        line=$(/usr/bin/python3 docs/tools/sklearn_mlp.py "$data/$set_name-train.csv" "$data/$set_name-test.csv" \
            "$hidden" 32 50)
        end=$(date +%s.%N)
        accuracy=$(sed -E 's/.*"test_accuracy": ([0-9.]+).*/\1/' <<< "$line")
        printf '{"set": "%s", "lib": "scikit-learn", "pair": %d, "wall_seconds": %.3f, "test_accuracy": %s}\n' \
            "$set_name" "$pair" "$(echo "$end - $start" | bc)" "$accuracy"
        start=$(date +%s.%N)
        log=$(java -jar cli/target/backprop4j.jar train --data "$data/$set_name-train.csv" \
            --test "$data/$set_name-test.csv" --hidden "$hidden" --optimizer adam --lr 0.001 --schedule constant \
            --label-smoothing 0 --batch-size 32 --epochs 50 --no-progress 2>&1)
        end=$(date +%s.%N)
        accuracy=$(grep -o 'finished at epoch 50: test accuracy [0-9.]*' <<< "$log" | grep -o '[0-9.]*$')
        first=$(grep -o 'first batch [0-9.]* s' <<< "$log" | grep -o '[0-9.]\+' | head -1)
        epoch=$(grep -o 'accuracy [0-9.]*%, [0-9.]* s' <<< "$log" | awk '{s += $3} END {printf "%.4f", s / NR}')
        printf '{"set": "%s", "lib": "backprop4j", "pair": %d, "wall_seconds": %.3f, "test_accuracy": %.4f, "first_batch_seconds": %s, "mean_epoch_seconds": %s}\n' \
            "$set_name" "$pair" "$(echo "$end - $start" | bc)" "$(echo "$accuracy / 100" | bc -l)" "$first" "$epoch"
    done
done
