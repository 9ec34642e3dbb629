package io.backprop4j.examples;

import io.backprop4j.core.data.MnistData;
import io.backprop4j.layers.io.ModelFile;
import io.backprop4j.optim.Evaluation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evaluate}: a saved model's accuracy and confusion matrix on a test set. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Accuracy, per-class precision and recall, and the confusion matrix of a saved model.")
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "model zip written by train --save")
    Path model;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() throws Exception {
        ModelFile.Saved saved = ModelFile.load(model);
        MnistData images = data.load();
        Evaluation evaluation = Evaluation.of(saved.model(), images.test());
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s on the %s test set (%d images): accuracy %.2f%%%n%n", model, data.dataset.id(),
                evaluation.total(), 100 * evaluation.accuracy());
        out.printf("%-4s %-12s %9s %7s%n", "k", "class", "precision", "recall");
        for (int k = 0; k < data.dataset.classNames().size(); k++) {
            out.printf("%-4d %-12s %9.3f %7.3f%n", k, data.dataset.classNames().get(k),
                    evaluation.precision(k), evaluation.recall(k));
        }
        out.printf("%nConfusion matrix (rows: true class, columns: predicted)%n%s%n",
                evaluation.confusionTable());
        out.flush();
        return 0;
    }
}
