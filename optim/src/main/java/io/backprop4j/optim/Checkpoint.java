package io.backprop4j.optim;

import io.backprop4j.core.Archive;
import io.backprop4j.core.FileFormatException;
import io.backprop4j.core.Npy;
import io.backprop4j.core.Rng;
import io.backprop4j.layers.Layer;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.io.ModelFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * Everything needed to continue training exactly where it stopped, in one zip file written atomically:
 * the model (as a {@link ModelFile}), the optimizer's per-parameter state ({@code optimizer/NAME.npy}),
 * and {@code training.json} with the last completed epoch, the shuffling generator's state, the states of
 * the layers' own generators (Dropout's masks, restored into the loaded model), the optimizer's step counts
 * and free-form metadata (e.g. the command-line settings).
 *
 * @param model     the model with the checkpoint's weights
 * @param epoch     the last completed epoch (1-based); training resumes at {@code epoch + 1}
 * @param rng       the state of the shuffling generator after that epoch
 * @param metadata  what the caller saved beside, e.g. the training settings
 * @param optimizer the description of the optimizer whose state this is ({@link Optimizer#description()})
 */
public record Checkpoint(Sequential model, int epoch, Rng.State rng, Map<String, INDArray> optimizerArrays,
        Map<String, Long> optimizerSteps, Map<String, Object> metadata, List<String> optimizer) {

    public static final String TRAINING = "training.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Writes the checkpoint of {@code model} and {@code optimizer} after {@code epoch} to {@code file}. */
    public static void save(Path file, Layer model, Optimizer optimizer, int epoch, Rng.State rng,
            Map<String, Object> metadata) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>(ModelFile.entries(model, metadata));
        optimizer.stateArrays(model.parameters()).forEach((key, array) ->
                entries.put(optimizerEntry(key), Npy.toBytes(array)));
        ObjectNode training = JSON.createObjectNode().put("epoch", epoch);
        training.set("optimizer", JSON.valueToTree(optimizer.description()));
        write(training.putObject("rng"), rng);
        ObjectNode generators = training.putObject("layerGenerators");
        model.generators().forEach((name, generator) -> write(generators.putObject(name), generator.state()));
        training.set("optimizerSteps", JSON.valueToTree(optimizer.stepCounts(model.parameters())));
        entries.put(TRAINING, JSON.writeValueAsBytes(training));
        Archive.write(file, entries);
    }

    public static Checkpoint load(Path file) throws IOException {
        Map<String, byte[]> entries = Archive.read(file);
        String source = file.toString();
        ModelFile.Saved saved = ModelFile.fromEntries(entries, source);
        byte[] trainingBytes = entries.get(TRAINING);
        if (trainingBytes == null) {
            throw new FileFormatException(source + ": a model file, not a checkpoint (no " + TRAINING + "); "
                    + "load it with ModelFile.load, or resume from a checkpoint written by Trainer.checkpointEachEpoch");
        }
        JsonNode training;
        try {
            training = JSON.readTree(trainingBytes);
        } catch (IOException e) {
            throw new FileFormatException(source + ": " + TRAINING + " is not valid JSON (" + e.getMessage() + ")", e);
        }
        JsonNode rng = training.path("rng");
        if (!training.path("epoch").canConvertToInt() || training.path("epoch").asInt() < 1
                || !rng.path("seed").canConvertToLong()) {
            throw new FileFormatException(source + ": " + TRAINING + " lacks a positive epoch or the rng state");
        }
        if (!training.path("optimizer").isArray()) {
            throw new FileFormatException(source + ": " + TRAINING + " lacks the optimizer's description, a list of"
                    + " its transforms; it was written by an older backprop4j, whose optimizer state cannot be matched");
        }
        List<String> optimizer = new ArrayList<>();
        training.path("optimizer").forEach(transform -> optimizer.add(transform.asText()));
        Map<String, Long> steps = new LinkedHashMap<>();
        training.path("optimizerSteps").fields().forEachRemaining(f -> steps.put(f.getKey(), f.getValue().asLong()));
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            String name = entry.getKey();
            if (name.startsWith("optimizer/") && name.endsWith(".npy")) {
                String key = name.substring("optimizer/".length(), name.length() - ".npy".length());
                INDArray state = Npy.fromBytes(entry.getValue(), source + "!" + name);
                ModelFile.requireFinite(source, "optimizer state " + key, state);
                arrays.put(key, state);
            }
        }
        for (Map.Entry<String, Rng> generator : saved.model().generators().entrySet()) {
            JsonNode state = training.path("layerGenerators").path(generator.getKey());
            if (!state.path("seed").canConvertToLong()) {
                throw new FileFormatException(source + ": " + TRAINING + " lacks the state of the layer generator "
                        + generator.getKey());
            }
            generator.getValue().restore(read(state));
        }
        return new Checkpoint(saved.model(), training.path("epoch").asInt(), read(rng), arrays, steps,
                saved.metadata(), List.copyOf(optimizer));
    }

    private static void write(ObjectNode node, Rng.State state) {
        node.put("seed", state.seed()).put("hasSpareGaussian", state.hasSpareGaussian())
                .put("spareGaussian", state.spareGaussian());
    }

    private static Rng.State read(JsonNode node) {
        return new Rng.State(node.path("seed").asLong(), node.path("hasSpareGaussian").asBoolean(),
                node.path("spareGaussian").asDouble());
    }

    /**
     * Puts the saved optimizer state into {@code optimizer}, which must step this checkpoint's model and be the
     * same chain of transforms (its {@link Optimizer#description()}).
     */
    public void restoreOptimizer(Optimizer optimizer) {
        if (!this.optimizer.equals(optimizer.description())) {
            throw new IllegalArgumentException("Checkpoint: it holds the state of the optimizer " + this.optimizer
                    + ", not of " + optimizer.description() + "; resume with the checkpoint's optimizer");
        }
        optimizer.restoreState(model.parameters(), optimizerArrays, optimizerSteps);
    }

    private static String optimizerEntry(String key) {
        return "optimizer/" + key + ".npy";
    }
}
