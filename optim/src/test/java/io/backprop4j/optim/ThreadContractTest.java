package io.backprop4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.Parameter;
import io.backprop4j.core.Rng;
import io.backprop4j.layers.BatchNorm;
import io.backprop4j.layers.Dense;
import io.backprop4j.layers.Dropout;
import io.backprop4j.layers.GradientChecks;
import io.backprop4j.layers.Model;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.ReLU;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import io.backprop4j.optim.callbacks.Callback;
import io.backprop4j.optim.schedules.OneCycle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The contract of Sequential's Javadoc: predictions from many threads at once, training from one. */
class ThreadContractTest {

    @Test
    void eightThreadsPredictingTwoHundredTimesEachGetExactlyTheSerialResults() throws Exception {
        Sequential model = Sequential.of(new Dense(20, 64), new BatchNorm(64), new ReLU(), new Dropout(0.5),
                new Dense(64, 5)).initialize(3);
        List<INDArray> inputs = new ArrayList<>();
        List<INDArray> serial = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            inputs.add(GradientChecks.gaussian(new Rng(i), 1 + i % 7, 20).castTo(model.parameters().get(0).value()
                    .dataType()));
            serial.add(Model.of(model).predict(inputs.get(i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> wrong = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            wrong.add(pool.submit(() -> {
                int mismatches = 0;
                for (int call = 0; call < 200; call++) {
                    int i = (thread * 31 + call) % inputs.size();
                    mismatches += Model.of(model).predict(inputs.get(i)).equals(serial.get(i)) ? 0 : 1;
                }
                return mismatches;
            }));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(120, TimeUnit.SECONDS));
        for (Future<Integer> result : wrong) {
            assertEquals(0, result.get(), "predictions that differ from the serial ones");
        }
        assertArrayEquals(Nd4j.argMax(serial.get(3), 1).toIntVector(), Model.of(model).predictClasses(inputs.get(3)));
    }

    @Test
    void aSecondThreadTrainingTheSameModelIsRefusedWhileTheFirstTrains() throws Exception {
        Sequential model = Sequential.of(new Dense(2, 8), new ReLU(), new Dense(8, 2)).initialize(1);
        DataSet data = new DataSet(Nd4j.rand(64, 2), Nd4j.eye(2).repeat(0, 32).reshape(64, 2));
        CountDownLatch training = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Trainer first = new Trainer(model, new SoftmaxCrossEntropy(), Optimizers.sgd(0.1))
                .addCallback(new Callback() {
                    @Override
                    public void afterBackward(int epoch, int batch, double loss, List<Parameter> parameters) {
                        training.countDown();
                        try {
                            release.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });
        Thread background = new Thread(() -> first.fit(data, Fit.epochs(1).batchSize(64)));
        background.start();
        assertTrue(training.await(60, TimeUnit.SECONDS));
        Trainer second = new Trainer(model, new SoftmaxCrossEntropy(), Optimizers.sgd(0.1));
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> second.fit(data, Fit.epochs(1)));
        assertTrue(refused.getMessage().contains("already being trained by another thread"), refused.getMessage());
        release.countDown();
        background.join(60_000);
        assertEquals(1, second.fit(data, Fit.epochs(1)).epochs(), "free again once the first run ended");
    }

    /** A network with BatchNorm and Dropout, so that the run's generators and statistics count too. */
    private static Sequential network(long seed) {
        return Sequential.of(new Dense(4, 16), new BatchNorm(16), new ReLU(), new Dropout(0.2), new Dense(16, 3))
                .initialize(seed);
    }

    private static DataSet points(long seed) {
        INDArray x = GradientChecks.gaussian(new Rng(seed), 96, 4).castTo(DataType.FLOAT);
        return new DataSet(x, Nd4j.argMax(x.get(NDArrayIndex.all(),
                NDArrayIndex.interval(0, 3)), 1).castTo(x.dataType()).reshape(96, 1));
    }

    @Test
    void oneTrainerTrainsTwoModelsAtOnceAsItWouldOneAfterTheOther() throws Exception {
        Fit fit = Fit.epochs(4).batchSize(16).seed(7);
        Trainer sequential = new Trainer(SoftmaxCrossEntropy::new, Optimizers.adam(0.01))
                .schedule(new OneCycle(0.02, 24, 6));
        Sequential first = network(1);
        Sequential second = network(2);
        sequential.fit(first, points(3), fit);
        sequential.fit(second, points(4), fit);

        Trainer shared = new Trainer(SoftmaxCrossEntropy::new, Optimizers.adam(0.01))
                .schedule(new OneCycle(0.02, 24, 6));
        Sequential firstAtOnce = network(1);
        Sequential secondAtOnce = network(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<TrainingResult> a = pool.submit(() -> {
                start.await();
                return shared.fit(firstAtOnce, points(3), fit);
            });
            Future<TrainingResult> b = pool.submit(() -> {
                start.await();
                return shared.fit(secondAtOnce, points(4), fit);
            });
            start.countDown();
            assertEquals(4, a.get(60, TimeUnit.SECONDS).epochs());
            assertEquals(4, b.get(60, TimeUnit.SECONDS).epochs());
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < first.parameters().size(); i++) {
            assertArrayEquals(first.parameters().get(i).value().data().asFloat(),
                    firstAtOnce.parameters().get(i).value().data().asFloat(), "first model, parameter " + i);
            assertArrayEquals(second.parameters().get(i).value().data().asFloat(),
                    secondAtOnce.parameters().get(i).value().data().asFloat(), "second model, parameter " + i);
        }
    }
}
