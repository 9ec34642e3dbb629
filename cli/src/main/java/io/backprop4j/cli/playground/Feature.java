package io.backprop4j.cli.playground;

import java.util.Arrays;
import java.util.List;

/**
 * The playground's input features of a point (x₁, x₂) in [−1, 1]²: the coordinates, their squares and product,
 * and one period of a sine across the plane, sin(πx).
 */
enum Feature {
    X1("x1", "x₁"),
    X2("x2", "x₂"),
    X1_SQUARED("x1^2", "x₁²"),
    X2_SQUARED("x2^2", "x₂²"),
    X1_TIMES_X2("x1*x2", "x₁x₂"),
    SIN_X1("sin(x1)", "sin πx₁"),
    SIN_X2("sin(x2)", "sin πx₂");

    private final String id;
    private final String label;

    Feature(String id, String label) {
        this.id = id;
        this.label = label;
    }

    String id() {
        return id;
    }

    String label() {
        return label;
    }

    double of(double x1, double x2) {
        return switch (this) {
            case X1 -> x1;
            case X2 -> x2;
            case X1_SQUARED -> x1 * x1;
            case X2_SQUARED -> x2 * x2;
            case X1_TIMES_X2 -> x1 * x2;
            case SIN_X1 -> Math.sin(Math.PI * x1);
            case SIN_X2 -> Math.sin(Math.PI * x2);
        };
    }

    static Feature of(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst().orElseThrow(() ->
                new BadRequest("features: unknown feature '" + id + "'; expected some of " + ids()));
    }

    static List<String> ids() {
        return Arrays.stream(values()).map(Feature::id).toList();
    }
}
