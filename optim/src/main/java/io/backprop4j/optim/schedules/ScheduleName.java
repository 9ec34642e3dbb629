package io.backprop4j.optim.schedules;

import java.util.Arrays;
import java.util.List;

/** Learning-rate schedules by short name (as on the command line, {@code --schedule cosine}), over a run of epochs. */
public enum ScheduleName {
    /** The same rate every epoch. */
    CONSTANT("constant"),
    /** η·0.7^(epoch−1), the PyTorch MNIST example's StepLR(step_size=1, gamma=0.7). */
    STEP("step"),
    /** η·½(1 + cos(π·(epoch−1)/epochs)), falling towards 0 at the end of the run. */
    COSINE("cosine"),
    /** PyTorch's OneCycleLR per batch with its defaults: from η/25 up to η over 30% of the run, then down to η/25·10⁻⁴. */
    ONE_CYCLE("one-cycle"),
    /** A linear warm-up over the first epoch's batches, then cosine annealing per batch to 0 at the end. */
    COSINE_WARMUP("cosine-warmup");

    private final String id;

    ScheduleName(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** This schedule from learning rate η over a run of {@code epochs} epochs of one batch each. */
    public LearningRateSchedule create(double learningRate, int epochs) {
        return create(learningRate, epochs, 1);
    }

    /** This schedule from learning rate η (the peak, for the per-batch ones) over {@code epochs} epochs of batches. */
    public LearningRateSchedule create(double learningRate, int epochs, int stepsPerEpoch) {
        long steps = (long) epochs * stepsPerEpoch;
        return switch (this) {
            case CONSTANT -> LearningRateSchedule.constant(learningRate);
            case STEP -> new StepDecay(learningRate, 1, 0.7);
            case COSINE -> new CosineAnnealing(learningRate, 0, epochs);
            case ONE_CYCLE -> new OneCycle(learningRate, steps, stepsPerEpoch);
            case COSINE_WARMUP -> new CosineWithWarmup(learningRate, 0, stepsPerEpoch, Math.max(steps,
                    stepsPerEpoch + 1L), stepsPerEpoch);
        };
    }

    public static ScheduleName of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown schedule '" + id + "'; expected one of " + ids()));
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(ScheduleName::id).toList();
    }
}
