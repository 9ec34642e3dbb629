package io.backprop4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.backprop4j.optim.schedules.CosineAnnealing;
import io.backprop4j.optim.schedules.ExponentialDecay;
import io.backprop4j.optim.schedules.LearningRateSchedule;
import io.backprop4j.optim.schedules.StepDecay;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void stepDecayMultipliesByGammaEveryStepSizeEpochs() {
        StepDecay schedule = new StepDecay(1.0, 1, 0.7);
        assertEquals(1.0, schedule.rate(0), 1e-15);
        assertEquals(0.7, schedule.rate(1), 1e-15);
        assertEquals(0.343, schedule.rate(3), 1e-15);
        StepDecay everyThree = new StepDecay(0.1, 3, 0.5);
        assertEquals(0.1, everyThree.rate(2), 1e-15);
        assertEquals(0.05, everyThree.rate(3), 1e-15);
        assertEquals(0.025, everyThree.rate(6), 1e-15);
    }

    @Test
    void exponentialDecay() {
        assertEquals(0.1 * Math.pow(0.9, 5), new ExponentialDecay(0.1, 0.9).rate(5), 1e-15);
    }

    @Test
    void cosineAnnealingFallsFromInitialToMinimumOverThePeriod() {
        CosineAnnealing schedule = new CosineAnnealing(0.1, 0.001, 10);
        assertEquals(0.1, schedule.rate(0), 1e-15);
        assertEquals(0.0505, schedule.rate(5), 1e-12);
        assertEquals(0.001 + 0.5 * 0.099 * (1 + Math.cos(Math.PI * 0.3)), schedule.rate(3), 1e-15);
        assertEquals(0.001, schedule.rate(10), 1e-15);
        assertEquals(0.001, schedule.rate(25), 1e-15);
    }

    @Test
    void constant() {
        assertEquals(0.03, LearningRateSchedule.constant(0.03).rate(99), 0);
    }
}
