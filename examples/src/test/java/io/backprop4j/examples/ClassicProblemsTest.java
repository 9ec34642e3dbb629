package io.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.DataSet;
import io.backprop4j.layers.Sequential;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassicProblemsTest {

    @Test
    void perceptronLearnsAndAndOrButNotXor() {
        assertTrue(Perceptron.train(Perceptron.AND, 1.0, 100).converged());
        assertTrue(Perceptron.train(Perceptron.OR, 1.0, 100).converged());
        Perceptron.Result xor = Perceptron.train(Perceptron.XOR, 1.0, 1000);
        assertFalse(xor.converged());
        assertTrue(xor.correct() < 4);
    }

    @Test
    void xorExampleSolvesXorFromFiveSeeds() {
        for (long seed = 11; seed <= 15; seed++) {
            assertEquals(1.0, Xor.accuracy(Xor.train(seed)), "seed " + seed);
        }
    }

    @Test
    void moreHiddenUnitsApproximateSineBetter() {
        double two = Approximation.fit(Approximation.SINE, 2, 1500, 1);
        double thirtyTwo = Approximation.fit(Approximation.SINE, 32, 1500, 1);
        assertTrue(thirtyTwo < two, "MSE with 32 units " + thirtyTwo + " vs 2 units " + two);
        assertTrue(thirtyTwo < 1e-3, "32 sigmoids fit sin(2πx) to MSE " + thirtyTwo);
    }

    @Test
    void twoSpiralsAreLearnedAndDrawn(@TempDir Path dir) throws Exception {
        DataSet spirals = ToyProblems.SPIRALS.generate(400, 0.05, 1);
        Sequential model = ToyProblemTraining.train(spirals, 2000, 1);
        double accuracy = ToyProblemTraining.trainingAccuracy(model, spirals);
        assertTrue(accuracy >= 0.95, "two spirals training accuracy " + accuracy);
        Path png = dir.resolve("spirals.png");
        DecisionBoundary.write(model, spirals, 120, png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(120, image.getWidth());
        assertTrue(image.getRGB(60, 60) != image.getRGB(5, 5) || image.getRGB(5, 5) != image.getRGB(115, 115),
                "the picture shows more than one region");
    }
}
