package io.backprop4j.optim;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * The named optimizers by short name (as on the command line, e.g. {@code --optimizer adam}), each with the
 * default learning rate its users expect: one list for the command line, the playground and programs that store
 * an optimizer's name with a run.
 */
public enum OptimizerName {
    SGD("sgd", 0.05, Sgd::new),
    MOMENTUM("momentum", 0.05, lr -> Sgd.momentum(lr, 0.9)),
    NESTEROV("nesterov", 0.05, lr -> Sgd.nesterov(lr, 0.9)),
    ADAGRAD("adagrad", 0.01, Adagrad::new),
    RMSPROP("rmsprop", 0.001, RmsProp::new),
    ADAM("adam", 0.001, Adam::new),
    ADAMW("adamw", 0.001, AdamW::new),
    ADADELTA("adadelta", 1.0, Adadelta::new);

    private final String id;
    private final double defaultLearningRate;
    private final DoubleFunction<Optimizer> constructor;

    OptimizerName(String id, double defaultLearningRate, DoubleFunction<Optimizer> constructor) {
        this.id = id;
        this.defaultLearningRate = defaultLearningRate;
        this.constructor = constructor;
    }

    public String id() {
        return id;
    }

    public double defaultLearningRate() {
        return defaultLearningRate;
    }

    /** A new optimizer of this kind with learning rate η and its other arguments at their defaults. */
    public Optimizer create(double learningRate) {
        return constructor.apply(learningRate);
    }

    public static OptimizerName of(String id) {
        return Arrays.stream(values()).filter(o -> o.id.equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown optimizer '" + id + "'; expected one of " + ids()));
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(OptimizerName::id).toList();
    }
}
