package io.backprop4j.optim;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.data.Batches;
import io.backprop4j.layers.Layer;
import io.backprop4j.layers.Model;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Classification quality: the confusion matrix C (row = true class, column = predicted class), accuracy =
 * trace(C)/n, per-class precision_k = C_kk / Σ_i C_ik, recall_k = C_kk / Σ_j C_kj and F1_k their harmonic mean,
 * their macro average (the plain mean over classes) and weighted average (weighted by each class's true count),
 * and top-k accuracy. The prediction is the arg-max of the model's output row; a model with one output is a
 * binary classifier whose output is a logit, class 1 when σ(s) ≥ 0.5, i.e. s ≥ 0.
 *
 * @param confusion C, K × K
 * @param classNames index k names class k; "0" … "K−1" when the data set has no names
 * @param rankCounts {@code rankCounts[r]}: examples whose true class had the (r+1)-th highest output
 */
public record Evaluation(long[][] confusion, List<String> classNames, long[] rankCounts) {

    /** The rows the model sees at once, which bounds the memory an evaluation takes. */
    static final int BATCH_SIZE = 1024;

    public Evaluation {
        classNames = List.copyOf(classNames);
    }

    /**
     * Evaluates {@code model} in inference mode ({@link Model#predict}, safe beside other threads) on
     * {@code data}, whose labels are one-hot rows or class indices, in batches of {@value #BATCH_SIZE} rows.
     */
    public static Evaluation of(Layer model, DataSet data) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("Evaluation: the data set is empty; it needs at least one example");
        }
        long[][] confusion = null;
        long[] rankCounts = null;
        for (DataSet batch : Batches.inOrder(data, BATCH_SIZE)) {
            INDArray prediction = Model.of(model).predict(batch.features());   // a fresh row-major array of its own
            int width = (int) (prediction.length() / batch.size());
            double[] flat = prediction.data().asDouble();
            prediction.close();
            int classes = Math.max(2, width);
            if (confusion == null) {
                confusion = new long[classes][classes];
                rankCounts = new long[classes];
            }
            int[] actual = batch.classIndices();
            for (int i = 0; i < actual.length; i++) {
                if (actual[i] < 0 || actual[i] >= classes) {
                    throw new IllegalArgumentException("Evaluation: the model has " + width + " output"
                            + (width == 1 ? " (a binary classifier)" : "s") + " but example " + i
                            + " of a batch is labelled class " + actual[i] + "; a model of K classes takes labels 0…K−1");
                }
                double[] scores = width == 1 ? new double[] {0, flat[i]}
                        : Arrays.copyOfRange(flat, i * width, (i + 1) * width);
                confusion[actual[i]][argMax(scores)]++;
                rankCounts[rank(scores, actual[i])]++;
            }
        }
        return new Evaluation(confusion, names(data.classNames(), confusion.length), rankCounts);
    }

    private static List<String> names(List<String> given, int classes) {
        if (given.size() == classes) {
            return given;
        }
        List<String> numbers = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            numbers.add(Integer.toString(k));
        }
        return numbers;
    }

    private static int argMax(double[] scores) {
        int best = 0;
        for (int k = 1; k < scores.length; k++) {
            if (scores[k] > scores[best]) {
                best = k;
            }
        }
        return best;
    }

    /** How many classes scored strictly higher than class {@code k}. */
    private static int rank(double[] scores, int k) {
        int higher = 0;
        for (double score : scores) {
            if (score > scores[k]) {
                higher++;
            }
        }
        return higher;
    }

    public int classes() {
        return confusion.length;
    }

    public long total() {
        return Arrays.stream(rankCounts).sum();
    }

    public double accuracy() {
        long correct = 0;
        for (int k = 0; k < classes(); k++) {
            correct += confusion[k][k];
        }
        return (double) correct / total();
    }

    /** The fraction of examples whose true class is among the {@code k} highest outputs (ties count as hits). */
    public double topKAccuracy(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("Evaluation: top-k needs k ≥ 1, got " + k);
        }
        long hits = 0;
        for (int r = 0; r < Math.min(k, rankCounts.length); r++) {
            hits += rankCounts[r];
        }
        return (double) hits / total();
    }

    public double precision(int k) {
        long predictedK = 0;
        for (long[] row : confusion) {
            predictedK += row[k];
        }
        return predictedK == 0 ? 0 : (double) confusion[k][k] / predictedK;
    }

    public double recall(int k) {
        long actualK = support(k);
        return actualK == 0 ? 0 : (double) confusion[k][k] / actualK;
    }

    public double f1(int k) {
        double p = precision(k);
        double r = recall(k);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The examples whose true class is {@code k}. */
    public long support(int k) {
        return Arrays.stream(confusion[k]).sum();
    }

    /** Precision, recall and F1 averaged over the classes, each counting the same (scikit-learn's "macro"). */
    public double[] macroAverage() {
        double[] sums = new double[3];
        for (int k = 0; k < classes(); k++) {
            sums[0] += precision(k) / classes();
            sums[1] += recall(k) / classes();
            sums[2] += f1(k) / classes();
        }
        return sums;
    }

    /** Precision, recall and F1 averaged over the classes, weighted by their support ("weighted"). */
    public double[] weightedAverage() {
        double[] sums = new double[3];
        for (int k = 0; k < classes(); k++) {
            double weight = (double) support(k) / total();
            sums[0] += weight * precision(k);
            sums[1] += weight * recall(k);
            sums[2] += weight * f1(k);
        }
        return sums;
    }

    /** Per-class precision, recall, F1 and support, then the averages, as scikit-learn's classification report. */
    public String report() {
        int width = Math.max(12, classNames.stream().mapToInt(String::length).max().orElse(0) + 2);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%" + width + "s %9s %9s %9s %9s%n", "",
                "precision", "recall", "f1", "support"));
        for (int k = 0; k < classes(); k++) {
            text.append(String.format(Locale.ROOT, "%" + width + "s %9.4f %9.4f %9.4f %9d%n", classNames.get(k),
                    precision(k), recall(k), f1(k), support(k)));
        }
        double[] macro = macroAverage();
        double[] weighted = weightedAverage();
        text.append(String.format(Locale.ROOT, "%" + width + "s %9s %9s %9.4f %9d%n", "accuracy", "", "", accuracy(),
                total()));
        text.append(String.format(Locale.ROOT, "%" + width + "s %9.4f %9.4f %9.4f %9d%n", "macro avg", macro[0],
                macro[1], macro[2], total()));
        text.append(String.format(Locale.ROOT, "%" + width + "s %9.4f %9.4f %9.4f %9d", "weighted avg", weighted[0],
                weighted[1], weighted[2], total()));
        return text.toString();
    }

    /** The confusion matrix as aligned text, true classes down, predicted across, labelled with the class names. */
    public String confusionTable() {
        int width = Math.max(7, classNames.stream().mapToInt(String::length).max().orElse(0) + 1);
        StringBuilder text = new StringBuilder(String.format("%" + width + "s", "true\\pred"));
        for (String name : classNames) {
            text.append(String.format("%" + width + "s", name));
        }
        for (int k = 0; k < classes(); k++) {
            text.append(String.format("%n%" + width + "s", classNames.get(k)));
            for (long c : confusion[k]) {
                text.append(String.format("%" + width + "d", c));
            }
        }
        return text.toString();
    }
}
