package io.backprop4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.Archive;
import io.backprop4j.core.data.IdxFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line's contract: exit codes, messages, and what its files contain. No data set needed. */
class CommandLineTest {

    @TempDir
    Path directory;

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Picocli formats every help line with {@code String.format}: a bare % in one makes it warn on every --help. */
    @Test
    void everyCommandsHelpPrintsWithoutAWarning() {
        List<CommandLine> commands = new ArrayList<>(List.of(Main.commandLine()));
        PrintStream standardError = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            for (int i = 0; i < commands.size(); i++) {
                commands.addAll(commands.get(i).getSubcommands().values());
                commands.get(i).usage(new PrintStream(OutputStream.nullOutputStream()));
            }
        } finally {
            System.setErr(standardError);
        }
        assertTrue(commands.size() > 5, "commands: " + commands.size());
        assertEquals("", warnings.toString(StandardCharsets.UTF_8));
    }

    @Test
    void wrongArgumentsGiveAOneLineCauseAPointerToHelpAndExitCode2() {
        for (String[] args : new String[][] {{"train", "--activation", "swish9"}, {"train", "--epochs", "0"},
            {"train", "--hidden", "256,-1"}, {"train", "--lr", "-0.1"}, {"train", "--batch-size", "x"},
            {"train", "--model", "transformer"}, {"train", "--kernel-threads", "-1"}, {"train", "--dataset", "cifar"}, {"evaluate"}, {"predict", "--model", "m.zip"}}) {
            Run run = run(args);
            assertEquals(2, run.exitCode(), String.join(" ", args));
            List<String> lines = run.err().lines().toList();
            assertEquals(2, lines.size(), run.err());
            assertTrue(lines.get(0).startsWith("backprop4j " + args[0] + ": "), run.err());
            assertEquals("Try 'backprop4j " + args[0] + " --help' for its options.", lines.get(1));
        }
        Run optimizer = run("train", "--optimizer", "lion");
        assertTrue(optimizer.err().contains("--optimizer': unknown optimizer 'lion'; expected one of [sgd, momentum,"),
                optimizer.err());
        assertFalse(optimizer.err().contains("OptimizerName") || optimizer.err().contains("java."), optimizer.err());
    }

    @Test
    void namesAreCaseInsensitiveAndEveryCommandKnowsTheVersion() {
        Run version = run("train", "-V");
        assertEquals(0, version.exitCode(), version.err());
        assertEquals("backprop4j 0.1.0", version.out().strip());
        Run adam = run("train", "--optimizer", "Adam", "--schedule", "COSINE", "--data-dir", directory.toString(),
                "--epochs", "1");
        assertEquals(1, adam.exitCode(), "past the arguments, to the missing data set: " + adam.err());
    }

    @Test
    void contradictoryOrDestructiveOptionsAreRefusedBeforeAnythingRuns() throws IOException {
        Path csv = Files.writeString(directory.resolve("x.csv"), "label,a\n0,1\n1,2\n");
        Run both = run("train", "--dataset", "mnist", "--data", csv.toString(), "--epochs", "1");
        assertEquals(2, both.exitCode(), both.err());
        assertTrue(both.err().contains("--dataset and --data name two different training sets"), both.err());
        Path model = directory.resolve("m.zip");
        assertEquals(0, run("train", "--data", csv.toString(), "--epochs", "1", "--no-progress", "--save",
                model.toString()).exitCode());
        byte[] saved = Files.readAllBytes(model);
        Run export = run("export", "--model", model.toString(), "--format", "onnx", "--output", model.toString());
        assertEquals(2, export.exitCode(), export.err());
        assertTrue(export.err().contains("is the --model file itself"), export.err());
        assertArrayEquals(saved, Files.readAllBytes(model), "the model is untouched");
    }

    @Test
    void aMissingDataSetSaysHowToGetItAndExitsWith1() throws IOException {
        Path empty = Files.createDirectories(directory.resolve("nothing"));
        Run run = run("train", "--data-dir", empty.toString(), "--epochs", "1");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("fashion-mnist: " + empty + " lacks train-images-idx3-ubyte")
                && run.err().contains("apt-get install dataset-fashion-mnist"), run.err());
    }

    @Test
    void aDamagedModelFileIsRefusedWithItsName() throws IOException {
        Path bad = Files.write(directory.resolve("model.zip"), new byte[] {1, 2, 3});
        Run run = run("evaluate", "--model", bad.toString(), "--data-dir", directory.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains(bad + ": not a zip archive"), run.err());
    }

    @Test
    void aDivergedRunSaysWhereAndExitsWith1() throws IOException {
        Path data = Files.createDirectories(directory.resolve("tiny"));
        IdxFiles.dataSet(data, 64, 16);
        Run run = run("train", "--data-dir", data.toString(), "--lr", "1e30", "--batch-size", "16", "--epochs", "3", "--no-progress");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("Training diverged") && run.err().contains("at epoch 1, batch"), run.err());
    }

    /** The parameters of a saved model, by entry name. */
    static Map<String, byte[]> parameters(Path model) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>(Archive.read(model));
        entries.keySet().removeIf(name -> !name.startsWith("parameters/"));
        return entries;
    }

    static void assertSameParameters(Path expected, Path actual) throws IOException {
        Map<String, byte[]> a = parameters(expected);
        Map<String, byte[]> b = parameters(actual);
        assertEquals(a.keySet(), b.keySet());
        a.forEach((name, bytes) -> assertArrayEquals(bytes, b.get(name), name));
    }

    @Test
    void convertWritesKaggleCsvAndPngFoldersThatTrainReadsBack() throws IOException {
        Path data = directory.resolve("idx");
        IdxFiles.dataSet(data, 64, 16);
        Path csv = directory.resolve("csv");
        Run convert = run("convert", "--data-dir", data.toString(), "--format", "csv", "--output", csv.toString());
        assertEquals(0, convert.exitCode(), convert.err());
        List<String> lines = Files.readAllLines(csv.resolve("train.csv"));
        assertEquals(65, lines.size());
        assertTrue(lines.get(0).startsWith("label,pixel0,pixel1,"), lines.get(0));
        Path png = directory.resolve("png");
        assertEquals(0, run("convert", "--data-dir", data.toString(), "--format", "png", "--limit", "10", "--output",
                png.toString()).exitCode());
        try (var files = Files.walk(png.resolve("test"))) {
            assertEquals(10, files.filter(p -> p.toString().endsWith(".png")).count());
        }
        Run train = run("train", "--data", csv.resolve("train.csv").toString(), "--test",
                csv.resolve("test.csv").toString(), "--epochs", "1", "--batch-size", "16", "--no-progress", "--json");
        assertEquals(0, train.exitCode(), train.err());
        Run wrong = run("convert", "--data-dir", data.toString(), "--format", "tiff", "--output", png.toString());
        assertEquals(2, wrong.exitCode());
        assertTrue(wrong.err().contains("--format must be csv or png, got tiff"), wrong.err());
    }
}
