package io.backprop4j.examples;

import io.backprop4j.core.Elementwise;
import io.backprop4j.core.data.Idx;
import io.backprop4j.core.data.MnistData;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.io.ModelFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code predict}: the class a saved model gives each image of an IDX file. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Classify the images of an IDX file (raw or .gz) with a saved model.")
final class PredictCommand implements Callable<Integer> {

    /** Images per forward pass: bounds the memory of the CNN's patch arrays. */
    private static final int BATCH = 500;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "model zip written by train --save")
    Path model;

    @Option(names = "--images", required = true, description = "IDX image file, e.g. t10k-images-idx3-ubyte.gz")
    Path images;

    @Option(names = "--limit", defaultValue = "10", description = "classify the first N images (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--json", description = "one JSON object per image instead of a table")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (limit <= 0) {
            throw new ParameterException(spec.commandLine(), "--limit must be positive, got " + limit);
        }
        ModelFile.Saved saved = ModelFile.load(model);
        Idx file = Idx.read(images);
        INDArray pixels = MnistData.pixels(file);
        Sequential network = saved.model();
        int n = Math.min(limit, file.count());
        INDArray probabilities = probabilities(network, pixels.get(NDArrayIndex.interval(0, n)), images);
        List<?> names = (List<?>) saved.metadata().getOrDefault("classNames", List.of());
        ObjectMapper mapper = new ObjectMapper();
        PrintWriter out = spec.commandLine().getOut();
        for (int i = 0; i < n; i++) {
            int k = probabilities.getRow(i).argMax().getInt(0);
            String name = k < names.size() ? String.valueOf(names.get(k)) : String.valueOf(k);
            double p = probabilities.getDouble(i, k);
            out.println(json ? mapper.writeValueAsString(Map.of("image", i, "class", k, "name", name,
                    "probability", p)) : String.format("%6d  %2d  %-12s %.4f", i, k, name, p));
        }
        out.flush();
        return 0;
    }

    /** softmax(network(x)) for every image, computed {@value #BATCH} images at a time. */
    private static INDArray probabilities(Sequential network, INDArray pixels, Path images) {
        INDArray probabilities = null;
        for (long from = 0; from < pixels.rows(); from += BATCH) {
            long to = Math.min(from + BATCH, pixels.rows());
            INDArray logits;
            try {
                logits = network.predict(pixels.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(images + ": images of " + pixels.columns() + " pixels do not fit "
                        + "the model. " + e.getMessage(), e);
            }
            if (probabilities == null) {
                probabilities = Nd4j.create(logits.dataType(), pixels.rows(), logits.columns());
            }
            probabilities.get(NDArrayIndex.interval(from, to), NDArrayIndex.all())
                    .assign(Elementwise.softmax(logits, logits.ulike()));
        }
        return probabilities;
    }
}
