package io.backprop4j.cli.commands;

import io.backprop4j.core.data.MnistDataset;
import io.backprop4j.layers.activations.ActivationName;
import io.backprop4j.optim.OptimizerName;
import io.backprop4j.optim.schedules.ScheduleName;
import picocli.CommandLine;

/**
 * The one place where the command line learns to read the library's named choices ({@code --optimizer adam},
 * {@code --schedule cosine}, ...): each type with its own parser of short names, for every command at once.
 */
public final class Names {

    private Names() {
    }

    /** {@code commandLine} reading every named choice by its short name. */
    public static CommandLine registerConverters(CommandLine commandLine) {
        return commandLine.registerConverter(MnistDataset.class, MnistDataset::fromId)
                .registerConverter(ActivationName.class, ActivationName::of)
                .registerConverter(OptimizerName.class, OptimizerName::of)
                .registerConverter(ScheduleName.class, ScheduleName::of)
                .registerConverter(ModelName.class, ModelName::of)
                .registerConverter(NormalizeName.class, NormalizeName::of)
                .registerConverter(ExportCommand.Format.class, ExportCommand.Format::of);
    }
}
