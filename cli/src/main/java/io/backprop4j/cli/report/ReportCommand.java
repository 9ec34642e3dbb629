package io.backprop4j.cli.report;

import picocli.CommandLine.Command;

/** {@code report}: generators of the project's comparison reports. */
@Command(name = "report", mixinStandardHelpOptions = true, subcommands = ActivationReportCommand.class,
        description = "Write a comparison report (Markdown with PNG charts).")
public final class ReportCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a report: activations");
    }
}
