package io.backprop4j.examples;

import io.backprop4j.core.DataSet;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.Softmax;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Draws a two-class model's decision regions over [−1.2, 1.2]² (shaded by P(class 1), evaluated in one
 * batch over a pixel grid) with the data points on top, and writes it as a PNG through Java's ImageIO,
 * atomically (temporary file, then rename).
 */
public final class DecisionBoundary {

    private static final double EXTENT = 1.2;
    private static final Color CLASS_0 = new Color(242, 130, 48);
    private static final Color CLASS_1 = new Color(40, 110, 200);

    private DecisionBoundary() {
    }

    public static void write(Sequential model, DataSet data, int size, Path file) throws IOException {
        float[][] grid = new float[size * size][2];
        for (int row = 0; row < size; row++) {
            for (int col = 0; col < size; col++) {
                grid[row * size + col][0] = (float) coordinate(col, size);
                grid[row * size + col][1] = (float) -coordinate(row, size);
            }
        }
        INDArray probabilities = new Softmax().forward(model.forward(Nd4j.create(grid), false), false);
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < size * size; i++) {
            image.setRGB(i % size, i / size, blend(probabilities.getDouble(i, 1)).getRGB());
        }
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setStroke(new BasicStroke(1f));
        for (int i = 0; i < data.size(); i++) {
            int px = pixel(data.features().getDouble(i, 0), size);
            int py = pixel(-data.features().getDouble(i, 1), size);
            g.setColor(data.labels().getDouble(i, 1) > 0.5 ? CLASS_1 : CLASS_0);
            g.fillOval(px - 3, py - 3, 7, 7);
            g.setColor(Color.WHITE);
            g.drawOval(px - 3, py - 3, 7, 7);
        }
        g.dispose();
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        ImageIO.write(image, "png", temporary.toFile());
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static double coordinate(int pixel, int size) {
        return -EXTENT + 2 * EXTENT * (pixel + 0.5) / size;
    }

    private static int pixel(double coordinate, int size) {
        return (int) Math.round((coordinate + EXTENT) / (2 * EXTENT) * size);
    }

    /** Pale orange for P(1) = 0 through white to pale blue for P(1) = 1. */
    private static Color blend(double p) {
        Color target = p < 0.5 ? CLASS_0 : CLASS_1;
        double strength = 0.55 * Math.abs(2 * p - 1);
        return new Color(mix(255, target.getRed(), strength), mix(255, target.getGreen(), strength),
                mix(255, target.getBlue(), strength));
    }

    private static int mix(int from, int to, double amount) {
        return (int) Math.round(from + (to - from) * amount);
    }
}
