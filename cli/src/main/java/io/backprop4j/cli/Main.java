package io.backprop4j.cli;

import io.backprop4j.cli.commands.ClassicsCommands;
import io.backprop4j.cli.commands.ConvertCommand;
import io.backprop4j.cli.commands.EvaluateCommand;
import io.backprop4j.cli.commands.ExportCommand;
import io.backprop4j.cli.commands.Names;
import io.backprop4j.cli.commands.PredictCommand;
import io.backprop4j.cli.commands.TrainCommand;
import io.backprop4j.cli.commands.WorkedExampleCommand;
import io.backprop4j.cli.report.ReportCommand;
import io.backprop4j.core.kernels.NativeLoading;
import io.backprop4j.optim.callbacks.TrainingDivergedException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

/**
 * The command-line entry point: {@code java -jar backprop4j.jar COMMAND [OPTIONS]}. Wrong
 * arguments print a one-line error and where to find the options (exit code 2); any failure while running (a missing data set,
 * a damaged file, training that diverged, a file that cannot be written) prints one line, the cause in words,
 * with exit code 1; {@code --verbose} adds the stack trace.
 */
@Command(name = "backprop4j", mixinStandardHelpOptions = true,
        description = "Train and inspect neural networks trained by backpropagation.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class, ConvertCommand.class,
            ExportCommand.class,
            WorkedExampleCommand.class,
            ClassicsCommands.PerceptronCommand.class, ClassicsCommands.XorCommand.class,
            ClassicsCommands.ApproximateCommand.class, ClassicsCommands.DecisionBoundariesCommand.class, ReportCommand.class})
public final class Main implements Runnable {

    /** What {@code -V} prints. */
    static final String VERSION = "backprop4j 0.1.0";

    public static void main(String[] args) {
        if (List.of(args).contains("--verbose")) {
            logNd4jStartup();
        }
        NativeLoading.startInBackground();
        try {
            System.exit(commandLine().execute(args));
        } catch (OutOfMemoryError e) {
            System.err.println("backprop4j: out of memory; give the JVM more (java -Xmx...) or use a smaller"
                    + " --batch-size or --limit");
            System.exit(1);
        } catch (ExceptionInInitializerError e) {
            System.err.println("backprop4j: " + (e.getCause() == null ? e : e.getCause().getMessage()));
            System.exit(1);
        }
    }

    /** The configured command line, for {@code main} and for tests. */
    public static CommandLine commandLine() {
        CommandLine commandLine = Names.registerConverters(new CommandLine(new Main()));
        giveVersion(commandLine);
        commandLine.setParameterExceptionHandler((error, args) -> {
            CommandLine command = error.getCommandLine();
            command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + error.getMessage());
            command.getErr().println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for its options.");
            return 2;
        });
        return commandLine.setCaseInsensitiveEnumValuesAllowed(true).setExecutionExceptionHandler(
                (error, command, parseResult) -> {
                    command.getErr().println("backprop4j " + command.getCommandName() + ": " + describe(error)
                            + (verbose || expected(error) ? "" : " (an unexpected error; --verbose shows where)"));
                    if (verbose) {
                        error.printStackTrace(command.getErr());
                    }
                    return 1;
                });
    }

    /** Every command answers {@code -V/--version} with the program's version, as the top command does. */
    private static void giveVersion(CommandLine command) {
        command.getCommandSpec().version(VERSION);
        command.getSubcommands().values().forEach(Main::giveVersion);
    }

    /** A failure in words: the file and the cause for file-system errors, the message for the library's own. */
    static String describe(Throwable error) {
        if (error instanceof NoSuchFileException missing) {
            return missing.getFile() + ": no such file or directory";
        }
        if (error instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied";
        }
        if (error instanceof FileSystemException failed) {
            String reason = failed.getReason() == null ? "cannot be read or written" : failed.getReason();
            return failed.getFile() + ": " + reason.toLowerCase(Locale.ROOT);
        }
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    /** Failures a user can fix, whose message says everything; others also point to --verbose. */
    private static boolean expected(Throwable error) {
        return error instanceof IOException || error instanceof IllegalArgumentException
                || error instanceof IllegalStateException || error instanceof TrainingDivergedException;
    }

    /** Whether {@code --verbose} was given: ND4J's start-up lines are logged, and a failure prints its stack trace. */
    static boolean verbose;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "also log ND4J's start-up lines, and print a failure's stack trace")
    void setVerbose(boolean on) {
        verbose = on;
        if (on) {
            logNd4jStartup();
        }
    }

    /** ND4J's start-up lines at INFO; set before ND4J loads, which {@code main} starts before parsing. */
    private static void logNd4jStartup() {
        System.setProperty("org.slf4j.simpleLogger.log.org.nd4j", "info");
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
