package io.backprop4j.core;

import java.util.List;
import java.util.function.DoubleSupplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Compares analytic gradients against central differences
 * {@code ∂J/∂w ≈ (J(w + h) − J(w − h)) / 2h}, one scalar weight at a time, in float64.
 *
 * <p>The relative error of one entry is {@code |a − n| / max(|a|, |n|, FLOOR)}, where {@code a} is the
 * analytic and {@code n} the numerical derivative. The floor keeps entries whose true gradient is (near)
 * zero from dividing rounding noise by zero: the difference quotient carries a rounding error of about
 * ε·|J|/h ≈ 1e-11·|J|, so below |gradient| = FLOOR a check of relative error 1e-6 becomes an absolute one,
 * {@code |a − n| < 1e-9}.
 */
public final class GradientCheck {

    /** Step h of the central difference: truncation error h²·f‴/6 and rounding error ε·|J|/h both near 1e-10. */
    public static final double STEP = 1e-5;
    /** Denominator floor of the relative error. */
    public static final double FLOOR = 1e-3;

    private GradientCheck() {
    }

    /**
     * The worst entry of a check.
     *
     * @param maxRelativeError the largest relative error over every checked entry
     * @param parameter        the name of the array it was found in
     * @param index            its linear (row-major) index in that array
     * @param analytic         the analytic derivative there
     * @param numeric          the central-difference derivative there
     * @param entries          how many entries were checked in all
     */
    public record Result(double maxRelativeError, String parameter, long index, double analytic, double numeric,
                         long entries) {

        @Override
        public String toString() {
            return String.format("max relative error %.3e at %s[%d] (analytic %.10g, numeric %.10g) over %d entries",
                    maxRelativeError, parameter, index, analytic, numeric, entries);
        }
    }

    /**
     * Checks every entry of every parameter.
     *
     * @param objective  recomputes the scalar J from the current parameter values (forward pass and loss)
     * @param parameters the arrays J depends on, float64, each holding in its gradient the analytic ∂J/∂value
     *                   computed before this call at the current values
     */
    public static Result check(DoubleSupplier objective, List<Parameter> parameters) {
        double worst = -1;
        Result result = null;
        long entries = 0;
        for (Parameter p : parameters) {
            INDArray value = p.value();
            if (value.dataType() != DataType.DOUBLE) {
                throw new IllegalArgumentException("GradientCheck: parameter " + p.name() + " is " + value.dataType()
                        + "; gradient checks need DOUBLE, or rounding swamps the difference quotient.");
            }
            INDArray analytic = p.gradient().dup();
            for (long i = 0; i < value.length(); i++) {
                double original = value.getDouble(i);
                value.putScalar(i, original + STEP);
                double plus = objective.getAsDouble();
                value.putScalar(i, original - STEP);
                double minus = objective.getAsDouble();
                value.putScalar(i, original);
                double numeric = (plus - minus) / (2 * STEP);
                double a = analytic.getDouble(i);
                double error = Math.abs(a - numeric) / Math.max(Math.max(Math.abs(a), Math.abs(numeric)), FLOOR);
                if (Double.isNaN(error)) {
                    error = Double.POSITIVE_INFINITY;
                }
                entries++;
                if (error > worst) {
                    worst = error;
                    result = new Result(error, p.name(), i, a, numeric, 0);
                }
            }
        }
        if (result == null) {
            throw new IllegalArgumentException("GradientCheck: nothing to check, the parameter list is empty.");
        }
        return new Result(result.maxRelativeError(), result.parameter(), result.index(), result.analytic(),
                result.numeric(), entries);
    }
}
