package io.backprop4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills real training processes (child JVMs, SIGKILL) at random moments and in the middle of checkpoint
 * writes, restarts them until they finish, and requires the final weights to equal, bit for bit, those of
 * a process that was never interrupted.
 */
class CrashResumeTest {

    private static final int RUNS = 3;

    @TempDir
    Path directory;

    @Test
    void killedRunsResumeFromTheLastCompleteCheckpointToTheSameWeights() throws Exception {
        Path reference = Files.createDirectories(directory.resolve("reference"));
        assertEquals(0, start(reference).waitFor(), "the uninterrupted run finishes");

        Random random = new Random(42);
        int kills = 0;
        int killsDuringWrites = 0;
        for (int run = 0; run < RUNS; run++) {
            Path dir = Files.createDirectories(directory.resolve("run" + run));
            for (int attempt = 0; ; attempt++) {
                assertTrue(attempt < 15, "run " + run + " never finished");
                Process child = start(dir);
                boolean duringWrite = attempt % 2 == 1;
                boolean killed = duringWrite ? killDuringCheckpointWrite(child, dir, 2 + random.nextInt(3))
                        : killAfter(child, 500 + random.nextInt(2500));
                if (!killed) {
                    break;
                }
                kills++;
                killsDuringWrites += duringWrite ? 1 : 0;
            }
            CommandLineTest.assertSameParameters(reference.resolve("model.zip"), dir.resolve("model.zip"));
        }
        assertTrue(kills >= RUNS, "the processes were killed " + kills + " times");
        assertTrue(killsDuringWrites > 0, "at least one process died in the middle of writing a checkpoint");
    }

    private static Process start(Path dir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Xmx1g",
                CrashableTraining.class.getName(), dir.resolve("checkpoint.zip").toString(),
                dir.resolve("model.zip").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
    }

    /** Kills {@code child} after {@code millis} ms; false if it had already finished (successfully). */
    private static boolean killAfter(Process child, long millis) throws Exception {
        if (child.waitFor(millis, TimeUnit.MILLISECONDS)) {
            assertEquals(0, child.exitValue());
            return false;
        }
        child.destroyForcibly().waitFor();
        return true;
    }

    /**
     * Kills {@code child} while it writes its {@code write}-th checkpoint, as soon as that write's temporary
     * file appears (files left by earlier killed processes do not count); false if it finished first.
     */
    private static boolean killDuringCheckpointWrite(Process child, Path dir, int write) throws Exception {
        Set<Path> seen = partialFiles(dir);
        int writes = 0;
        while (child.isAlive()) {
            Set<Path> now = partialFiles(dir);
            now.removeAll(seen);
            if (!now.isEmpty()) {
                seen.addAll(now);
                if (++writes == write) {
                    child.destroyForcibly().waitFor();
                    return true;
                }
            }
            Thread.sleep(1);
        }
        assertEquals(0, child.exitValue());
        return false;
    }

    private static Set<Path> partialFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".partial"))
                    .collect(Collectors.toCollection(HashSet::new));
        }
    }
}
