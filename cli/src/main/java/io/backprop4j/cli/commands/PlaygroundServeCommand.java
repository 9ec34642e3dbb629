package io.backprop4j.cli.commands;

import io.backprop4j.cli.playground.PlaygroundServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code playground serve}: the interactive playground on 127.0.0.1, until Ctrl+C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Starts the interactive playground on this computer's loopback address and prints its URL.")
public final class PlaygroundServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "Port, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--max-sessions", defaultValue = "8",
            description = "Browser tabs served at once, 1 to 64 (default: ${DEFAULT-VALUE}).")
    int maxSessions;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0 to 65535, got " + port);
        }
        if (maxSessions < 1 || maxSessions > 64) {
            throw new ParameterException(spec.commandLine(), "--max-sessions must be 1 to 64, got " + maxSessions);
        }
        try (PlaygroundServer server = PlaygroundServer.start(port, maxSessions)) {
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            System.out.println("Playground at " + server.url() + " (Ctrl+C stops it)");
            server.awaitClose();
        }
        return 0;
    }
}
