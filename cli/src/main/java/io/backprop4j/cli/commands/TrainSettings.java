package io.backprop4j.cli.commands;

import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.ActivationName;
import io.backprop4j.layers.losses.Loss;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import io.backprop4j.optim.Optimizer;
import io.backprop4j.optim.OptimizerName;
import io.backprop4j.optim.schedules.LearningRateSchedule;
import io.backprop4j.optim.schedules.ScheduleName;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@code train} run was asked for, saved with its checkpoints (so {@code --resume} continues the
 * same run) and with its model (so the file says how it was made).
 */
record TrainSettings(DataSource source, ModelName model, int[] hidden, ActivationName activation, OptimizerName optimizer,
        double learningRate, ScheduleName schedule, int batchSize, int epochs, long seed, int limit,
        List<AugmentName> augment, double labelSmoothing) {

    /** The network for rows of {@code inputs} features and {@code classes} classes, from the run's seed. */
    Sequential network(int inputs, int classes) {
        return model.build(inputs, hidden, activation, classes).initialize(seed);
    }

    Optimizer newOptimizer() {
        return optimizer.create(learningRate);
    }

    /** The same settings for a run of {@code total} epochs; 0 keeps the planned number. */
    TrainSettings withEpochs(int total) {
        return total == 0 ? this : new TrainSettings(source, model, hidden, activation, optimizer, learningRate, schedule,
                batchSize, total, seed, limit, augment, labelSmoothing);
    }

    /** The model's loss, its targets smoothed by {@link #labelSmoothing} (the MLP's softmax cross-entropy only). */
    Loss loss() {
        return labelSmoothing > 0 ? new SoftmaxCrossEntropy(labelSmoothing) : model.loss();
    }

    /** The run's schedule over epochs of {@code stepsPerEpoch} batches. */
    LearningRateSchedule learningRateSchedule(int stepsPerEpoch) {
        return schedule.create(learningRate, epochs, stepsPerEpoch);
    }

    /** The settings and the data's {@code classNames}, as a model file's or checkpoint's metadata. */
    Map<String, Object> toMap(List<String> classNames) {
        Map<String, Object> map = new LinkedHashMap<>();
        source.describe(map);
        map.put("model", model.id);
        map.put("hidden", Arrays.stream(hidden).boxed().toList());
        map.put("activation", activation.id());
        map.put("optimizer", optimizer.id());
        map.put("learningRate", learningRate);
        map.put("schedule", schedule.id());
        map.put("batchSize", batchSize);
        map.put("epochs", epochs);
        map.put("seed", seed);
        map.put("limit", limit);
        map.put("augment", augment.stream().map(a -> a.id).toList());
        map.put("labelSmoothing", labelSmoothing);
        map.put("classNames", classNames);
        return map;
    }

    static TrainSettings fromMap(Map<String, Object> map) {
        try {
            List<?> hidden = (List<?>) map.get("hidden");
            return new TrainSettings(DataSource.fromMap(map),
                    ModelName.of((String) map.get("model")),
                    hidden.stream().mapToInt(h -> ((Number) h).intValue()).toArray(),
                    ActivationName.of((String) map.get("activation")), OptimizerName.of((String) map.get("optimizer")),
                    ((Number) map.get("learningRate")).doubleValue(), ScheduleName.of((String) map.get("schedule")),
                    ((Number) map.get("batchSize")).intValue(), ((Number) map.get("epochs")).intValue(),
                    ((Number) map.get("seed")).longValue(), ((Number) map.get("limit")).intValue(),
                    ((List<?>) map.getOrDefault("augment", List.of())).stream()
                            .map(a -> AugmentName.of((String) a)).toList(),
                    ((Number) map.getOrDefault("labelSmoothing", 0.0)).doubleValue());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the checkpoint's training settings are incomplete or not ours ("
                    + e + "): " + map, e);
        }
    }
}
