package io.backprop4j.cli.commands;

import io.backprop4j.examples.WorkedExample;
import picocli.CommandLine.Command;

/** {@code worked-example}: the classic 2-2-2 logistic network, end to end. */
@Command(name = "worked-example", mixinStandardHelpOptions = true,
        description = "One forward pass, backward pass and update of the classic 2-2-2 logistic network.")
public final class WorkedExampleCommand implements Runnable {

    @Override
    public void run() {
        WorkedExample.print(WorkedExample.run(), System.out);
    }
}
