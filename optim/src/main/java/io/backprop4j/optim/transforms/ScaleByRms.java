package io.backprop4j.optim.transforms;

import io.backprop4j.core.Parameter;
import io.backprop4j.core.kernels.Kernels;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * RMSProp's scaling, PyTorch's form: {@code s ← ρs + (1 − ρ)u²}, {@code u ← u / (√s + ε)}; centered (Graves),
 * also {@code a ← ρa + (1 − ρ)u} and {@code u ← u / (√(s − a²) + ε)}.
 */
public record ScaleByRms(double rho, double epsilon, boolean centered) implements Transform<ScaleByRms.State> {

    /** The mean of squared updates s, the mean update a (centered only, else null) and a work array (not saved). */
    public record State(INDArray meanSquares, INDArray meanUpdates, INDArray work) implements TransformState {
        @Override
        public Map<String, INDArray> arrays() {
            Map<String, INDArray> arrays = new LinkedHashMap<>(Map.of("meanSquares", meanSquares));
            if (meanUpdates != null) {
                arrays.put("meanUpdates", meanUpdates);
            }
            return arrays;
        }
    }

    public ScaleByRms {
        Ranges.within("ScaleByRms", "ρ", rho, 0, 1);
        Ranges.notNegative("ScaleByRms", "ε", epsilon);
    }

    /** Not centered. */
    public ScaleByRms(double rho, double epsilon) {
        this(rho, epsilon, false);
    }

    @Override
    public State init(Parameter parameter) {
        INDArray value = parameter.value();
        return new State(value.ulike().assign(0), centered ? value.ulike().assign(0) : null, value.ulike());
    }

    @Override
    public INDArray update(INDArray updates, Parameter parameter, State state) {
        INDArray s = state.meanSquares();
        INDArray work = state.work();
        Kernels.axpy(1 - rho, work.assign(updates).muli(updates), s.muli(rho));
        work.assign(s);
        if (centered) {
            INDArray average = state.meanUpdates();
            Kernels.axpy(1 - rho, updates, average.muli(rho));
            work.subi(average.mul(average));
        }
        return updates.divi(Kernels.sqrt(work, work).addi(epsilon));
    }
}
