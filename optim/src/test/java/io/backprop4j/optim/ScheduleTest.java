package io.backprop4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.backprop4j.optim.callbacks.EpochEvent;
import io.backprop4j.optim.schedules.CosineAnnealing;
import io.backprop4j.optim.schedules.CosineWithWarmup;
import io.backprop4j.optim.schedules.ExponentialDecay;
import io.backprop4j.optim.schedules.LearningRateSchedule;
import io.backprop4j.optim.schedules.LinearWarmup;
import io.backprop4j.optim.schedules.OneCycle;
import io.backprop4j.optim.schedules.ReduceOnPlateau;
import io.backprop4j.optim.schedules.StepDecay;
import java.util.HashMap;
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

    @Test
    void linearWarmupRisesEveryStepThenHolds() {
        LinearWarmup schedule = new LinearWarmup(0.1, 4, 10);
        assertEquals(0.025, schedule.rate(0, 0), 1e-15);
        assertEquals(0.075, schedule.rate(0, 2), 1e-15);
        assertEquals(0.1, schedule.rate(0, 3), 1e-15);
        assertEquals(0.1, schedule.rate(3), 1e-15);
    }

    @Test
    void cosineWithWarmupAsTheTransformersLibraryComputesIt() {
        CosineWithWarmup schedule = new CosineWithWarmup(1.0, 0.0, 2, 12, 6);
        assertEquals(0.5, schedule.rate(0, 0), 1e-15);
        assertEquals(1.0, schedule.rate(0, 2), 1e-15);
        assertEquals(0.5, schedule.rate(1, 7), 1e-15);
        assertEquals(0.5 * (1 + Math.cos(Math.PI * 0.3)), schedule.rate(0, 5), 1e-15);
        assertEquals(0.0, schedule.rate(1, 12), 1e-15);
    }

    @Test
    void oneCycleAsPyTorchsOneCycleLR() {
        OneCycle schedule = new OneCycle(1.0, 10, 5);
        assertEquals(0.04, schedule.rate(0, 0), 1e-15);
        assertEquals(0.52, schedule.rate(0, 1), 1e-15);
        assertEquals(1.0, schedule.rate(0, 2), 1e-15);
        assertEquals(4e-6 + 0.5 * (1 - 4e-6) * (1 + Math.cos(Math.PI * 3 / 7)), schedule.rate(1, 5), 1e-15);
        assertEquals(4e-6, schedule.rate(1, 9), 1e-18);
        assertEquals(schedule.rate(1, 5), schedule.rate(1), 0, "an epoch's rate is its first step's");
    }

    @Test
    void reduceOnPlateauCutsTheRateAfterPatienceEpochsWithoutImprovement() {
        ReduceOnPlateau schedule = new ReduceOnPlateau(0.1, 0.5, 1, 0, 0.02);
        double[] losses = {1.0, 0.9, 0.95, 0.92, 0.91, 0.91, 0.5, 0.6, 0.6, 0.6, 0.6};
        double[] rates = {0.1, 0.1, 0.1, 0.05, 0.05, 0.025, 0.025, 0.025, 0.02, 0.02, 0.02};
        for (int e = 0; e < losses.length; e++) {
            EpochEvent event = new EpochEvent(e + 1, 9, schedule.rate(e), 1, 1, new HashMap<>());
            event.put(EpochEvent.VALIDATION_LOSS, losses[e]);
            schedule.onEpochEnd(event);
            assertEquals(rates[e], schedule.rate(e + 1), 1e-15, "after epoch " + (e + 1));
        }
    }
}
