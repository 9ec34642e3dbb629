package io.backprop4j.cli.commands;

import io.backprop4j.layers.Model;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.io.ModelFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code predict}: the class, with its name and probability, that a saved model gives each input. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Classify images or rows of features with a saved model.")
public final class PredictCommand implements Callable<Integer> {

    /** Inputs per forward pass: bounds the memory of the CNN's patch arrays. */
    private static final int BATCH = 500;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "model zip written by train --save")
    Path model;

    @Option(names = {"--data", "--images"}, arity = "1..*", description = "what to classify (or give the files after "
            + "the options): PNG or JPEG files, a folder of class subfolders, a .csv file (its label column, if any, is "
            + "ignored), an .npy array, an .npz archive (array x) or an IDX image file (raw or .gz); in the form the "
            + "model was trained on")
    List<Path> named = new ArrayList<>();

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "what to classify, as --data")
    List<Path> positional = new ArrayList<>();

    @Option(names = "--label-column", description = "the CSV column to ignore (default: the column named label)")
    String labelColumn;

    @Option(names = "--limit", description = "classify only the first N inputs (default: every input)")
    Integer limit;

    @Option(names = "--json", description = "one JSON object per input instead of a table")
    boolean json;

    @Option(names = "--csv", description = "CSV rows (input,class,name,probability) after a header, not a table")
    boolean csv;

    @Override
    public Integer call() throws Exception {
        List<Path> inputs = new ArrayList<>(named);
        inputs.addAll(positional);
        if (inputs.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "nothing to classify: give the files, or --data FILE");
        }
        if (limit != null && limit <= 0) {
            throw new ParameterException(spec.commandLine(), "--limit must be positive, got " + limit + " (leave it "
                    + "out to classify every input)");
        }
        if (json && csv) {
            throw new ParameterException(spec.commandLine(), "--json and --csv ask for two formats; give one");
        }
        ModelFile.Saved saved = ModelFile.load(model);
        INDArray rows = OwnData.inputs(inputs, labelColumn);
        long n = limit == null ? rows.rows() : Math.min(limit, rows.rows());
        Sequential network = saved.model();
        List<String> names = saved.classNames();
        ObjectMapper mapper = new ObjectMapper();
        PrintWriter out = spec.commandLine().getOut();
        if (csv) {
            out.println("input,class,name,probability");
        }
        for (long from = 0; from < n; from += BATCH) {
            long to = Math.min(from + BATCH, n);
            INDArray probabilities = probabilities(network, rows.get(NDArrayIndex.interval(from, to),
                    NDArrayIndex.all()), inputs);
            for (int i = 0; i < to - from; i++) {
                int k = probabilities.getRow(i).argMax().getInt(0);
                String name = k < names.size() ? names.get(k) : String.valueOf(k);
                double p = probabilities.getDouble(i, k);
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("input", from + i);
                line.put("class", k);
                line.put("name", name);
                line.put("probability", p);
                out.println(json ? mapper.writeValueAsString(line) : csv ? csvRow(from + i, k, name, p)
                        : String.format("%6d  %2d  %-12s %.4f", from + i, k, name, p));
            }
        }
        out.flush();
        return 0;
    }

    /** One CSV row, quoted as RFC 4180 says (a class name with a comma, quote or line break). */
    private static String csvRow(long input, int k, String name, double p) {
        return CSVFormat.DEFAULT.format(input, k, name, String.format(Locale.ROOT, "%.6f", p));
    }

    private static INDArray probabilities(Sequential network, INDArray batch, List<Path> inputs) {
        try {
            INDArray p = Model.of(network).predictProbabilities(batch);
            return p.columns() > 1 ? p : Nd4j.hstack(p.rsub(1), p);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(inputs + ": inputs of " + batch.columns() + " values do not fit the "
                    + "model. " + e.getMessage(), e);
        }
    }
}
