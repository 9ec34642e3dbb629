package io.backprop4j.layers;

import io.backprop4j.core.Parameter;
import io.backprop4j.core.Rng;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A node of a feed-forward network: a batched forward pass and its explicit backward pass.
 *
 * <p>{@code forward} maps a mini-batch {@code x} to {@code y = f(x)} and caches what the backward pass
 * needs. {@code backward} receives the upstream gradient {@code gradOut = ∂J/∂y}, <em>adds</em>
 * {@code ∂J/∂θ} to each parameter's gradient, and returns {@code ∂J/∂x}. The arrays returned by both
 * belong to the layer and are overwritten by its next call: copy them ({@code dup()}) to keep them.
 *
 * <p><b>Gradients.</b> A backward pass adds to its parameters' gradients, which {@code zeroGradients} clears
 * at once for parameters made with {@link io.backprop4j.core.Parameter#of}: a layer may keep the gradient array
 * and add to it. Parameters made with {@link io.backprop4j.core.Parameter#lazilyZeroed} (Dense's) are only
 * marked, and their layer must write each step through {@code addProduct}.
 *
 * <p><b>Threads.</b> Because a layer reuses its buffers, one thread at a time may call {@code forward} and
 * {@code backward}. To predict from many threads, call {@link Model#predict} (and its
 * {@code predictProbabilities}/{@code predictClasses}), which may be called concurrently on one model.
 */
public interface Layer {

    /** {@code y = f(x)}; {@code training} switches layers such as dropout between their two behaviours. */
    INDArray forward(INDArray x, boolean training);

    /** Accumulates ∂J/∂θ into the parameters' gradients and returns ∂J/∂x, given ∂J/∂y of the last forward. */
    INDArray backward(INDArray gradOut);

    /**
     * The backward pass without ∂J/∂x: only adds ∂J/∂θ to the parameters' gradients. For the first layer of
     * a network, whose input is data, as PyTorch skips the gradient of inputs that do not require one. Layers
     * whose ∂J/∂x costs work of its own (a GEMM for Dense and Conv2d) skip it; the default runs
     * {@link #backward}.
     */
    default void backwardParameters(INDArray gradOut) {
        backward(gradOut);
    }

    /** The trainable parameters; empty for parameter-free layers. */
    default List<Parameter> parameters() {
        return List.of();
    }

    /** Sets every parameter's gradient to zero, before the backward pass of a new batch. */
    default void zeroGradients() {
        List<Parameter> parameters = parameters();
        for (int i = 0; i < parameters.size(); i++) {
            parameters.get(i).zeroGradient();
        }
    }

    /**
     * State that is not trained but belongs to the model, by name: BatchNorm's running statistics (PyTorch's
     * buffers). Saved and loaded with the parameters; empty for most layers.
     */
    default Map<String, INDArray> buffers() {
        return Map.of();
    }

    /**
     * The random generators the layer draws from while training (Dropout's masks), by name; a checkpoint
     * saves their states so that a resumed run draws what an uninterrupted one would. Empty for most layers.
     */
    default Map<String, Rng> generators() {
        return Map.of();
    }

    /** Redraws the initial parameter values from {@code rng}; parameter-free layers ignore it. */
    default void initialize(Rng rng) {
    }

    /**
     * The constructor arguments that rebuild this layer, by name (as Keras's {@code get_config}); a model
     * file stores them as JSON beside the layer's type. Empty for layers built without arguments.
     */
    default Map<String, Object> config() {
        return Map.of();
    }

    /** A short description for messages and summaries, e.g. {@code "Dense(784→256)"}. */
    default String name() {
        return getClass().getSimpleName();
    }
}
