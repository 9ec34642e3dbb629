package io.backprop4j.cli.commands;

import io.backprop4j.core.data.MnistDataset;
import io.backprop4j.layers.activations.ActivationName;
import io.backprop4j.optim.OptimizerName;
import io.backprop4j.optim.schedules.ScheduleName;
import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine;

/**
 * The one place where the command line learns to read the library's named choices ({@code --optimizer adam},
 * {@code --schedule cosine}, ...): each type with its own parser of short names, for every command at once.
 */
public final class Names {

    private Names() {
    }

    /**
     * {@code commandLine} reading every named choice by its short name, in any case ({@code Adam} is {@code adam});
     * a wrong one is answered with the option and the accepted names.
     */
    public static CommandLine registerConverters(CommandLine commandLine) {
        return commandLine.registerConverter(MnistDataset.class, named(MnistDataset::fromId))
                .registerConverter(ActivationName.class, named(ActivationName::of))
                .registerConverter(OptimizerName.class, named(OptimizerName::of))
                .registerConverter(ScheduleName.class, named(ScheduleName::of))
                .registerConverter(ModelName.class, named(ModelName::of))
                .registerConverter(NormalizeName.class, named(NormalizeName::of))
                .registerConverter(AugmentName.class, named(AugmentName::of))
                .registerConverter(ExportCommand.Format.class, named(ExportCommand.Format::of));
    }

    /** A parser of lower-cased names whose refusal picocli prints as it is, after the option's name. */
    private static <T> ITypeConverter<T> named(Function<String, T> parser) {
        return value -> {
            try {
                return parser.apply(value.strip().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        };
    }
}
