package io.backprop4j.cli.commands;

import io.backprop4j.layers.Normalization;
import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@code train --normalize}: how the user's own features are scaled by the model's first layer. */
enum NormalizeName {
    RESCALE, STANDARDIZE, NONE;

    /** The scaling layer fitted to the training features (not called for {@link #NONE}). */
    Normalization fit(INDArray features) {
        return this == STANDARDIZE ? Normalization.standardizing(features) : Normalization.rescaling(features);
    }

    static NormalizeName of(String id) {
        return Arrays.stream(values()).filter(n -> n.name().toLowerCase(Locale.ROOT).equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown --normalize '" + id
                        + "'; expected rescale, standardize or none"));
    }
}
