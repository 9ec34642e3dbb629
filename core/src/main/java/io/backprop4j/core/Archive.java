package io.backprop4j.core;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A zip file as an ordered map from entry name to bytes: model files and checkpoints are such archives.
 * Written atomically ({@link AtomicFile}); read whole, with a clear error for anything that is not a
 * complete zip archive.
 */
public final class Archive {

    private Archive() {
    }

    public static void write(Path file, Map<String, byte[]> entries) throws IOException {
        AtomicFile.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(out));
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
            zip.finish();
            zip.flush();
        });
    }

    /**
     * Every entry of the zip archive {@code file}, in archive order. The central directory at the end of
     * the file is read first, so a truncated archive is refused rather than read in part.
     */
    public static Map<String, byte[]> read(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] data = BoundedRead.declared(in, entry.getSize(), file + "!" + entry.getName());
                    if (entries.put(entry.getName(), data) != null) {
                        throw new FileFormatException(file + ": the archive holds " + entry.getName() + " twice");
                    }
                }
            }
        } catch (FileFormatException | NoSuchFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new FileFormatException(file + ": not a zip archive, or a damaged or truncated one ("
                    + e.getMessage() + ")", e);
        }
        return entries;
    }
}
