package io.backprop4j.examples;

import io.backprop4j.optim.schedules.CosineAnnealing;
import io.backprop4j.optim.schedules.LearningRateSchedule;
import io.backprop4j.optim.schedules.StepDecay;
import java.util.Arrays;

/** Learning-rate schedules by their command-line names, over a run of a given number of epochs. */
enum ScheduleName {
    /** The same rate every epoch. */
    CONSTANT("constant"),
    /** η·0.7^(epoch−1), the PyTorch MNIST example's StepLR(step_size=1, gamma=0.7). */
    STEP("step"),
    /** η·½(1 + cos(π·(epoch−1)/epochs)), falling towards 0 at the end of the run. */
    COSINE("cosine");

    final String id;

    ScheduleName(String id) {
        this.id = id;
    }

    LearningRateSchedule schedule(double learningRate, int epochs) {
        return switch (this) {
            case CONSTANT -> LearningRateSchedule.constant(learningRate);
            case STEP -> new StepDecay(learningRate, 1, 0.7);
            case COSINE -> new CosineAnnealing(learningRate, 0, epochs);
        };
    }

    static ScheduleName of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown schedule '" + id + "'; expected constant, step or cosine"));
    }
}
