package io.backprop4j.spark;

import io.backprop4j.core.Archive;
import io.backprop4j.layers.io.ModelFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;
import scala.Option;

/**
 * Loads what {@link NeuralNetworkModelWriter} saved: the parameters from {@code metadata/}, the network from
 * {@code data/model.zip} (checked as any model file is).
 *
 * @param <M> the model
 */
final class NeuralNetworkModelReader<M extends NeuralNetworkModel<M>> extends MLReader<M> {

    /** Makes the model from its uid, the model file's entries and its number of outputs. */
    interface Factory<M> {
        M create(String uid, Map<String, byte[]> file, int outputs);
    }

    private final Class<M> type;
    private final Factory<M> factory;

    NeuralNetworkModelReader(Class<M> type, Factory<M> factory) {
        this.type = type;
        this.factory = factory;
    }

    @Override
    public M load(String path) {
        DefaultParamsReader.Metadata metadata = DefaultParamsReader.loadMetadata(path, sc(), type.getName());
        Path local = null;
        try {
            local = Files.createTempFile("backprop4j-model", ".zip");
            org.apache.hadoop.fs.Path source = new org.apache.hadoop.fs.Path(path, NeuralNetworkModelWriter.MODEL_FILE);
            FileSystem fs = source.getFileSystem(sc().hadoopConfiguration());
            fs.copyToLocalFile(false, source, new org.apache.hadoop.fs.Path(local.toUri()), true);
            Map<String, byte[]> file = Archive.read(local);
            Object outputs = ModelFile.fromEntries(file, source.toString()).metadata()
                    .get(NeuralNetworkModel.OUTPUTS);
            if (!(outputs instanceof Number count)) {
                throw new IOException(source + " does not say how many outputs the model has");
            }
            M model = factory.create(metadata.uid(), file, count.intValue());
            metadata.getAndSetParams(model, Option.empty());
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load a model from " + path + ": " + e.getMessage(), e);
        } finally {
            NeuralNetworkModelWriter.deleteQuietly(local);
        }
    }
}
