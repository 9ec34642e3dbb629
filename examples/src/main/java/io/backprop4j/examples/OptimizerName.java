package io.backprop4j.examples;

import io.backprop4j.optim.Adadelta;
import io.backprop4j.optim.Adagrad;
import io.backprop4j.optim.Adam;
import io.backprop4j.optim.AdamW;
import io.backprop4j.optim.Optimizer;
import io.backprop4j.optim.RmsProp;
import io.backprop4j.optim.Sgd;
import java.util.Arrays;
import java.util.function.DoubleFunction;

/** Optimizers by their command-line names, each with the default learning rate its users expect. */
enum OptimizerName {
    SGD("sgd", 0.05, Sgd::new),
    MOMENTUM("momentum", 0.05, lr -> Sgd.momentum(lr, 0.9)),
    NESTEROV("nesterov", 0.05, lr -> Sgd.nesterov(lr, 0.9)),
    ADAGRAD("adagrad", 0.01, Adagrad::new),
    RMSPROP("rmsprop", 0.001, RmsProp::new),
    ADAM("adam", 0.001, Adam::new),
    ADAMW("adamw", 0.001, AdamW::new),
    ADADELTA("adadelta", 1.0, Adadelta::new);

    final String id;
    final double defaultLearningRate;
    final DoubleFunction<Optimizer> constructor;

    OptimizerName(String id, double defaultLearningRate, DoubleFunction<Optimizer> constructor) {
        this.id = id;
        this.defaultLearningRate = defaultLearningRate;
        this.constructor = constructor;
    }

    static OptimizerName of(String id) {
        return Arrays.stream(values()).filter(o -> o.id.equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown optimizer '" + id + "'; expected one of "
                        + Arrays.stream(values()).map(o -> o.id).toList()));
    }
}
