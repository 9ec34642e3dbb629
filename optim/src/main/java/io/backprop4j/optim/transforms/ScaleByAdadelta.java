package io.backprop4j.optim.transforms;

import io.backprop4j.core.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adadelta's scaling (Zeiler 2012) in PyTorch's form: {@code v ← ρv + (1 − ρ)u²};
 * {@code Δ = √(s + ε)/√(v + ε)·u}; {@code s ← ρs + (1 − ρ)Δ²}; {@code u ← Δ}.
 *
 * <p>The three formulas are one call of libnd4j's {@code ada_delta_updater} op, which computes exactly these
 * (checked against them in the optimizer tests): one pass over memory instead of a dozen element-wise operations.
 * Δ overwrites the incoming updates.
 */
public record ScaleByAdadelta(double rho, double epsilon) implements Transform<ScaleByAdadelta.State> {

    /** The running averages of squared gradients v and of squared updates s. */
    public record State(INDArray squaredGradients, INDArray squaredUpdates) implements TransformState {
        @Override
        public Map<String, INDArray> arrays() {
            Map<String, INDArray> arrays = new LinkedHashMap<>();
            arrays.put("squaredGradients", squaredGradients);
            arrays.put("squaredUpdates", squaredUpdates);
            return arrays;
        }
    }

    public ScaleByAdadelta {
        Ranges.within("ScaleByAdadelta", "ρ", rho, 0, 1);
        Ranges.positive("ScaleByAdadelta", "ε", epsilon);
    }

    @Override
    public State init(Parameter parameter) {
        return new State(parameter.value().ulike().assign(0), parameter.value().ulike().assign(0));
    }

    @Override
    public INDArray update(INDArray updates, Parameter parameter, State state) {
        Nd4j.exec(DynamicCustomOp.builder("ada_delta_updater")
                .addInputs(updates, state.squaredGradients(), state.squaredUpdates())
                .addOutputs(updates, state.squaredGradients(), state.squaredUpdates())
                .addFloatingPointArguments(rho, epsilon).build());
        return updates;
    }
}
