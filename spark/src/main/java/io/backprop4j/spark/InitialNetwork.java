package io.backprop4j.spark;

import io.backprop4j.core.Rng;
import io.backprop4j.layers.Layer;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.activations.ReLU;
import io.backprop4j.layers.io.ModelFile;
import io.backprop4j.layers.models.Models;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** The network a fit starts from, built on the driver once the data's width and outputs are known. */
final class InitialNetwork {

    private InitialNetwork() {
    }

    /**
     * The network in {@code modelFile} if it is not null; else {@code factory}'s if it is not null; else an MLP
     * {@code inputs → hidden… → outputs} with ReLU (He-normal weights, drawn from {@code seed}). A network with
     * BatchNorm is refused: its running statistics ({@code runningMean}, {@code runningVariance}) change in
     * training on the executors and would not reach the driver's model. Constant buffers (a Normalization's
     * mean and scale) travel in the broadcast model file.
     */
    static Sequential of(String modelFile, NetworkFactory factory, int[] hidden, long seed, int inputs, int outputs) {
        Sequential network = build(modelFile, factory, hidden, seed, inputs, outputs);
        List<String> running = network.buffers().keySet().stream().filter(name -> name.contains("running")).toList();
        if (!running.isEmpty()) {
            throw new IllegalArgumentException("the network keeps running statistics " + running + " (BatchNorm), "
                    + "which a Spark fit does not train; use a network without BatchNorm here, or train it on one "
                    + "machine");
        }
        return network;
    }

    private static Sequential build(String modelFile, NetworkFactory factory, int[] hidden, long seed, int inputs,
            int outputs) {
        if (modelFile != null) {
            try {
                return ModelFile.load(Path.of(modelFile)).model();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the model file " + modelFile + ": " + e.getMessage(), e);
            }
        }
        Rng.seed(seed);
        Layer built = factory != null ? factory.build(inputs, outputs) : Models.mlp(inputs, hidden, ReLU::new, outputs);
        return built instanceof Sequential chain ? chain : Sequential.of(built);
    }
}
