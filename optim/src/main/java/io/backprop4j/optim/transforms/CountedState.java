package io.backprop4j.optim.transforms;

/** A transform state that counts its updates t (Adam's bias correction, momentum's first step, Adagrad's decay). */
public interface CountedState extends TransformState {

    StepCount t();

    @Override
    default long steps() {
        return t().value();
    }

    @Override
    default void restoreSteps(long steps) {
        t().set(steps);
    }
}
