package io.backprop4j.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file so that readers see either the old complete file or the new complete file, never a
 * half-written one: the bytes go to a temporary file {@code .NAME.UUID.partial} in the same directory
 * (created with the default permissions), are forced to disk, and the temporary file is then renamed over
 * the target in one atomic step. If writing fails, the temporary file is deleted and the target is left
 * untouched; a process killed while writing leaves only the temporary file behind.
 */
public final class AtomicFile {

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        Path temporary = directory.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".partial");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            moveAtomically(temporary, absolute);
        } catch (FileSystemException e) {
            throw temporary.toString().equals(e.getFile()) ? aboutTarget(e, absolute, directory) : e;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** A failure on the temporary file, told of the target the caller named (the temporary name means nothing). */
    private static FileSystemException aboutTarget(FileSystemException e, Path target, Path directory) {
        FileSystemException told = e instanceof AccessDeniedException
                ? new AccessDeniedException(target.toString(), null, "cannot create a file in " + directory)
                : new FileSystemException(target.toString(), null, (e.getReason() == null
                        ? e.getClass().getSimpleName() : e.getReason()) + " (writing a file in " + directory + ")");
        told.initCause(e);
        return told;
    }

    private static void moveAtomically(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("Cannot replace " + target + " atomically on this file system: " + e.getMessage()
                    + "; write the file to a local disk instead.", e);
        }
    }
}
