package io.backprop4j.layers;

import io.backprop4j.core.Parameter;
import io.backprop4j.core.ResidentMemory;
import io.backprop4j.core.Rng;
import io.backprop4j.core.Shapes;
import io.backprop4j.core.kernels.Kernels;
import io.backprop4j.layers.activations.LogSoftmax;
import io.backprop4j.layers.activations.Softmax;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A chain of layers, {@code y = f_n(… f_2(f_1(x)))}. Forward runs them in order; backward applies the
 * chain rule in reverse, each layer turning ∂J/∂(its output) into ∂J/∂(its input). Parameters are
 * named by position, e.g. {@code "0.weights"}, as in PyTorch's {@code nn.Sequential}.
 *
 * <p><b>Threads.</b> {@link #predict}, {@link #predictProbabilities} and {@link #predictClasses} may be called
 * from many threads on one model at once: they take turns on the model (its layers reuse their buffers) and
 * give exactly the results of serial calls, each a fresh array the caller owns. Training belongs to one thread:
 * {@link #claimForTraining} (which the Trainer calls) refuses a second thread while the first trains, and a
 * prediction from another thread waits until that training ends. {@link #forward} and {@link #backward} are the
 * training thread's own and are not guarded.
 */
public final class Sequential implements Layer {

    private final ReentrantLock owner = new ReentrantLock();
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

    /**
     * The network's output for {@code x} in inference mode, as a fresh row-major array the caller owns. Inputs
     * with a NaN or ±∞ are refused, naming the first one, rather than answered with NaN predictions.
     */
    public INDArray predict(INDArray x) {
        Shapes.requireFinite(name(), "inputs", x);
        owner.lock();
        try {
            return forward(x, false).dup('c');
        } finally {
            owner.unlock();
            ResidentMemory.collectAfterInference();
        }
    }

    /**
     * Class probabilities {@code [n, K]}: the output itself after a {@link Softmax}, e^output after a
     * {@link LogSoftmax}, softmax(output) for logits of K ≥ 2 classes, and σ(output) {@code [n, 1]}, the
     * probability of class 1, for a binary classifier's single logit.
     */
    public INDArray predictProbabilities(INDArray x) {
        INDArray output = predict(x);
        Layer last = layers.get(layers.size() - 1);
        if (last instanceof Softmax) {
            return output;
        }
        if (last instanceof LogSoftmax) {
            return Transforms.exp(output, false);
        }
        return output.columns() == 1 ? Transforms.sigmoid(output, false) : Transforms.softmax(output, false);
    }

    /** The class of each row: the arg-max of the output, or for a single logit 1 when it is ≥ 0 (σ ≥ 0.5). */
    public int[] predictClasses(INDArray x) {
        INDArray output = predict(x);
        if (output.columns() == 1) {
            return output.gte(0).castTo(DataType.INT32).reshape(output.rows()).toIntVector();
        }
        return Nd4j.argMax(output, 1).toIntVector();
    }

    /**
     * Makes the calling thread the model's trainer until the returned claim is closed; refuses while another
     * thread holds it, since two threads training one model would corrupt its weights and buffers.
     */
    public Claim claimForTraining() {
        if (!owner.tryLock()) {
            throw new IllegalStateException(name() + " is already being trained by another thread; train one model"
                    + " from one thread at a time (or give each thread a model of its own)");
        }
        return owner::unlock;
    }

    /**
     * A Keras-style table for inputs of shape {@code [batch, inputShape…]}: each layer, its output shape and
     * its parameter count, then the totals. The shapes come from one inference pass over zeros.
     */
    public String summary(long... inputShape) {
        long[] shape = new long[inputShape.length + 1];
        shape[0] = 1;
        System.arraycopy(inputShape, 0, shape, 1, inputShape.length);
        INDArray activation = Nd4j.zeros(parameters.isEmpty() ? DataType.FLOAT : parameters.get(0).value().dataType(),
                shape);
        StringBuilder table = new StringBuilder(String.format("%-4s %-28s %-20s %12s%n", "#", "layer",
                "output shape", "parameters"));
        owner.lock();
        try {
            for (int i = 0; i < layers.size(); i++) {
                Layer layer = layers.get(i);
                activation = layer.forward(activation, false);
                long[] outputShape = activation.shape().clone();
                long count = layer.parameters().stream().mapToLong(Parameter::size).sum();
                table.append(String.format("%-4d %-28s %-20s %,12d%n", i, layer.name(),
                        Arrays.toString(outputShape).replaceFirst("^\\[1", "[batch"), count));
            }
        } finally {
            owner.unlock();
        }
        return table.append(String.format("total: %,d parameters (%,d bytes)", parameterCount(),
                parameterCount() * activation.dataType().width())).toString();
    }

    /** A thread's claim on the model for training, released by {@link #close}. */
    public interface Claim extends AutoCloseable {
        @Override
        void close();
    }

    /** Its layers, which a model file describes in place: a Sequential may sit inside another. */

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

    /** Sets every parameter's gradient to zero, before the backward pass of a new batch. */
    public void zeroGradients() {
        for (int i = 0; i < parameters.size(); i++) {
            parameters.get(i).zeroGradient();
        }
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

    /** The number of trainable scalars. */
    public long parameterCount() {
        return parameters.stream().mapToLong(Parameter::size).sum();
    }

    @Override
    public String name() {
        StringBuilder text = new StringBuilder("Sequential(");
        for (int i = 0; i < layers.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(layers.get(i).name());
        }
        return text.append(')').toString();
    }
}
