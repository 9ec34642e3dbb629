package io.backprop4j.examples;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command-line entry point: {@code java -jar backprop4j-examples.jar COMMAND [OPTIONS]}. */
@Command(name = "backprop4j", mixinStandardHelpOptions = true, version = "backprop4j 0.1.0",
        description = "Train and inspect neural networks trained by backpropagation.",
        subcommands = {WorkedExampleCommand.class, ClassicsCommands.PerceptronCommand.class,
            ClassicsCommands.XorCommand.class, ClassicsCommands.ApproximateCommand.class,
            ClassicsCommands.PlaygroundCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
