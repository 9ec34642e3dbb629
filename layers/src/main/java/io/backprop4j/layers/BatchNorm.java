package io.backprop4j.layers;

import io.backprop4j.core.Buffers;
import io.backprop4j.core.Parameter;
import io.backprop4j.core.Rng;
import io.backprop4j.core.Shapes;
import io.backprop4j.core.kernels.Kernels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Batch normalization (Ioffe &amp; Szegedy 2015; PyTorch's {@code BatchNorm1d}/{@code BatchNorm2d}) of F
 * features: dense input {@code [N, F]}, or images {@code [N, F, H, W]} normalized per channel over the
 * m = N·H·W values of each channel:
 * <pre>  x̂ = (x − μ) / √(σ² + ε),   y = γ ⊙ x̂ + β</pre>
 * In training μ and σ² are the batch's mean and (biased) variance, and running estimates are kept for
 * inference: {@code μ_run ← (1 − α)·μ_run + α·μ}, {@code σ²_run ← (1 − α)·σ²_run + α·σ²·m/(m − 1)}
 * (α = momentum). Backward, with g = ∂J/∂y and sums over the m values of each feature:
 * <pre>  ∂J/∂β = Σ g,   ∂J/∂γ = Σ g ⊙ x̂,   ∂J/∂x = γ / (m·√(σ² + ε)) ⊙ (m·g − ∂J/∂β − x̂ ⊙ ∂J/∂γ)</pre>
 * (at inference μ and σ² are constants and ∂J/∂x = γ ⊙ g / √(σ²_run + ε)). The running statistics are
 * {@link #buffers()}: saved with the model, not trained.
 */
public final class BatchNorm implements Layer, OnnxExportable, TorchExportable {

    /** Its name in saved models, and how one is rebuilt from its saved configuration. */
    public static final LayerType TYPE = LayerType.of("BatchNorm", BatchNorm.class, BatchNorm::fromConfig);

    private final int features;
    private final double epsilon;
    private final double momentum;
    private final Parameter gamma;
    private final Parameter beta;
    private final INDArray runningMean;
    private final INDArray runningVariance;

    private boolean training;
    private long count;
    private FeatureAxes axes;
    private INDArray inverseStd;
    private INDArray normalized;
    private INDArray output;
    private INDArray gradInput;

    /** PyTorch's defaults: ε = 1e-5, momentum 0.1, float32. */
    public BatchNorm(int features) {
        this(features, 1e-5, 0.1, DataType.FLOAT);
    }

    public BatchNorm(int features, double epsilon, double momentum, DataType dataType) {
        if (features <= 0 || !(epsilon > 0) || !(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException("BatchNorm: needs features > 0, ε > 0 and momentum in [0, 1], got "
                    + features + ", " + epsilon + ", " + momentum);
        }
        this.features = features;
        this.epsilon = epsilon;
        this.momentum = momentum;
        this.gamma = Parameter.of("gamma", Nd4j.ones(dataType, 1, features));
        this.beta = Parameter.of("beta", Nd4j.zeros(dataType, 1, features));
        this.runningMean = Nd4j.zeros(dataType, 1, features);
        this.runningVariance = Nd4j.ones(dataType, 1, features);
    }

    @Override
    public void initialize(Rng rng) {
        gamma.value().assign(1);
        beta.value().assign(0);
        runningMean.assign(0);
        runningVariance.assign(1);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        axes = FeatureAxes.of(name(), x, features);
        Shapes.requireDataType(name(), x, gamma.value().dataType());
        this.training = training;
        count = x.length() / features;
        INDArray mean;
        INDArray variance;
        if (training) {
            if (count < 2) {
                throw new IllegalArgumentException(name() + ": training needs more than one value per feature to "
                        + "estimate a variance, got input " + Shapes.describe(x));
            }
            mean = x.mean(axes.reduced()).reshape(1, features);
            variance = x.var(false, axes.reduced()).reshape(1, features);
            runningMean.muli(1 - momentum).addi(mean.mul(momentum));
            runningVariance.muli(1 - momentum).addi(variance.mul(momentum * count / (count - 1.0)));
        } else {
            mean = runningMean;
            variance = runningVariance;
        }
        inverseStd = Transforms.pow(variance.add(epsilon), -0.5, false);
        normalized = Buffers.like(normalized, x).assign(x).subi(broadcast(mean)).muli(broadcast(inverseStd));
        output = Buffers.like(output, x).assign(normalized).muli(broadcast(gamma.value()))
                .addi(broadcast(beta.value()));
        return output;
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        if (normalized == null) {
            throw new IllegalStateException(name() + ": backward called before forward");
        }
        Shapes.requireSameShape(name(), "gradient ∂J/∂y", gradOut, "its output", output);
        gradInput = Buffers.like(gradInput, gradOut);
        INDArray betaGradient = gradOut.sum(axes.reduced()).reshape(1, features);
        INDArray gammaGradient = gradInput.assign(gradOut).muli(normalized).sum(axes.reduced()).reshape(1, features);
        beta.gradient().addi(betaGradient);
        gamma.gradient().addi(gammaGradient);
        INDArray scale = gamma.value().mul(inverseStd);
        if (!training) {
            return gradInput.assign(gradOut).muli(broadcast(scale));
        }
        gradInput.assign(normalized).muli(broadcast(gammaGradient)).addi(broadcast(betaGradient)).negi();
        Kernels.axpy(count, gradOut, gradInput);
        return gradInput.muli(broadcast(scale.divi(count)));
    }

    private INDArray broadcast(INDArray perFeature) {
        return axes.broadcast(perFeature);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(gamma, beta);
    }

    @Override
    public Map<String, INDArray> buffers() {
        return new TreeMap<>(Map.of("runningMean", runningMean, "runningVariance", runningVariance));
    }

    /** Rebuilds the layer from its saved {@link #config()} (Keras's {@code from_config}). */
    public static BatchNorm fromConfig(LayerConfig c) {
        return new BatchNorm(c.integer("features"), c.real("epsilon"), c.real("momentum"), c.dataType());
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("features", features, "epsilon", epsilon, "momentum", momentum);
    }

    @Override
    public String name() {
        return "BatchNorm(" + features + ")";
    }

    /** {@code BatchNormalization(x, γ, β, running mean, running variance)} with ε, in inference form. */
    @Override
    public String toOnnx(OnnxBuilder onnx, String x) {
        return onnx.node("BatchNormalization", Map.of("epsilon", epsilon), x,
                onnx.constant("gamma", gamma.value().reshape(features)),
                onnx.constant("beta", beta.value().reshape(features)),
                onnx.constant("mean", runningMean.reshape(features)),
                onnx.constant("variance", runningVariance.reshape(features)));
    }

    /**
     * {@code nn.BatchNorm1d/2d}'s {@code weight}, {@code bias}, {@code running_mean}, {@code running_var} and
     * {@code num_batches_tracked} (0: the momentum is fixed, as PyTorch's default, so it is not used).
     */
    @Override
    public Map<String, INDArray> torchState() {
        Map<String, INDArray> state = new LinkedHashMap<>();
        state.put("weight", gamma.value().reshape(features));
        state.put("bias", beta.value().reshape(features));
        state.put("running_mean", runningMean.reshape(features));
        state.put("running_var", runningVariance.reshape(features));
        state.put("num_batches_tracked", Nd4j.scalar(gamma.value().dataType(), 0));
        return state;
    }

    @Override
    public void loadTorchState(Map<String, INDArray> state) {
        gamma.value().assign(state.get("weight").reshape(gamma.value().shape()));
        beta.value().assign(state.get("bias").reshape(beta.value().shape()));
        runningMean.assign(state.get("running_mean").reshape(runningMean.shape()));
        runningVariance.assign(state.get("running_var").reshape(runningVariance.shape()));
    }
}
