package io.backprop4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class GradientCheckTest {

    private final Parameter w = Parameter.of("w", Nd4j.createFromArray(0.5, -1.5, 2.0).reshape(1, 3));

    /** J = Σ w³, ∂J/∂w = 3w². */
    private double cubes() {
        return w.value().mul(w.value()).muli(w.value()).sumNumber().doubleValue();
    }

    @Test
    void acceptsTheTrueGradient() {
        w.gradient().assign(w.value().mul(w.value()).muli(3));
        GradientCheck.Result result = GradientCheck.check(this::cubes, List.of(w));
        assertTrue(result.maxRelativeError() < 1e-8, result.toString());
        assertEquals(3, result.entries());
    }

    @Test
    void findsAWrongEntryAndSaysWhere() {
        w.gradient().assign(w.value().mul(w.value()).muli(3));
        w.gradient().putScalar(2, 12.1);
        GradientCheck.Result result = GradientCheck.check(this::cubes, List.of(w));
        assertEquals("w", result.parameter());
        assertEquals(2, result.index());
        assertEquals(12.0, result.numeric(), 1e-8);
        assertTrue(result.maxRelativeError() > 5e-3, result.toString());
    }

    @Test
    void refusesSinglePrecision() {
        Parameter single = Parameter.of("s", Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2));
        var error = assertThrows(IllegalArgumentException.class, () -> GradientCheck.check(() -> 0, List.of(single)));
        assertTrue(error.getMessage().contains("DOUBLE"));
    }
}
