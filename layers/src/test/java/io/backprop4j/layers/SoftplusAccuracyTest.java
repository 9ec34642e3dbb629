package io.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.backprop4j.core.kernels.Kernels;
import io.backprop4j.layers.activations.Softplus;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** log1p and Softplus keep their relative precision where 1 + x rounds to 1, in float32 and float64. */
class SoftplusAccuracyTest {

    /** log(1 + e^s), exact to double precision for s ≤ 0 (Math.log1p is correctly rounded to within an ulp). */
    private static double softplus(double s) {
        return Math.max(s, 0) + Math.log1p(Math.exp(-Math.abs(s)));
    }

    @Test
    void log1pOfTinyValuesIsTheValueItself() {
        assertEquals(1e-10f, Kernels.log1p(Nd4j.createFromArray(1e-10f), Nd4j.create(1)).getFloat(0), 1e-17f);
        INDArray tiny = Kernels.log1p(Nd4j.createFromArray(3e-20), Nd4j.create(DataType.DOUBLE, 1));
        assertEquals(Math.log1p(3e-20), tiny.getDouble(0), 1e-34);
    }

    @Test
    void softplusFarIntoTheNegativeSideStaysWithinAFewUlps() {
        for (double s : new double[] {-13.6, -30, -40, -80, -1e-6, 0, 2, 30}) {
            INDArray f32 = new Softplus().forward(Nd4j.createFromArray(new float[][] {{(float) s}}), false);
            INDArray f64 = new Softplus().forward(Nd4j.createFromArray(new double[][] {{s}}), false);
            double exact = softplus((float) s);
            assertEquals(exact, f32.getDouble(0, 0), 4e-7 * exact, "float32 Softplus(" + s + ")");
            assertEquals(softplus(s), f64.getDouble(0, 0), 1e-14 * softplus(s), "float64 Softplus(" + s + ")");
        }
    }
}
