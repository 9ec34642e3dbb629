package io.backprop4j.cli.commands;

import io.backprop4j.core.DataSet;
import io.backprop4j.layers.io.ModelFile;
import io.backprop4j.optim.Evaluation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evaluate}: a saved model's accuracy, per-class report and confusion matrix on a test set. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Accuracy, per-class precision, recall and F1, and the confusion matrix of a saved model.")
public final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "model zip written by train --save")
    Path model;

    @Option(names = "--data", description = "your own labelled test data (a .csv file, an .npz archive or a folder "
            + "of class subfolders) instead of --dataset's test set")
    Path ownData;

    @Option(names = "--label-column", description = "the CSV column that holds the label, by name or 0-based "
            + "index (default: the column named label, else the last)")
    String labelColumn;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() throws Exception {
        ModelFile.Saved saved = ModelFile.load(model);
        List<String> classNames = saved.classNames();
        DataSet test = ownData != null ? OwnData.labelled(ownData, labelColumn, classNames) : data.load().test();
        Evaluation evaluation = Evaluation.of(saved.model(), new DataSet(test.features(), test.labels(),
                classNames.isEmpty() ? data.dataset.classNames() : classNames));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s on %s (%d examples): accuracy %.2f%%%n%n%s%n", model,
                ownData != null ? ownData : "the " + data.dataset.id() + " test set", evaluation.total(),
                100 * evaluation.accuracy(), evaluation.report());
        out.printf("%nConfusion matrix (rows: true class, columns: predicted)%n%s%n", evaluation.confusionTable());
        out.flush();
        return 0;
    }
}
