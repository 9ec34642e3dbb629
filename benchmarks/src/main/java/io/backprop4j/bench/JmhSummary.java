package io.backprop4j.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/**
 * Turns a JMH result file ({@code -rf json -rff results.json}) into Markdown: GEMMs in GFLOP/s
 * (2·m·k·n / time), element-wise kernels in ns per element, everything else in µs per operation, each with
 * its 99.9% error as a percentage of the time ("n/a" for a single measurement iteration) and, when run
 * with {@code -prof gc}, the Java heap bytes allocated per operation.
 *
 * <pre>java -cp benchmarks/target/backprop4j-benchmarks.jar io.backprop4j.bench.JmhSummary results.json</pre>
 */
public final class JmhSummary {

    private JmhSummary() {
    }

    public static void main(String[] args) throws IOException {
        System.out.print(markdown(new ObjectMapper().readTree(Path.of(args[0]).toFile())));
    }

    static String markdown(JsonNode results) {
        StringBuilder text = new StringBuilder(
                "| benchmark | parameters | result | ± 99.9% error | heap B/op |\n|---|---|---|---|---|\n");
        for (JsonNode run : results) {
            String name = run.path("benchmark").asText().replaceFirst("^io\\.backprop4j\\.bench\\.", "");
            JsonNode params = run.path("params");
            double score = run.path("primaryMetric").path("score").asDouble();
            String unit = run.path("primaryMetric").path("scoreUnit").asText("us/op").replace("/op", "");
            double micros = score * microsPer(unit);
            double error = run.path("primaryMetric").path("scoreError").asDouble() * microsPer(unit);
            String result;
            if (name.startsWith("GemmBenchmark")) {
                result = format("%.1f GFLOP/s", flops(params.path("shape").asText()) / micros / 1e3);
            } else if (params.has("size")) {
                result = format("%.3f ns/element", micros * 1e3 / Sizes.elements(params.path("size").asText()));
            } else {
                result = format("%.1f ", score) + unit.replace("us", "µs");
            }
            String spread = Double.isNaN(error) ? "n/a" : format("%.0f%%", 100 * error / micros);
            JsonNode allocation = run.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score");
            text.append("| ").append(name).append(" | ").append(parameters(params)).append(" | ").append(result)
                    .append(" | ").append(spread).append(" | ")
                    .append(allocation.isMissingNode() ? "" : format("%.0f", allocation.asDouble())).append(" |\n");
        }
        return text.toString();
    }

    private static String parameters(JsonNode params) {
        StringBuilder text = new StringBuilder();
        params.fields().forEachRemaining(f -> text.append(text.length() == 0 ? "" : ", ").append(f.getKey())
                .append('=').append(f.getValue().asText()));
        return text.toString();
    }

    /** Microseconds in one of JMH's time units (ns, us, ms, s). */
    private static double microsPer(String unit) {
        return switch (unit) {
            case "ns" -> 1e-3;
            case "us" -> 1;
            case "ms" -> 1e3;
            case "s" -> 1e6;
            default -> throw new IllegalArgumentException("JmhSummary: unknown time unit " + unit + "/op");
        };
    }

    /** 2·m·k·n for a shape {@code MxKxN:OPS}. */
    static double flops(String shape) {
        String[] sizes = shape.split(":")[0].split("x");
        return 2.0 * Double.parseDouble(sizes[0]) * Double.parseDouble(sizes[1]) * Double.parseDouble(sizes[2]);
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
