package io.backprop4j.optim.metrics;

import java.util.List;
import java.util.Locale;

/** The metrics by name, as Keras's {@code metrics=[...]}: one list for {@code Fit} and the command line. */
public final class Metrics {

    /** The names {@link #named} knows; {@code top-K} for any K ≥ 1. */
    public static final List<String> NAMES = List.of("accuracy", "top-5", "f1-macro", "mse", "mae", "r2");

    private Metrics() {
    }

    /** A new metric of that name: {@code accuracy}, {@code top-K}, {@code f1-macro}, {@code mse}, {@code mae}, {@code r2}. */
    public static Metric named(String name) {
        String id = name.strip().toLowerCase(Locale.ROOT);
        if (id.matches("top-[1-9]\\d{0,3}")) {
            return new TopK(Integer.parseInt(id.substring(4)));
        }
        return switch (id) {
            case "accuracy" -> new Accuracy();
            case "f1-macro" -> new MacroF1();
            case "mse" -> new RegressionMetric(RegressionMetric.Kind.MSE);
            case "mae" -> new RegressionMetric(RegressionMetric.Kind.MAE);
            case "r2" -> new RegressionMetric(RegressionMetric.Kind.R2);
            default -> throw new IllegalArgumentException("unknown metric '" + name + "'; expected one of "
                    + String.join(", ", NAMES) + " (top-K for any K)");
        };
    }
}
