package io.backprop4j.layers.io;

import io.backprop4j.core.Archive;
import io.backprop4j.core.FileFormatException;
import io.backprop4j.core.Npy;
import io.backprop4j.core.data.NumpyData;
import io.backprop4j.layers.Dense;
import io.backprop4j.layers.Layer;
import io.backprop4j.layers.Normalization;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.TorchExportable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A PyTorch model's weights as NumPy arrays, in and out:
 * {@code np.savez("w.npz", **{k: v.numpy() for k, v in model.state_dict().items()})}. Layers are matched in
 * order, whatever PyTorch named them ({@code fc1.weight} or {@code 0.weight}): the k-th layer with weights takes the
 * k-th group of entries sharing a prefix, through its {@link TorchExportable} mapping (Dense, Conv2d, BatchNorm,
 * PReLU); a layer with weights but no PyTorch counterpart is refused by name (Maxout, or a Normalization that
 * is not folded into the Dense after it, see {@link #save}). {@code nn.Linear}'s
 * {@code weight [out, in]} is transposed into Dense's {@code [in, out]}; BatchNorm's {@code weight}, {@code bias},
 * {@code running_mean} and {@code running_var} become γ, β and its running statistics, and
 * {@code num_batches_tracked} is not used (the momentum is fixed, as PyTorch's default).
 */
public final class StateDict {

    private StateDict() {
    }

    /**
     * Puts the state_dict in {@code npz} into {@code model}. Every group is checked first (its names and shapes
     * against the layer's, its values finite, BatchNorm's running variance not negative), so a file that does not
     * fit changes no weight.
     */
    public static void load(Layer network, Path npz) throws IOException {
        Sequential model = Sequential.wrapping(network);
        List<Map<String, INDArray>> groups = groups(NumpyData.readNpz(npz));
        List<TorchExportable> layers = exportable(model);
        if (groups.size() != layers.size()) {
            throw new FileFormatException(npz + ": " + groups.size() + " groups of weights for a model with "
                    + layers.size() + " layers that have parameters (" + model.name() + ")");
        }
        for (int k = 0; k < layers.size(); k++) {
            check((Layer) layers.get(k), groups.get(k), npz + " (group " + k + ")");
        }
        for (int k = 0; k < layers.size(); k++) {
            layers.get(k).loadTorchState(groups.get(k));
        }
    }

    /**
     * Writes {@code model}'s weights as a state_dict, named {@code INDEX.weight} by each layer's place in the model.
     * A {@link Normalization} right before a {@link Dense} is folded into it, since PyTorch has no such layer:
     * {@code W·((x − μ)/s) + b = W'·x + b'} with {@code W' = W·diag(1/s)} and {@code b' = b − W'·μ}, so the
     * PyTorch network takes the raw inputs and numbers its layers from the Dense.
     */
    public static void save(Layer model, Path npz) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        List<Layer> layers = Sequential.wrapping(model).layers();
        int index = 0;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            if (layer instanceof Normalization scaling && i + 1 < layers.size() && layers.get(i + 1) instanceof Dense) {
                Map<String, INDArray> folded = folded(scaling, ((Dense) layers.get(++i)).torchState());
                put(entries, index++, folded);
                continue;
            }
            if (holdsWeights(layer)) {
                put(entries, index, exportable(layer).torchState());
            }
            index++;
        }
        Archive.write(npz, entries);
    }

    private static void put(Map<String, byte[]> entries, int index, Map<String, INDArray> state) {
        state.forEach((name, value) -> entries.put(index + "." + name + ".npy", Npy.toBytes(value)));
    }

    /** A Dense's {@code weight [out, in]} and {@code bias [out]} with the scaling before it folded in. */
    private static Map<String, INDArray> folded(Normalization scaling, Map<String, INDArray> dense) {
        INDArray mean = scaling.buffers().get("mean");
        INDArray scale = scaling.buffers().get("scale");
        INDArray weight = dense.get("weight").divRowVector(scale);
        INDArray bias = dense.get("bias").sub(weight.mmul(mean.reshape(mean.length(), 1)).reshape(weight.rows()));
        Map<String, INDArray> state = new LinkedHashMap<>();
        state.put("weight", weight);
        state.put("bias", bias);
        return state;
    }

    private static boolean holdsWeights(Layer layer) {
        return !layer.parameters().isEmpty() || !layer.buffers().isEmpty();
    }

    /** The layers that hold weights, each with its PyTorch counterpart; refuses one that has none. */
    private static List<TorchExportable> exportable(Sequential model) {
        return model.layers().stream().filter(StateDict::holdsWeights).map(StateDict::exportable).toList();
    }

    private static TorchExportable exportable(Layer layer) {
        if (layer instanceof TorchExportable exportable) {
            return exportable;
        }
        throw new IllegalArgumentException(layer.name() + " has no PyTorch counterpart in a state_dict; export the "
                + "model to ONNX (ModelFile.exportOnnx, or export --format onnx), which keeps it");
    }

    /** The entries in file order, grouped by the prefix before their last dot. */
    private static List<Map<String, INDArray>> groups(Map<String, INDArray> arrays) {
        Map<String, Map<String, INDArray>> byPrefix = new LinkedHashMap<>();
        arrays.forEach((name, array) -> {
            int dot = name.lastIndexOf('.');
            byPrefix.computeIfAbsent(dot < 0 ? "" : name.substring(0, dot), p -> new LinkedHashMap<>())
                    .put(name.substring(dot + 1), array);
        });
        return new ArrayList<>(byPrefix.values());
    }

    /** Refuses a group whose names, shapes or values do not fit {@code layer}. */
    private static void check(Layer layer, Map<String, INDArray> group, String source) throws FileFormatException {
        for (Map.Entry<String, INDArray> entry : exportable(layer).torchState().entrySet()) {
            String name = entry.getKey();
            INDArray value = group.get(name);
            if (name.equals("num_batches_tracked")) {
                continue;
            }
            if (value == null || !Arrays.equals(value.shape(), entry.getValue().shape())) {
                throw new FileFormatException(source + ": " + layer.name() + " needs " + name + " of shape "
                        + Arrays.toString(entry.getValue().shape()) + ", the file has " + (value == null
                        ? "none (it holds " + group.keySet() + ")" : Arrays.toString(value.shape())));
            }
            ModelFile.requireFinite(source, layer.name() + " " + name, value);
            if (name.equals("running_var") && value.minNumber().doubleValue() < 0) {
                throw new FileFormatException(source + ": " + layer.name() + " running_var holds a negative variance, "
                        + value.minNumber());
            }
        }
    }
}
