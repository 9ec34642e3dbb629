package io.backprop4j.cli.playground;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.Rng;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A session's data: {@link Settings#POINTS} points of its problem, shuffled and split into training and test
 * points (rows x₁, x₂, target), and the same as data sets of the chosen features with targets {@code [n, 1]}.
 */
record Points(double[][] train, double[][] test, DataSet trainSet, DataSet testSet) {

    static Points of(Settings settings) {
        double[][] all = settings.dataset().points(Settings.POINTS, settings.noise() / 100.0, settings.seed());
        Rng rng = new Rng(settings.seed() + 1);
        for (int i = all.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            double[] swap = all[i];
            all[i] = all[j];
            all[j] = swap;
        }
        int trainCount = all.length * settings.trainPercent() / 100;
        double[][] train = Arrays.copyOfRange(all, 0, trainCount);
        double[][] test = Arrays.copyOfRange(all, trainCount, all.length);
        return new Points(train, test, dataSet(train, settings.features()), dataSet(test, settings.features()));
    }

    /** The features of each point as rows {@code [n, features]}, float32. */
    static float[][] features(double[][] points, List<Feature> features) {
        float[][] x = new float[points.length][features.size()];
        for (int i = 0; i < points.length; i++) {
            for (int j = 0; j < features.size(); j++) {
                x[i][j] = (float) features.get(j).of(points[i][0], points[i][1]);
            }
        }
        return x;
    }

    private static DataSet dataSet(double[][] points, List<Feature> features) {
        float[][] targets = new float[points.length][1];
        for (int i = 0; i < points.length; i++) {
            targets[i][0] = (float) points[i][2];
        }
        return new DataSet(Nd4j.create(features(points, features)).castTo(DataType.FLOAT),
                Nd4j.create(targets).castTo(DataType.FLOAT));
    }
}
