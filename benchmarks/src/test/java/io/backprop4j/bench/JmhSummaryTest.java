package io.backprop4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.nd4j.shade.jackson.databind.ObjectMapper;

class JmhSummaryTest {

    @Test
    void convertsGemmTimesToGflopsAndElementwiseTimesToNanosecondsPerElement() throws IOException {
        String results = """
                [{"benchmark": "io.backprop4j.bench.GemmBenchmark.gemm", "params": {"shape": "512x512x512:NN"},
                  "primaryMetric": {"score": 1342.17728, "scoreError": 100.0, "scoreUnit": "us/op"}},
                 {"benchmark": "io.backprop4j.bench.ActivationBenchmark.forward",
                  "params": {"activation": "relu", "size": "128x1024"},
                  "primaryMetric": {"score": 65.536, "scoreError": 1.31072, "scoreUnit": "us/op"},
                  "secondaryMetrics": {"gc.alloc.rate.norm": {"score": 48.0}}},
                 {"benchmark": "io.backprop4j.bench.TrainingStepBenchmark.step", "params": {"batch": "128"},
                  "primaryMetric": {"score": 2500.04, "scoreError": 25.0, "scoreUnit": "us/op"}},
                 {"benchmark": "io.backprop4j.bench.CnnStepBenchmark.step", "params": {"kernelThreads": "1"},
                  "primaryMetric": {"score": 93.5, "scoreError": 9.35, "scoreUnit": "ms/op"}}]
                """;
        String markdown = JmhSummary.markdown(new ObjectMapper().readTree(results));
        String[] rows = markdown.split("\n");
        assertEquals(6, rows.length, markdown);
        assertEquals("| GemmBenchmark.gemm | shape=512x512x512:NN | 200.0 GFLOP/s | 7% |  |", rows[2]);
        assertEquals("| ActivationBenchmark.forward | activation=relu, size=128x1024 | 0.500 ns/element | 2% | 48 |",
                rows[3]);
        assertTrue(rows[4].contains("| 2500.0 µs | 1% |"), rows[4]);
        assertTrue(rows[5].contains("| 93.5 ms | 10% |"), rows[5]);
    }
}
