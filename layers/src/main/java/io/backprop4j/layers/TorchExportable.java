package io.backprop4j.layers;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A layer whose weights have a PyTorch counterpart, declared beside its {@code forward}: {@code StateDict} saves
 * {@link #torchState()} under the layer's index in the model ({@code 0.weight}, {@code 0.bias}) and loads a
 * state_dict back through {@link #loadTorchState}. Layers with parameters or buffers but no such counterpart are
 * refused by name.
 */
public interface TorchExportable {

    /** The arrays PyTorch's module holds, by its names and in its layouts (copies, or views to be read only). */
    Map<String, INDArray> torchState();

    /**
     * Sets the layer's weights from {@code state}, whose names and shapes the caller has already checked against
     * {@link #torchState()}: nothing here refuses, so that a file is checked whole before any weight changes.
     */
    void loadTorchState(Map<String, INDArray> state);
}
