package io.backprop4j.cli.commands;

import io.backprop4j.core.data.MnistData;
import io.backprop4j.core.data.MnistDataset;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the images come from: {@code --dataset}, {@code --data-dir}, {@code --offline}. */
public final class DataOptions {

    @Option(names = "--dataset", defaultValue = "fashion-mnist",
            description = "fashion-mnist or mnist (default: ${DEFAULT-VALUE})")
    MnistDataset dataset;

    @Option(names = "--data-dir", description = "directory with the four IDX files (.gz or raw); default: "
            + "/usr/share/datasets/NAME, then ~/.cache/backprop4j/NAME, downloading there if needed")
    Path directory;

    @Option(names = "--offline", description = "never download; fail if the files are not on disk")
    boolean offline;

    public MnistData load() throws IOException {
        return load(dataset);
    }

    /** {@code which} (a resumed run's data set) from where these options say. */
    public MnistData load(MnistDataset which) throws IOException {
        if (directory != null) {
            return which.load(directory);
        }
        return offline ? which.loadOffline() : which.load();
    }
}
