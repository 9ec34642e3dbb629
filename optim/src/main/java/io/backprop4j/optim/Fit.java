package io.backprop4j.optim;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.data.augment.Augmentation;
import io.backprop4j.optim.metrics.Metrics;
import java.util.List;

/**
 * How long and in what batches {@link Trainer#fit} trains, named at the call so that no two numbers can be
 * swapped: {@code trainer.fit(data, Fit.epochs(10).batchSize(128).seed(1))}. Keras's defaults fill what is not
 * named: batches of 32, and seed 0 for the shuffling.
 *
 * @param epochs passes over the training set, at least 1
 * @param batchSize examples per mini-batch, at least 1 (the last batch of an epoch may be smaller)
 * @param seed fixes the order of the examples in every epoch
 * @param validation data whose loss (and accuracy, for classes) every epoch reports, Keras's
 *     {@code validation_data}; null for none (or the Trainer's own, {@link Trainer#validateOn})
 * @param metrics the figures every epoch reports on its training batches and on the validation data, by name
 *     ({@link Metrics#named}: {@code accuracy}, {@code top-5}, {@code f1-macro}, {@code mse}, {@code mae},
 *     {@code r2}), Keras's {@code metrics=[...]}
 * @param augmentation image transforms applied to every training batch as it is gathered, drawn from the run's
 *     seed; null for none
 */
public record Fit(int epochs, int batchSize, long seed, DataSet validation, List<String> metrics,
        Augmentation augmentation) {

    /** Keras's default mini-batch size. */
    public static final int DEFAULT_BATCH_SIZE = 32;

    public Fit {
        if (epochs <= 0) {
            throw new IllegalArgumentException("Fit: epochs must be at least 1, got " + epochs);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("Fit: the batch size must be at least 1, got " + batchSize);
        }
        metrics.forEach(Metrics::named);
        metrics = List.copyOf(metrics);
    }

    /** {@code epochs} passes in batches of {@value #DEFAULT_BATCH_SIZE}, seed 0. */
    public static Fit epochs(int epochs) {
        return new Fit(epochs, DEFAULT_BATCH_SIZE, 0, null, List.of(), null);
    }

    /** The same, in batches of {@code batchSize} ({@code n} for full-batch gradient descent, 1 for one-example SGD). */
    public Fit batchSize(int batchSize) {
        return new Fit(epochs, batchSize, seed, validation, metrics, augmentation);
    }

    /** The same, shuffled with {@code seed}. */
    public Fit seed(long seed) {
        return new Fit(epochs, batchSize, seed, validation, metrics, augmentation);
    }

    /** The same, reporting {@code metrics} by name after every epoch, on the training batches and the validation data. */
    public Fit metrics(String... metrics) {
        return new Fit(epochs, batchSize, seed, validation, List.of(metrics), augmentation);
    }

    /** The same, reporting the loss and accuracy on {@code validation} after every epoch. */
    public Fit validation(DataSet validation) {
        if (validation.size() == 0) {
            throw new IllegalArgumentException("Fit: the validation set is empty; it needs examples");
        }
        return new Fit(epochs, batchSize, seed, validation, metrics, augmentation);
    }

    /**
     * The same, augmenting the training images with {@code augmentation} (torchvision's transforms on the fly):
     * {@code Fit.epochs(30).augment(Augmentation.images(1, 28, 28, new RandomCrop(2), new RandomHorizontalFlip()))}.
     */
    public Fit augment(Augmentation augmentation) {
        return new Fit(epochs, batchSize, seed, validation, metrics, augmentation);
    }
}
