package io.backprop4j.core.data;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.FileFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training and test sets of an {@link MnistDataset}: features {@code [n, 784]} float32, pixels scaled to
 * [0, 1] ({@code x = byte / 255}), labels one-hot {@code [n, 10]} float32 (or class indices, see
 * {@link #withClassIndices()}).
 */
public record MnistData(MnistDataset dataset, DataSet train, DataSet test) {

    /** Reads the four IDX files in {@code directory} and checks that they agree with each other. */
    public static MnistData read(MnistDataset dataset, Path directory) throws IOException {
        int classes = dataset.classNames().size();
        DataSet train = read(directory, "train", classes);
        DataSet test = read(directory, "t10k", classes);
        if (train.features().size(1) != test.features().size(1)) {
            throw new FileFormatException(directory + ": training images have " + train.features().size(1)
                    + " pixels but test images " + test.features().size(1));
        }
        return new MnistData(dataset, train, test);
    }

    private static DataSet read(Path directory, String split, int classes) throws IOException {
        Path imageFile = MnistDataset.find(directory, split + "-images-idx3-ubyte");
        Path labelFile = MnistDataset.find(directory, split + "-labels-idx1-ubyte");
        Idx images = Idx.read(imageFile);
        Idx labels = Idx.read(labelFile);
        if (images.sizes().length != 3) {
            throw new FileFormatException(imageFile + ": expected images [count, rows, columns], found sizes "
                    + Arrays.toString(images.sizes()));
        }
        if (labels.sizes().length != 1 || labels.count() != images.count()) {
            throw new FileFormatException(labelFile + ": expected " + images.count() + " labels (one per image in "
                    + imageFile.getFileName() + "), found sizes " + Arrays.toString(labels.sizes()));
        }
        return new DataSet(pixels(images), oneHot(labels, classes, labelFile));
    }

    /** Images {@code [n, rows·columns]} as float32 in [0, 1]: {@code x = byte / 255}. */
    public static INDArray pixels(Idx images) {
        byte[] bytes = images.values();
        float[] values = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            values[i] = (bytes[i] & 0xff) / 255f;
        }
        return Nd4j.create(values, new long[] {images.count(), images.itemSize()}, 'c');
    }

    /** Class indices as one-hot rows {@code [n, classes]}. */
    static INDArray oneHot(Idx labels, int classes, Path source) throws FileFormatException {
        float[] values = new float[labels.count() * classes];
        byte[] bytes = labels.values();
        for (int i = 0; i < bytes.length; i++) {
            int label = bytes[i] & 0xff;
            if (label >= classes) {
                throw new FileFormatException(source + ": label " + i + " is " + label + ", outside [0, " + classes + ")");
            }
            values[i * classes + label] = 1;
        }
        return Nd4j.create(values, new long[] {labels.count(), classes}, 'c');
    }

    /**
     * Both sets standardized with the training set's pixel statistics, {@code x ← (x − μ)/σ}, as
     * torchvision's {@code Normalize} does (μ, σ over all training pixels).
     */
    public MnistData standardized() {
        INDArray pixels = train.features();
        double mean = pixels.meanNumber().doubleValue();
        double std = pixels.stdNumber().doubleValue();
        return new MnistData(dataset, standardize(train, mean, std), standardize(test, mean, std));
    }

    private static DataSet standardize(DataSet data, double mean, double std) {
        return new DataSet(data.features().sub(mean).divi(std), data.labels());
    }

    /**
     * Both sets with labels as class indices {@code [n, 1]} instead of one-hot rows, for losses on integer
     * labels such as {@code NegativeLogLikelihood}.
     */
    public MnistData withClassIndices() {
        return new MnistData(dataset, indices(train), indices(test));
    }

    private static DataSet indices(DataSet data) {
        return new DataSet(data.features(), Nd4j.argMax(data.labels(), 1).castTo(DataType.FLOAT).reshape(data.size(), 1));
    }

    /** The first {@code n} training examples (views), for quick runs. */
    public MnistData withTrainingLimit(int n) {
        return n >= train.size() ? this : new MnistData(dataset, train.range(0, n), test);
    }
}
