package io.backprop4j.spark;

import io.backprop4j.core.Parameter;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A model's parameters, or their gradients, as one flat vector {@code θ = [vec(W₁); vec(b₁); …]} in the order of
 * {@code parameters()}, each array read in row-major order: the form in which weights travel to the executors
 * and gradients back. Doubles, so that float32 weights travel exactly and gradients are summed in double.
 */
final class ParameterVector {

    private ParameterVector() {
    }

    /** The number of scalars in all of {@code parameters}. */
    static int length(List<Parameter> parameters) {
        long length = parameters.stream().mapToLong(Parameter::size).sum();
        if (length > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("Spark training: " + length + " parameters do not fit one Java array");
        }
        return (int) length;
    }

    /** θ, a copy. */
    static double[] values(List<Parameter> parameters) {
        return read(parameters, false, new double[length(parameters)]);
    }

    /** ∂J/∂θ into {@code into} (at least {@link #length} long); returns it. */
    static double[] gradients(List<Parameter> parameters, double[] into) {
        return read(parameters, true, into);
    }

    /** Sets θ from {@code vector}. */
    static void setValues(List<Parameter> parameters, double[] vector) {
        write(parameters, false, vector);
    }

    /** Sets ∂J/∂θ from {@code vector}. */
    static void setGradients(List<Parameter> parameters, double[] vector) {
        write(parameters, true, vector);
    }

    private static double[] read(List<Parameter> parameters, boolean gradients, double[] into) {
        int offset = 0;
        for (Parameter parameter : parameters) {
            INDArray array = gradients ? parameter.gradient() : parameter.value();
            double[] flat = array.dup('c').data().asDouble();
            System.arraycopy(flat, 0, into, offset, flat.length);
            offset += flat.length;
        }
        return into;
    }

    private static void write(List<Parameter> parameters, boolean gradients, double[] vector) {
        int offset = 0;
        for (Parameter parameter : parameters) {
            INDArray array = gradients ? parameter.gradient() : parameter.value();
            int n = (int) array.length();
            double[] slice = new double[n];
            System.arraycopy(vector, offset, slice, 0, n);
            array.assign(Nd4j.create(slice, array.shape(), 'c').castTo(array.dataType()));
            offset += n;
        }
    }
}
