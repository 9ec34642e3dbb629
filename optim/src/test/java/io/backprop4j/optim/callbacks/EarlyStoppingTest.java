package io.backprop4j.optim.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.Rng;
import io.backprop4j.layers.Dense;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.losses.MeanSquaredError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** Keras's EarlyStopping: the monitored figure, its direction, the least improvement that counts. */
class EarlyStoppingTest {

    /** The epochs after which {@code stopping} asks to stop, fed {@code values} of {@code monitor} one per epoch. */
    private static List<Integer> stops(EarlyStopping stopping, String monitor, double... values) {
        Sequential model = Sequential.of(new Dense(2, 1)).initialize(1);
        DataSet data = new DataSet(Nd4j.rand(4, 2), Nd4j.rand(4, 1));
        stopping.onTrainingStart(new TrainingContext(model, new MeanSquaredError(), data, 4, new Rng(1), null));
        List<Integer> stops = new ArrayList<>();
        for (int epoch = 1; epoch <= values.length; epoch++) {
            EpochEvent event = new EpochEvent(epoch, 1, 0.1, 1, 4, new LinkedHashMap<>());
            event.put(monitor, values[epoch - 1]);
            stopping.onEpochEnd(event);
            if (stopping.stopRequested()) {
                stops.add(epoch);
            }
        }
        return stops;
    }

    @Test
    void aLossMustFallByMoreThanMinDeltaToCountAsAnImprovement() {
        EarlyStopping stopping = new EarlyStopping("val_loss", EarlyStopping.Mode.MIN, 0.1, 2, false);
        // best 1.0; 0.95 is no improvement by 0.1; 0.85 is; then 0.8 and 0.79 are not: stop after epoch 5
        assertEquals(List.of(5), stops(stopping, "val_loss", 1.0, 0.95, 0.85, 0.8, 0.79));
        EarlyStopping exact = new EarlyStopping("val_loss", EarlyStopping.Mode.MIN, 0, 2, false);
        assertEquals(List.of(), stops(exact, "val_loss", 1.0, 0.95, 0.85, 0.8, 0.79));
    }

    @Test
    void anAccuracyImprovesUpwardsInMaxAndAutoMode() {
        double[] accuracy = {0.5, 0.6, 0.6, 0.55, 0.7};
        assertEquals(List.of(4), stops(new EarlyStopping("val_accuracy", EarlyStopping.Mode.AUTO, 0, 2, false),
                "val_accuracy", accuracy));
        assertEquals(List.of(4), stops(new EarlyStopping("val_accuracy", EarlyStopping.Mode.MAX, 0, 2, false),
                "val_accuracy", accuracy));
        // read as a loss, the same figures stop at once: only the first one is the best
        assertEquals(List.of(3, 4, 5), stops(new EarlyStopping("val_accuracy", EarlyStopping.Mode.MIN, 0, 2, false),
                "val_accuracy", accuracy));
    }

    @Test
    void aFigureNoCallbackAddedIsNamedWithThoseThereAre() {
        EarlyStopping stopping = new EarlyStopping("val_auc", EarlyStopping.Mode.MAX, 0, 2, false);
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> stops(stopping, "val_loss", 1.0));
        assertTrue(missing.getMessage().contains("no 'val_auc' (it has loss, val_loss)"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping("val_loss", EarlyStopping.Mode.MIN, -1,
                2, true));
    }
}
