package io.backprop4j.examples;

import picocli.CommandLine.Command;

/** {@code worked-example}: the 2-2-2 network of SPEC §1, end to end. */
@Command(name = "worked-example", mixinStandardHelpOptions = true,
        description = "One forward pass, backward pass and update of the classic 2-2-2 logistic network.")
final class WorkedExampleCommand implements Runnable {

    @Override
    public void run() {
        WorkedExample.print(WorkedExample.run(), System.out);
    }
}
