package io.backprop4j.examples;

import io.backprop4j.core.DataSet;
import io.backprop4j.layers.Dense;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.Tanh;
import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import io.backprop4j.optim.Evaluation;
import io.backprop4j.optim.Fit;
import io.backprop4j.optim.Optimizers;
import io.backprop4j.optim.Trainer;
import io.backprop4j.optim.TrainingResult;
import io.backprop4j.optim.callbacks.EpochLogger;
import io.backprop4j.optim.schedules.CosineAnnealing;

/** The README's training program: the playground's circle, a 2-32-32-2 tanh network, mini-batch Adam. */
public final class QuickStart {

    public static void main(String[] args) {
        DataSet data = ToyProblems.CIRCLE.generate(400, 0.05, 1);    // features [400, 2], one-hot labels [400, 2]
        Sequential model = Sequential.of(
                new Dense(2, 32), new Tanh(),
                new Dense(32, 32), new Tanh(),
                new Dense(32, 2)).initialize(42);                    // one seed, same weights every run
        Trainer trainer = new Trainer(model, new SoftmaxCrossEntropy(), Optimizers.adam(0.01))
                .schedule(new CosineAnnealing(0.01, 0.0005, 30))
                .addCallback(new EpochLogger());                 // one SLF4J line per epoch
        TrainingResult result = trainer.fit(data,
                Fit.epochs(30).batchSize(32).seed(42));   // 30 epochs, batches of 32, shuffle seed
        Evaluation evaluation = Evaluation.of(model, data);
        System.out.printf("%d epochs, training accuracy %.1f%%%n", result.epochs(), 100 * evaluation.accuracy());
        System.out.println(evaluation.confusionTable());
    }
}
