package io.backprop4j.spark;

import io.backprop4j.core.Archive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.MLWriter;
import scala.Option;

/**
 * Saves a {@link NeuralNetworkModel} as Spark ML saves its own models: the parameters in {@code metadata/} and
 * the library's model file as {@code data/model.zip}, on any file system Hadoop reaches (local, HDFS, S3).
 */
final class NeuralNetworkModelWriter extends MLWriter {

    /** The model file inside a saved model's directory. */
    static final String MODEL_FILE = "data/model.zip";

    private final NeuralNetworkModel<?> model;

    NeuralNetworkModelWriter(NeuralNetworkModel<?> model) {
        this.model = model;
    }

    @Override
    public void saveImpl(String path) {
        DefaultParamsWriter.saveMetadata(model, path, sc(), Option.empty(), Option.empty());
        Path local = null;
        try {
            local = Files.createTempFile("backprop4j-model", ".zip");
            Archive.write(local, model.file());
            org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(path, MODEL_FILE);
            FileSystem fs = target.getFileSystem(sc().hadoopConfiguration());
            fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(local.toUri()), target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the model to " + path + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(local);
        }
    }

    static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
