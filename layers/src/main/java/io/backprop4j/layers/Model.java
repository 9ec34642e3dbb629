package io.backprop4j.layers;

import io.backprop4j.core.Parameter;
import io.backprop4j.core.ResidentMemory;
import io.backprop4j.core.Shapes;
import io.backprop4j.core.kernels.Kernels;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A network ready for use: any {@link Layer} (usually a {@link Sequential}) with inference, a summary, and the
 * claim that one thread trains it. {@code Model.of(network)} gives the one Model of that network object, so the
 * Trainer and every predicting thread share its ownership.
 *
 * <p><b>Threads.</b> {@link #predict}, {@link #predictProbabilities} and {@link #predictClasses} may be called
 * from many threads at once: they take turns on the network (its layers reuse their buffers) and give exactly
 * the results of serial calls, each a fresh array the caller owns. Training belongs to one thread:
 * {@link #claimForTraining} (which the Trainer calls) refuses a second thread while the first trains, and a
 * prediction from another thread waits until that training ends.
 */
public final class Model {

    private static final Map<Layer, Model> MODELS = Collections.synchronizedMap(new WeakHashMap<>());

    private final Layer network;
    private final Sequential sequential;
    private final ReentrantLock owner = new ReentrantLock();
    /** The data type of the network's first parameter, or null for a network without parameters. */
    private final DataType weightType;

    private Model(Layer network) {
        this.network = network;
        this.sequential = Sequential.wrapping(network);
        List<Parameter> parameters = network.parameters();
        this.weightType = parameters.isEmpty() ? null : parameters.get(0).value().dataType();
    }

    /** The Model of {@code network}: the same object for the same network, however often it is asked for. */
    public static Model of(Layer network) {
        return MODELS.computeIfAbsent(network, Model::new);
    }

    public Layer network() {
        return network;
    }

    /**
     * The network as a Sequential: itself, or one Sequential around it (parameters named {@code 0.NAME}), the same
     * object every time, so that an optimizer's state of its parameters carries over from one training run to the
     * next.
     */
    public Sequential sequential() {
        return sequential;
    }

    /**
     * The network's output for {@code x} in inference mode, as a fresh row-major array the caller owns. Inputs of
     * another floating-point type than the weights' are converted to it first (float32 pixels into a float64
     * model), as Keras's {@code predict} does. Inputs with a NaN or ±∞ are refused, naming the first one, rather than
     * answered with NaN predictions.
     */
    public INDArray predict(INDArray x) {
        Shapes.requireFinite(network.name(), "inputs", x);
        boolean convert = weightType != null && x.dataType() != weightType && x.dataType().isFPType();
        INDArray input = convert ? x.castTo(weightType) : x;
        owner.lock();
        try {
            return network.forward(input, false).dup('c');
        } finally {
            owner.unlock();
            ResidentMemory.collectAfterInference();
        }
    }

    /**
     * Class probabilities {@code [n, K]}: read from the output after a {@link ProbabilityOutput} layer (softmax,
     * log-softmax), softmax(output) for logits of K ≥ 2 classes, and σ(output) {@code [n, 1]}, the probability of
     * class 1, for a binary classifier's single logit.
     */
    public INDArray predictProbabilities(INDArray x) {
        INDArray output = predict(x);
        if (lastLayer() instanceof ProbabilityOutput probabilities) {
            return probabilities.probabilities(output);
        }
        return output.columns() == 1 ? Transforms.sigmoid(output, false) : Transforms.softmax(output, false);
    }

    /** The class of each row: the arg-max of the output, or for a single logit 1 when it is ≥ 0 (σ ≥ 0.5). */
    public int[] predictClasses(INDArray x) {
        INDArray output = predict(x);
        if (output.columns() == 1) {
            return output.gte(0).castTo(DataType.INT32).reshape(output.rows()).toIntVector();
        }
        return Kernels.argMaxRows(output);
    }

    private Layer lastLayer() {
        Layer last = network;
        while (last instanceof Sequential sequential) {
            last = sequential.layers().get(sequential.layers().size() - 1);
        }
        return last;
    }

    /**
     * Makes the calling thread the model's trainer until the returned claim is closed; refuses while another
     * thread holds it, since two threads training one model would corrupt its weights and buffers.
     */
    public Claim claimForTraining() {
        if (!owner.tryLock()) {
            throw new IllegalStateException(network.name() + " is already being trained by another thread; train one"
                    + " model from one thread at a time (or give each thread a model of its own)");
        }
        return owner::unlock;
    }

    /** A thread's claim on the model for training, released by {@link #close}. */
    public interface Claim extends AutoCloseable {
        @Override
        void close();
    }

    /** The number of trainable scalars. */
    public long parameterCount() {
        return network.parameters().stream().mapToLong(Parameter::size).sum();
    }

    /**
     * A Keras-style table for inputs of shape {@code [batch, inputShape…]}: each layer (of a Sequential; else the
     * network as one row), its output shape and its parameter count, then the totals. The shapes come from one
     * inference pass over zeros.
     */
    public String summary(long... inputShape) {
        long[] shape = new long[inputShape.length + 1];
        shape[0] = 1;
        System.arraycopy(inputShape, 0, shape, 1, inputShape.length);
        List<Parameter> parameters = network.parameters();
        INDArray activation = Nd4j.zeros(parameters.isEmpty() ? DataType.FLOAT : parameters.get(0).value().dataType(),
                shape);
        List<Layer> rows = network instanceof Sequential sequential ? sequential.layers() : List.of(network);
        StringBuilder table = new StringBuilder(String.format("%-4s %-28s %-20s %12s%n", "#", "layer",
                "output shape", "parameters"));
        owner.lock();
        try {
            for (int i = 0; i < rows.size(); i++) {
                Layer layer = rows.get(i);
                activation = layer.forward(activation, false);
                long count = layer.parameters().stream().mapToLong(Parameter::size).sum();
                table.append(String.format("%-4d %-28s %-20s %,12d%n", i, layer.name(),
                        Arrays.toString(activation.shape()).replaceFirst("^\\[1", "[batch"), count));
            }
        } finally {
            owner.unlock();
        }
        return table.append(String.format("total: %,d parameters (%,d bytes)", parameterCount(),
                parameterCount() * activation.dataType().width())).toString();
    }
}
