#!/bin/bash
cd /work/main
J="spark/target/backprop4j-spark-0.1.0-SNAPSHOT.jar:spark/target/lib/*"
out=${OUT:-spark-local-modes.jsonl}; : > $out
run() { echo "# $*" >> $out; /usr/bin/time -f '{"wall_seconds": %e}' java @spark/java17.args -cp "$J" io.backprop4j.spark.demo.FashionMnistOnSpark --epochs 2 --limit 10000 "$@" 2>&1 | grep '^{' >> $out; }
run --single-machine
run --all-reduce tree
run --all-reduce sharded
run --mode averaging --averaging-period 5
run --all-reduce tree --partitions 4
run --all-reduce sharded --partitions 4
run --mode averaging --averaging-period 5 --partitions 4
