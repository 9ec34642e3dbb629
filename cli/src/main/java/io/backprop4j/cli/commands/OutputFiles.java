package io.backprop4j.cli.commands;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a {@code train} run will write ({@code --save}, {@code --checkpoint}), checked before the first epoch
 * (a writable place, not a directory, one file per option) and locked against other runs for as long as it
 * trains: each gets a lock file {@code .NAME.lock} beside it, holding the owner's process id, locked with
 * {@link FileChannel#tryLock()} (released by the operating system if the process dies).
 */
final class OutputFiles implements AutoCloseable {

    private final List<FileChannel> channels = new ArrayList<>();
    private final List<Path> lockFiles = new ArrayList<>();

    private OutputFiles() {
    }

    /** Checks and locks every file of {@code byOption} (option name → path; null paths are skipped). */
    static OutputFiles claim(Map<String, Path> byOption) throws IOException {
        Map<Path, String> seen = new HashMap<>();
        Map<String, Path> files = new LinkedHashMap<>();
        for (Map.Entry<String, Path> entry : byOption.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            Path file = requireWritable(entry.getKey(), entry.getValue());
            String other = seen.putIfAbsent(file, entry.getKey());
            if (other != null) {
                throw new IllegalArgumentException(other + " and " + entry.getKey() + " name the same file, " + file
                        + "; each needs a file of its own");
            }
            files.put(entry.getKey(), file);
        }
        OutputFiles claim = new OutputFiles();
        try {
            for (Map.Entry<String, Path> entry : files.entrySet()) {
                claim.lock(entry.getKey(), entry.getValue());
            }
        } catch (IOException | RuntimeException e) {
            claim.close();
            throw e;
        }
        return claim;
    }

    /** The absolute, normalized file, if a run could write it; otherwise what stands in the way, in words. */
    static Path requireWritable(String option, Path given) {
        if (given.toString().isBlank()) {
            throw new IllegalArgumentException(option + ": an empty file name");
        }
        Path file = given.toAbsolutePath().normalize();
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " " + given + ": is a directory; name a file in it, e.g. "
                    + given.resolve("model.zip"));
        }
        Path parent = file.getParent();
        if (!Files.exists(parent)) {
            throw new IllegalArgumentException(option + " " + given + ": no such directory " + parent);
        }
        if (!Files.isDirectory(parent)) {
            throw new IllegalArgumentException(option + " " + given + ": " + parent + " is a file, not a directory");
        }
        if (!Files.isWritable(parent) || Files.exists(file) && !Files.isWritable(file)) {
            throw new IllegalArgumentException(option + " " + given + ": permission denied");
        }
        return file;
    }

    private void lock(String option, Path file) throws IOException {
        Path lockFile = file.resolveSibling("." + file.getFileName() + ".lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String owner = new String(Files.readAllBytes(lockFile), StandardCharsets.UTF_8).strip();
            channel.close();
            throw new IllegalStateException(option + " " + file + " is being written by another train run (process "
                    + (owner.isEmpty() ? "unknown" : owner) + "); wait for it to finish, or choose another file");
        }
        channels.add(channel);
        lockFiles.add(lockFile);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
        channel.force(false);
    }

    /** Releases the locks and removes the lock files. */
    @Override
    public void close() throws IOException {
        for (int i = 0; i < channels.size(); i++) {
            Files.deleteIfExists(lockFiles.get(i));
            channels.get(i).close();
        }
        channels.clear();
        lockFiles.clear();
    }
}
