package io.backprop4j.core.data;

import java.io.FileNotFoundException;

/** A data set's files are not where they were looked for; the message says where and how to get them. */
public final class DatasetNotFoundException extends FileNotFoundException {

    public DatasetNotFoundException(MnistDataset dataset, String detail) {
        super(dataset.id() + ": " + detail + ". "
                + (dataset.debianPackage() == null ? "Allow the download (no --offline)"
                        : "Install it with `sudo apt-get install " + dataset.debianPackage() + "` (Debian/Ubuntu, into "
                                + dataset.systemDirectory() + ")")
                + ", or put the four files " + String.join(", ", MnistDataset.FILES)
                + " (.gz or raw) in a directory and pass it with --data-dir.");
    }
}
