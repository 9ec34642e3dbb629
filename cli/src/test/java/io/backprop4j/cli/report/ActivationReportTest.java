package io.backprop4j.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.cli.Main;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/** The activation report on a tiny budget (Fashion-MNIST from Debian's package, as in CI). */
class ActivationReportTest {

    @TempDir
    Path directory;

    @Test
    void writesTheMarkdownChartsAndResultsWithTheMeasuredValues() throws IOException {
        Path folder = directory.resolve("report");
        StringWriter out = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(out)).execute("report", "activations", "--limit", "600",
                "--epochs", "1", "--kernel-repetitions", "5", "--deep-layers", "4", "--offline", "--output",
                folder.toString());
        assertEquals(0, exit);

        for (String chart : List.of("accuracy-by-epoch", "accuracy-by-time", "loss", "kernels", "gradient-norms",
                "dead-relu")) {
            BufferedImage image = ImageIO.read(folder.resolve(chart + ".png").toFile());
            assertNotNull(image, chart + ".png is a readable PNG");
            assertEquals(900, image.getWidth());
        }
        String markdown = Files.readString(folder.resolve("report.md"));
        JsonNode results = new ObjectMapper().readTree(folder.resolve("results.json").toFile());
        assertTrue(out.toString().contains(results.get("verdict").asText()), out.toString());
        assertTrue(markdown.contains(results.get("verdict").asText()), "the verdict is in the report");
        assertEquals(9, results.get("kernels").size());
        for (JsonNode kernel : results.get("kernels")) {
            assertTrue(markdown.contains(String.format(Locale.ROOT, "| %s | %.3f | %.3f |",
                    kernel.get("activation").asText(), kernel.get("forwardNanosPerElement").asDouble(),
                    kernel.get("backwardNanosPerElement").asDouble())), kernel.toString());
        }
        for (Map.Entry<String, JsonNode> curve : iterable(results.get("learningCurves").fields())) {
            JsonNode last = curve.getValue().get(curve.getValue().size() - 1);
            assertEquals(1.0, last.get("epoch").asDouble(), curve.getKey());
            double accuracy = last.get("testAccuracy").asDouble();
            assertTrue(accuracy > (curve.getKey().equals("relu") ? 0.3 : 0) && accuracy <= 1,
                    curve.getKey() + ": test accuracy " + accuracy);
            assertTrue(markdown.contains(String.format(Locale.ROOT, "| %s | ", curve.getKey()))
                    && markdown.contains(String.format(Locale.ROOT, "%.2f%% | %.4f |", 100 * accuracy,
                    last.get("trainLoss").asDouble())), curve.getKey());
        }
        JsonNode sigmoid = results.get("gradientNorms").get("sigmoid");
        assertEquals(4, sigmoid.size());
        assertTrue(sigmoid.get(0).asDouble() < sigmoid.get(3).asDouble() / 10,
                "sigmoid gradients vanish towards the input: " + sigmoid);
        assertTrue(markdown.contains(String.format(Locale.ROOT, "| 1 | %.3e | %.3e |", sigmoid.get(0).asDouble(),
                results.get("gradientNorms").get("relu").get(0).asDouble())));
        JsonNode dead = results.get("deadUnits");
        assertEquals(2, dead.size());
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
