package io.backprop4j.core;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Weight initializations, each a distribution whose scale is set by the layer's fan-in and fan-out.
 * <ul>
 *   <li>{@code XAVIER_UNIFORM}: U(−a, a), a = √(6 / (fanIn + fanOut)) (Glorot &amp; Bengio 2010);</li>
 *   <li>{@code XAVIER_NORMAL}: N(0, 2 / (fanIn + fanOut));</li>
 *   <li>{@code HE_UNIFORM}: U(−a, a), a = √(6 / fanIn) (He et al. 2015, for ReLU);</li>
 *   <li>{@code HE_NORMAL}: N(0, 2 / fanIn);</li>
 *   <li>{@code LECUN_UNIFORM}: U(−a, a), a = 1/√fanIn, PyTorch's default for {@code nn.Linear};</li>
 *   <li>{@code UNIFORM}: U(−0.5, 0.5); {@code NORMAL}: N(0, 0.01²), the plain "random" start;</li>
 *   <li>{@code ZEROS}: all zero, for biases.</li>
 * </ul>
 */
public enum WeightInit {
    ZEROS, UNIFORM, NORMAL, XAVIER_UNIFORM, XAVIER_NORMAL, HE_UNIFORM, HE_NORMAL, LECUN_UNIFORM;

    /** A new array of {@code shape} filled from this distribution, drawing from {@code rng}. */
    public INDArray create(long fanIn, long fanOut, DataType dataType, Rng rng, long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        double[] values = new double[Math.toIntExact(n)];
        fill(values, fanIn, fanOut, rng);
        return Nd4j.create(values, shape, dataType);
    }

    private void fill(double[] values, long fanIn, long fanOut, Rng rng) {
        switch (this) {
            case ZEROS -> { }
            case UNIFORM -> uniform(values, 0.5, rng);
            case NORMAL -> normal(values, 0.01, rng);
            case XAVIER_UNIFORM -> uniform(values, Math.sqrt(6.0 / (fanIn + fanOut)), rng);
            case XAVIER_NORMAL -> normal(values, Math.sqrt(2.0 / (fanIn + fanOut)), rng);
            case HE_UNIFORM -> uniform(values, Math.sqrt(6.0 / fanIn), rng);
            case HE_NORMAL -> normal(values, Math.sqrt(2.0 / fanIn), rng);
            case LECUN_UNIFORM -> uniform(values, 1.0 / Math.sqrt(fanIn), rng);
        }
    }

    private static void uniform(double[] values, double bound, Rng rng) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (2 * rng.nextDouble() - 1) * bound;
        }
    }

    private static void normal(double[] values, double std, Rng rng) {
        for (int i = 0; i < values.length; i++) {
            values[i] = std * rng.nextGaussian();
        }
    }
}
