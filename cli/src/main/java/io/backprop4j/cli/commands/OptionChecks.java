package io.backprop4j.cli.commands;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Range checks of numeric options, refused as wrong arguments (exit code 2) with the option and its value. */
final class OptionChecks {

    private OptionChecks() {
    }

    static void positive(CommandSpec spec, String option, double value) {
        if (!(value > 0)) {
            throw new ParameterException(spec.commandLine(), option + " must be positive, got " + value);
        }
    }

    static void notNegative(CommandSpec spec, String option, double value) {
        if (!(value >= 0)) {
            throw new ParameterException(spec.commandLine(), option + " must be 0 or more, got " + value);
        }
    }
}
