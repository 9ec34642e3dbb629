package io.backprop4j.layers.io;

import io.backprop4j.core.Archive;
import io.backprop4j.core.FileFormatException;
import io.backprop4j.core.Npy;
import io.backprop4j.core.data.NumpyData;
import io.backprop4j.layers.BatchNorm;
import io.backprop4j.layers.Dense;
import io.backprop4j.layers.Layer;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.PReLU;
import io.backprop4j.layers.conv.Conv2d;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A PyTorch model's weights as NumPy arrays, in and out:
 * {@code np.savez("w.npz", **{k: v.numpy() for k, v in model.state_dict().items()})}. Layers are matched in
 * order, whatever PyTorch named them ({@code fc1.weight} or {@code 0.weight}): the k-th layer with parameters
 * (Dense, Conv2d, BatchNorm, PReLU) takes the k-th group of entries sharing a prefix. {@code nn.Linear}'s
 * {@code weight [out, in]} is transposed into Dense's {@code [in, out]}; BatchNorm's {@code weight}, {@code bias},
 * {@code running_mean} and {@code running_var} become γ, β and its running statistics, and
 * {@code num_batches_tracked} is not used (the momentum is fixed, as PyTorch's default).
 */
public final class StateDict {

    private StateDict() {
    }

    /** Puts the state_dict in {@code npz} into {@code model}, refusing any group whose names or shapes do not fit. */
    public static void load(Layer network, Path npz) throws IOException {
        Sequential model = Sequential.wrapping(network);
        List<Map<String, INDArray>> groups = groups(NumpyData.readNpz(npz));
        List<Layer> layers = parametric(model);
        if (groups.size() != layers.size()) {
            throw new FileFormatException(npz + ": " + groups.size() + " groups of weights for a model with "
                    + layers.size() + " layers that have parameters (" + model.name() + ")");
        }
        for (int k = 0; k < layers.size(); k++) {
            assign(layers.get(k), groups.get(k), npz + " (group " + k + ")");
        }
    }

    /** Writes {@code model}'s weights as a state_dict, named {@code INDEX.weight} by each layer's place in the model. */
    public static void save(Layer model, Path npz) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        List<Layer> layers = Sequential.wrapping(model).layers();
        for (int i = 0; i < layers.size(); i++) {
            for (Map.Entry<String, INDArray> entry : torchArrays(layers.get(i)).entrySet()) {
                entries.put(i + "." + entry.getKey() + ".npy", Npy.toBytes(entry.getValue()));
            }
        }
        Archive.write(npz, entries);
    }

    private static List<Layer> parametric(Sequential model) {
        return model.layers().stream().filter(layer -> !layer.parameters().isEmpty()).toList();
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

    private static Map<String, INDArray> torchArrays(Layer layer) {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        if (layer instanceof Dense) {
            arrays.put("weight", layer.parameters().get(0).value().transpose().dup('c'));
            arrays.put("bias", flat(layer.parameters().get(1).value()));
        } else if (layer instanceof Conv2d) {
            arrays.put("weight", layer.parameters().get(0).value());
            if (layer.parameters().size() > 1) {
                arrays.put("bias", flat(layer.parameters().get(1).value()));
            }
        } else if (layer instanceof BatchNorm) {
            arrays.put("weight", flat(layer.parameters().get(0).value()));
            arrays.put("bias", flat(layer.parameters().get(1).value()));
            arrays.put("running_mean", flat(layer.buffers().get("runningMean")));
            arrays.put("running_var", flat(layer.buffers().get("runningVariance")));
            arrays.put("num_batches_tracked", Nd4j.scalar(layer.parameters().get(0).value().dataType(), 0));
        } else if (layer instanceof PReLU) {
            arrays.put("weight", flat(layer.parameters().get(0).value()));
        } else if (!layer.parameters().isEmpty()) {
            throw new IllegalArgumentException(layer.name() + " has no PyTorch counterpart to export");
        }
        return arrays;
    }

    private static void assign(Layer layer, Map<String, INDArray> group, String source) throws FileFormatException {
        Map<String, INDArray> expected = torchArrays(layer);
        for (Map.Entry<String, INDArray> entry : expected.entrySet()) {
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
        }
        INDArray weight = group.get("weight").castTo(layer.parameters().get(0).value().dataType());
        if (layer instanceof Dense) {
            layer.parameters().get(0).value().assign(weight.transpose());
        } else {
            layer.parameters().get(0).value().assign(weight.reshape(layer.parameters().get(0).value().shape()));
        }
        if (group.containsKey("bias") && layer.parameters().size() > 1) {
            layer.parameters().get(1).value().assign(group.get("bias").reshape(1, -1));
        }
        if (layer instanceof BatchNorm) {
            layer.buffers().get("runningMean").assign(group.get("running_mean").reshape(1, -1));
            layer.buffers().get("runningVariance").assign(group.get("running_var").reshape(1, -1));
        }
    }

    private static INDArray flat(INDArray array) {
        return array.reshape(array.length());
    }
}
