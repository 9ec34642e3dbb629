package io.backprop4j.optim.callbacks;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.data.Batches;
import io.backprop4j.layers.Model;
import io.backprop4j.optim.metrics.Metric;
import io.backprop4j.optim.metrics.Metrics;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras's {@code validation_data}: after every epoch, adds to its record the loss on the validation set
 * ({@code val_loss}) and, when its labels are classes (one-hot rows, or class indices of a data set that names its
 * classes), the share of rows whose predicted class is the label ({@code val_accuracy}), and each of the fit's
 * metrics as {@code val_NAME}. In inference mode, in batches.
 */
public final class ValidationMetrics implements Callback {

    private final DataSet validation;
    private final List<Metric> metrics;
    private TrainingContext context;

    /** The loss and, for classes, the accuracy on {@code validation}. */
    public ValidationMetrics(DataSet validation) {
        this(validation, List.of());
    }

    /** The same and the metrics named ({@link Metrics#named}). */
    public ValidationMetrics(DataSet validation, List<String> metrics) {
        if (validation.size() == 0) {
            throw new IllegalArgumentException("ValidationMetrics: the validation set is empty; it needs examples");
        }
        this.validation = validation;
        boolean classes = !validation.classNames().isEmpty()
                || validation.labels().rank() == 2 && validation.labels().columns() > 1;
        List<String> names = new ArrayList<>(metrics);
        if (classes && !names.contains("accuracy")) {
            names.add(0, "accuracy");
        }
        this.metrics = names.stream().map(Metrics::named).toList();
    }

    public DataSet data() {
        return validation;
    }

    @Override
    public void onTrainingStart(TrainingContext context) {
        this.context = context;
    }

    /** The loss, then one inference pass over the validation set for every metric (none for regression targets). */
    @Override
    public void onEpochEnd(EpochEvent event) {
        event.put(EpochEvent.VALIDATION_LOSS, FullBatch.meanLoss(context.model(), context.loss(), validation,
                context.batchSize()));
        if (metrics.isEmpty()) {
            return;
        }
        metrics.forEach(Metric::reset);
        for (DataSet batch : Batches.inOrder(validation, context.batchSize())) {
            INDArray output = Model.of(context.model()).predict(batch.features());
            metrics.forEach(metric -> metric.update(output, batch.labels()));
        }
        metrics.forEach(metric -> event.put("val_" + metric.name(), metric.result()));
    }
}
