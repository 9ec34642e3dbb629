package io.backprop4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.data.IdxFiles;
import io.backprop4j.layers.Dense;
import io.backprop4j.layers.Model;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.io.ModelFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's side of the reliability contract: every bad input a red-team run tried gets one line with
 * its cause in words, exit code 1 (or 2 for a wrong argument), and no stack trace; no run is lost.
 */
class CommandLineContractTest {

    @TempDir
    Path directory;
    private Path data;

    @BeforeEach
    void smallDataSet() throws Exception {
        data = directory.resolve("data");
        IdxFiles.dataSet(data, 64, 16);
    }

    private static void assertRefused(CommandLineTest.Run run, int exitCode, String expected) {
        assertEquals(exitCode, run.exitCode(), run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), run.err());
    }

    private CommandLineTest.Run train(String... options) {
        List<String> args = new ArrayList<>(List.of("train", "--data-dir", data.toString(), "--epochs", "1",
                "--batch-size", "16", "--no-progress"));
        args.addAll(List.of(options));
        return CommandLineTest.run(args.toArray(String[]::new));
    }

    @Test
    void messagesSayTheCauseInWords() throws Exception {
        assertRefused(CommandLineTest.run("evaluate", "--model", directory.resolve("nope.zip").toString(),
                "--data-dir", data.toString()), 1, "nope.zip: no such file or directory");
        assertRefused(CommandLineTest.run("predict", "--model", directory.resolve("nope.zip").toString(), "--data",
                "x.png"), 1, "no such file or directory");
        Path file = Files.writeString(directory.resolve("afile"), "not a folder");
        assertRefused(train("--save", file.resolve("model.zip").toString()), 1, "is a file, not a directory");
        assertRefused(train("--save", ""), 1, "--save: an empty file name");
        assertRefused(train("--save", directory.toString()), 1, "is a directory; name a file in it");
        assertRefused(train("--checkpoint", directory.resolve("x.zip").toString(), "--save",
                directory.resolve("x.zip").toString()), 1, "--save and --checkpoint name the same file");
        assertFalse(Files.exists(directory.resolve("x.zip")), "refused before the first epoch");
    }

    @Test
    void valuesOutOfRangeAreWrongArguments() {
        assertRefused(train("--kernel-threads", "10000"), 2, "--kernel-threads must lie in 0");
        assertRefused(CommandLineTest.run("perceptron", "--epochs", "-1"), 2, "--epochs must be positive, got -1");
        assertRefused(CommandLineTest.run("approximate", "--restarts", "0"), 2, "--restarts must be positive");
        assertRefused(CommandLineTest.run("playground", "--points", "0", "--output", directory.toString()), 2,
                "--points must be positive");
        assertRefused(CommandLineTest.run("report", "activations", "--kernel-repetitions", "-1"), 2,
                "--kernel-repetitions");
    }

    @Test
    void aResumedRunKeepsItsSettingsAndAFinishedOneWritesItsModel() throws Exception {
        Path checkpoint = directory.resolve("checkpoint.zip");
        CommandLineTest.Run run = CommandLineTest.run("train", "--data-dir", data.toString(), "--epochs", "2",
                "--batch-size", "16", "--no-progress", "--checkpoint", checkpoint.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertRefused(CommandLineTest.run("train", "--resume", checkpoint.toString(), "--model", "cnn"), 2,
                "--model cannot change them");
        assertRefused(CommandLineTest.run("train", "--resume", checkpoint.toString(), "--lr", "0.5"), 2,
                "--lr cannot change them");
        assertRefused(CommandLineTest.run("train", "--resume", checkpoint.toString(), "--data-dir",
                data.toString()), 1, "holds a run that finished its 2 epochs; add --save FILE");
        Path model = directory.resolve("model.zip");
        CommandLineTest.Run finished = CommandLineTest.run("train", "--resume", checkpoint.toString(), "--data-dir",
                data.toString(), "--save", model.toString());
        assertEquals(0, finished.exitCode(), finished.err());
        assertEquals(Model.of(ModelFile.load(checkpoint.resolveSibling("checkpoint.zip")).model()).parameterCount(),
                Model.of(ModelFile.load(model).model()).parameterCount());
    }

    @Test
    void aModelOfOtherClassesIsNamedNotCrashed() throws Exception {
        Path five = directory.resolve("five.zip");
        ModelFile.save(Sequential.of(new Dense(4, 5)), Map.of(), five);
        assertRefused(CommandLineTest.run("evaluate", "--model", five.toString(), "--data-dir", data.toString()), 1,
                "the model has 5 outputs");
    }

    @Test
    void twoConcurrentRunsOnTheSameSaveEndWithOneRefusingAndOneSucceeding() throws Exception {
        Path save = directory.resolve("shared.zip");
        Path lock = directory.resolve(".shared.zip.lock");
        Process first = startChild("train", "--data-dir", data.toString(), "--epochs", "3000", "--batch-size", "16",
                "--no-progress", "--save", save.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(lock) && Files.size(lock) > 0) && System.nanoTime() < deadline && first.isAlive()) {
            Thread.sleep(20);
        }
        String second = output(startChild("train", "--data-dir", data.toString(), "--epochs", "1", "--no-progress",
                "--save", save.toString()));
        assertTrue(first.isAlive(), "the first run should still be training");
        assertTrue(second.contains("is being written by another train run (process " + first.pid() + ")"), second);
        String firstOutput = output(first);
        assertEquals(0, first.exitValue(), firstOutput);
        assertTrue(firstOutput.contains("model saved"), firstOutput);
        assertTrue(Files.exists(save));
        assertFalse(Files.exists(lock), "the lock file is removed when the run ends");
    }

    private static Process startChild(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Waits for {@code child} and returns what it printed. */
    private static String output(Process child) throws Exception {
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS));
        return output;
    }
}
