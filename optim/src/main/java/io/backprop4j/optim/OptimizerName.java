package io.backprop4j.optim;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * The named optimizers by short name (as on the command line, e.g. {@code --optimizer adam}), each with the
 * default learning rate its users expect: one list for the command line, the playground and programs that store
 * an optimizer's name with a run. Momentum and Nesterov are the fused form of their chains
 * ({@link Optimizers#fusedMomentum}).
 */
public enum OptimizerName {
    SGD("sgd", 0.05, Optimizers::sgd),
    MOMENTUM("momentum", 0.05, lr -> Optimizers.fusedMomentum(lr, 0.9, false)),
    NESTEROV("nesterov", 0.05, lr -> Optimizers.fusedMomentum(lr, 0.9, true)),
    ADAGRAD("adagrad", 0.01, Optimizers::adagrad),
    RMSPROP("rmsprop", 0.001, Optimizers::rmsprop),
    ADAM("adam", 0.001, Optimizers::adam),
    ADAMW("adamw", 0.001, Optimizers::adamw),
    ADADELTA("adadelta", 1.0, Optimizers::adadelta);

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
