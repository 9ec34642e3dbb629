package io.backprop4j.layers;

import io.backprop4j.core.Parameter;
import io.backprop4j.core.Rng;
import io.backprop4j.core.kernels.Kernels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A chain of layers, {@code y = f_n(… f_2(f_1(x)))}. Forward runs them in order; backward applies the
 * chain rule in reverse, each layer turning ∂J/∂(its output) into ∂J/∂(its input). Parameters are
 * named by position, e.g. {@code "0.weights"}, as in PyTorch's {@code nn.Sequential}. A Sequential may sit
 * inside another. Inference from many threads, the summary and the training claim are the {@link Model}'s.
 */
public final class Sequential implements Layer, OnnxExportable {

    /** Its name in saved models, and how one is rebuilt from its saved configuration. */
    public static final LayerType TYPE = LayerType.of("Sequential", Sequential.class, Sequential::fromConfig);

    private final List<Layer> layers;
    private final List<Parameter> parameters;
    private final int firstTrainable;

    private Sequential(List<Layer> layers) {
        this.layers = List.copyOf(layers);
        int first = 0;
        while (first < layers.size() - 1 && layers.get(first).parameters().isEmpty()) {
            first++;
        }
        this.firstTrainable = first;
        List<Parameter> named = new ArrayList<>();
        for (int i = 0; i < this.layers.size(); i++) {
            for (Parameter p : this.layers.get(i).parameters()) {
                named.add(p.renamed(i + "." + p.name()));
            }
        }
        this.parameters = List.copyOf(named);
    }

    public static Sequential of(Layer... layers) {
        if (layers.length == 0) {
            throw new IllegalArgumentException("Sequential: needs at least one layer");
        }
        return new Sequential(List.of(layers));
    }

    /**
     * {@code layer} itself when it is a Sequential, else a one-layer Sequential around it, whose parameters are
     * then named {@code 0.NAME}: how the Trainer and the model files take any layer.
     */
    public static Sequential wrapping(Layer layer) {
        return layer instanceof Sequential sequential ? sequential : of(layer);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        Kernels.configureThisThread();
        INDArray activation = x;
        for (int i = 0; i < layers.size(); i++) {
            activation = layers.get(i).forward(activation, training);
        }
        return activation;
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        INDArray gradient = gradOut;
        for (int i = layers.size() - 1; i >= 0; i--) {
            gradient = layers.get(i).backward(gradient);
        }
        return gradient;
    }

    /**
     * Backpropagates {@code gradOut} into every parameter's gradient without computing ∂J/∂x of the data:
     * layers before the first one with parameters are not visited, and that one skips its input gradient.
     */
    @Override
    public void backwardParameters(INDArray gradOut) {
        INDArray gradient = gradOut;
        for (int i = layers.size() - 1; i > firstTrainable; i--) {
            gradient = layers.get(i).backward(gradient);
        }
        layers.get(firstTrainable).backwardParameters(gradient);
    }

    /** Rebuilds the layer from its saved {@link #config()} (Keras's {@code from_config}). */
    public static Sequential fromConfig(LayerConfig c) {
        return Sequential.of(c.layers("layers").toArray(Layer[]::new));
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("layers", layers);
    }

    @Override
    public String toString() {
        return name();
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    /** Every layer's {@link Layer#buffers()}, named by position as the parameters are, e.g. {@code "2.runningMean"}. */
    @Override
    public Map<String, INDArray> buffers() {
        Map<String, INDArray> named = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            for (Map.Entry<String, INDArray> buffer : layers.get(i).buffers().entrySet()) {
                named.put(i + "." + buffer.getKey(), buffer.getValue());
            }
        }
        return named;
    }

    /** Every layer's {@link Layer#generators()}, named by position, e.g. {@code "6.mask"}. */
    @Override
    public Map<String, Rng> generators() {
        Map<String, Rng> named = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            for (Map.Entry<String, Rng> generator : layers.get(i).generators().entrySet()) {
                named.put(i + "." + generator.getKey(), generator.getValue());
            }
        }
        return named;
    }

    @Override
    public void initialize(Rng rng) {
        layers.forEach(layer -> layer.initialize(rng));
    }

    /** Redraws every layer's initial parameters from one seed: same seed, same network. */
    public Sequential initialize(long seed) {
        initialize(new Rng(seed));
        return this;
    }

    public List<Layer> layers() {
        return layers;
    }

    @Override
    public String name() {
        StringBuilder text = new StringBuilder("Sequential(");
        for (int i = 0; i < layers.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(layers.get(i).name());
        }
        return text.append(')').toString();
    }

    /** Each layer's nodes in order. */
    @Override
    public String toOnnx(OnnxBuilder onnx, String x) {
        String y = x;
        for (Layer layer : layers) {
            y = onnx.layer(layer, y);
        }
        return y;
    }
}
