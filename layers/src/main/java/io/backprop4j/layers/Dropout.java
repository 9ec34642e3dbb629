package io.backprop4j.layers;

import io.backprop4j.core.Buffers;
import io.backprop4j.core.Rng;
import io.backprop4j.core.Shapes;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inverted dropout (PyTorch's {@code nn.Dropout}): in training, {@code y = x ⊙ m / (1 − p)} with a fresh
 * mask {@code m ~ Bernoulli(1 − p)} per entry and batch, so that E[y] = x; at inference {@code y = x}.
 * Backward applies the same mask, {@code ∂J/∂x = ∂J/∂y ⊙ m / (1 − p)}.
 *
 * <p>Masks come from ND4J's native generator, reseeded for every batch from this layer's own {@link Rng}
 * (drawn from the model's at {@link #initialize}), so a seeded model drops the same units on every run,
 * and a checkpoint (which saves that generator's state) resumes with the masks an uninterrupted run draws.
 */
public final class Dropout implements Layer, OnnxExportable {

    /** Its name in saved models, and how one is rebuilt from its saved configuration. */
    public static final LayerType TYPE = LayerType.of("Dropout", Dropout.class, Dropout::fromConfig);

    private final double p;
    private final Random generator = Nd4j.getRandomFactory().getNewRandomInstance(0);
    private final Rng rng = new Rng(Rng.global().nextLong());

    private INDArray scaledMask;
    private INDArray output;
    private INDArray gradInput;
    private boolean masked;

    /** Drops each entry with probability {@code p} ∈ [0, 1). */
    public Dropout(double p) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("Dropout: probability must be in [0, 1), got " + p);
        }
        this.p = p;
    }

    @Override
    public void initialize(Rng modelRng) {
        rng.restore(new Rng(modelRng.nextLong()).state());
    }

    @Override
    public Map<String, Rng> generators() {
        return Map.of("mask", rng);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        masked = training && p > 0;
        if (!masked) {
            return x;
        }
        scaledMask = Buffers.like(scaledMask, x);
        generator.setSeed(rng.nextLong());
        Nd4j.getExecutioner().exec(new BernoulliDistribution(scaledMask, 1 - p), generator);
        scaledMask.divi(1 - p);
        output = Buffers.like(output, x);
        return output.assign(x).muli(scaledMask);
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        if (!masked) {
            return gradOut;
        }
        Shapes.requireSameShape(name(), "gradient ∂J/∂y", gradOut, "its output", output);
        gradInput = Buffers.like(gradInput, gradOut);
        return gradInput.assign(gradOut).muli(scaledMask);
    }

    /** Rebuilds the layer from its saved {@link #config()} (Keras's {@code from_config}). */
    public static Dropout fromConfig(LayerConfig c) {
        return new Dropout(c.real("p"));
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("p", p);
    }

    @Override
    public String name() {
        return "Dropout(" + p + ")";
    }

    /** Inference's dropout: {@code Identity(x)}. */
    @Override
    public String toOnnx(OnnxBuilder onnx, String x) {
        return onnx.node("Identity", x);
    }
}
