package io.backprop4j.spark;

import io.backprop4j.optim.Optimizer;
import io.backprop4j.optim.OptimizerName;
import io.backprop4j.optim.schedules.ScheduleName;
import java.io.Serializable;

/**
 * What a fit does, read from the estimator's parameters, travelling to the executors: the loss, the optimizer by
 * name with its learning rate and schedule, the epochs, the global batch B, the seed, the mode, the averaging
 * period k and the all-reduce.
 */
record Settings(LossFactory loss, boolean classes, String optimizer, double learningRate, String schedule,
        int epochs, int batchSize, long seed, TrainingMode mode, int averagingPeriod, AllReduce allReduce)
        implements Serializable {

    /** A fresh optimizer as this fit's, stepping {@code stepsPerEpoch} global batches per epoch. */
    Optimizer newOptimizer(int stepsPerEpoch) {
        Optimizer optimizer = OptimizerName.of(optimizer()).create(learningRate);
        if (schedule == null || schedule.equals("constant")) {
            return optimizer;
        }
        return optimizer.withSchedule(ScheduleName.of(schedule).create(learningRate, epochs, stepsPerEpoch),
                stepsPerEpoch);
    }
}
