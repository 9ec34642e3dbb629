package io.backprop4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.data.IdxFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's own logging binding, in a child JVM as a user runs it: ND4J's start-up lines only with --verbose. */
class LoggingTest {

    @TempDir
    Path directory;

    @Test
    void nd4jsStartUpLinesAreOffAndBackprop4jsOwnLinesStay() throws Exception {
        IdxFiles.dataSet(directory, 64, 16);
        String quiet = runMain("train", "--data-dir", directory.toString(), "--epochs", "1", "--no-progress");
        assertFalse(quiet.contains("Nd4jBackend"), quiet);
        assertFalse(quiet.contains("Backend build information"), quiet);
        assertTrue(quiet.contains("INFO EpochReporter - epoch 1: train loss"), quiet);

        String verbose = runMain("train", "--verbose", "--data-dir", directory.toString(), "--epochs", "1",
                "--no-progress");
        assertTrue(verbose.contains("Loaded [CpuBackend] backend"), verbose);
        assertTrue(verbose.contains("INFO EpochReporter - epoch 1: train loss"), verbose);
    }

    @Test
    void verbosePrintsAFailuresStackTraceAndTheDefaultOnlyItsMessage() throws Exception {
        Path missing = directory.resolve("missing.zip");
        String plain = runMain("evaluate", "--model", missing.toString(), "--data-dir", directory.toString());
        assertTrue(plain.startsWith("backprop4j evaluate: "), plain);
        assertFalse(plain.contains("\tat "), plain);
        String verbose = runMain("evaluate", "--verbose", "--model", missing.toString(), "--data-dir",
                directory.toString());
        assertTrue(verbose.contains("\tat "), verbose);
    }

    /** Runs the command line in a child JVM on this test's class path; returns its stdout and stderr together. */
    private static String runMain(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = child.getInputStream().readAllBytes();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS));
        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(args[0].equals("train") ? 0 : 1, child.exitValue(), text);
        return text;
    }
}
