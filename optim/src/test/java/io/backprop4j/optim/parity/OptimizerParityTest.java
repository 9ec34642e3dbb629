package io.backprop4j.optim.parity;

import io.backprop4j.core.Parameter;
import io.backprop4j.layers.parity.Parity;
import io.backprop4j.optim.Optimizer;
import io.backprop4j.optim.Optimizers;
import io.backprop4j.optim.transforms.TraceMomentum;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every optimizer against PyTorch 1.13's {@code torch.optim}: three steps from the same weights and gradients, in
 * float32 and float64, from the fixtures of {@code docs/tools/pytorch_parity.py}; tolerances in {@link Parity}.
 */
class OptimizerParityTest {

    private static final Map<String, Supplier<Optimizer>> OPTIMIZERS = Map.of(
            "sgd", () -> Optimizers.sgd(0.1),
            "sgd-momentum-dampening", () -> Optimizers.chain(0.1, new TraceMomentum(0.9, false, 0.1)),
            "sgd-nesterov-decay", () -> Optimizers.nesterov(0.1, 0.9, 0.01),
            "adam", () -> Optimizers.adam(0.01),
            "adam-amsgrad", () -> Optimizers.amsgrad(0.01),
            "adamw", () -> Optimizers.adamw(0.01, 0.05),
            "rmsprop", () -> Optimizers.rmsprop(0.01),
            "rmsprop-centered-momentum", () -> Optimizers.rmsprop(0.01, 0.99, 1e-8, 0.9, true),
            "adagrad-lr-decay", () -> Optimizers.adagrad(0.1, 1e-10, 0.01),
            "adadelta", () -> Optimizers.adadelta(1.0));

    @TestFactory
    List<DynamicTest> threeStepsAsPyTorch() throws Exception {
        Map<String, INDArray> f = Parity.fixtures(getClass(), "optimizers.npz");
        return OPTIMIZERS.keySet().stream().sorted().flatMap(name -> List.of("f32", "f64").stream().map(precision ->
                DynamicTest.dynamicTest(name + " " + precision, () -> {
                    DataType type = precision.equals("f32") ? DataType.FLOAT : DataType.DOUBLE;
                    Parameter w = Parameter.of("w", f.get("w").castTo(type).dup());
                    Optimizer optimizer = OPTIMIZERS.get(name).get();
                    for (int step = 0; step < 3; step++) {
                        w.gradient().assign(f.get("g" + step).castTo(type));
                        optimizer.step(List.of(w));
                        String key = name + "." + precision + ".step" + step;
                        Parity.array(key, w.value(), f.get(key + ".64"), f.get(key), type);
                    }
                }))).toList();
    }
}
