package io.backprop4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.optim.schedules.ScheduleName;
import org.junit.jupiter.api.Test;

/** The named optimizers and schedules build what their names say, with the rate given. */
class NamesTest {

    @Test
    void everyNamedOptimizerStartsAtTheRateItIsGiven() {
        for (OptimizerName name : OptimizerName.values()) {
            Optimizer optimizer = name.create(0.123);
            assertEquals(0.123, optimizer.learningRate(), 0, name.id());
            assertEquals(name, OptimizerName.of(name.id()));
        }
        assertEquals(Optimizers.nesterov(0.1, 0.9).description(), OptimizerName.NESTEROV.create(0.1).description());
        assertEquals(Optimizers.adam(0.1).description(), OptimizerName.ADAM.create(0.1).description());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OptimizerName.of("lion"));
        assertTrue(e.getMessage().contains("[sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw, adadelta]"));
    }

    @Test
    void theNamedSchedulesFollowTheirFormulas() {
        assertEquals(0.1, ScheduleName.CONSTANT.create(0.1, 10).rate(7), 0);
        assertEquals(0.1 * 0.7 * 0.7, ScheduleName.STEP.create(0.1, 10).rate(2), 1e-15);
        assertEquals(0.05, ScheduleName.COSINE.create(0.1, 10).rate(5), 1e-15);
        assertEquals(0.1, ScheduleName.ONE_CYCLE.create(0.1, 10, 100).rate(3, 299), 1e-15);
        assertEquals(0.1 / 25, ScheduleName.ONE_CYCLE.create(0.1, 10, 100).rate(0, 0), 1e-15);
        assertEquals(0.1, ScheduleName.COSINE_WARMUP.create(0.1, 10, 100).rate(1, 99), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> ScheduleName.of("warm"));
    }
}
