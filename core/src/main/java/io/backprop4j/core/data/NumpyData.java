package io.backprop4j.core.data;

import io.backprop4j.core.BoundedRead;
import io.backprop4j.core.DataSet;
import io.backprop4j.core.FileFormatException;
import io.backprop4j.core.Npy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * NumPy arrays as a {@link DataSet}: {@code np.save("x.npy", x)} and {@code np.save("y.npy", y)}, or one
 * {@code np.savez("data.npz", x=x, y=y)} archive (compressed or not). Features of any numeric type become
 * float32 (uint8 pixels keep their values 0…255); integer labels become class indices {@code [n, 1]} (classes
 * named "0"…"K−1"), and float labels stay as they are (one-hot rows or regression targets; a vector becomes
 * {@code [n, 1]}).
 */
public final class NumpyData {

    /** Keys of {@link #loadNpz(Path)}: scikit-learn's and Keras's names. */
    public static final String FEATURES = "x";
    public static final String LABELS = "y";

    private NumpyData() {
    }

    /** One {@code .npy} file as an array of its own type. */
    public static INDArray readNpy(Path file) throws IOException {
        return Npy.fromBytes(Files.readAllBytes(file), file.toString());
    }

    /** Every array of an {@code .npz} archive, by the names given to {@code np.savez}. */
    public static Map<String, INDArray> readNpz(Path file) throws IOException {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().endsWith(".npy")) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    String name = entry.getName().substring(0, entry.getName().length() - ".npy".length());
                    String source = file + "/" + entry.getName();
                    arrays.put(name, Npy.fromBytes(BoundedRead.declared(in, entry.getSize(), source), source));
                }
            }
        } catch (ZipException e) {
            throw new FileFormatException(file + ": not an .npz archive (a zip of .npy files): " + e.getMessage(), e);
        }
        return arrays;
    }

    /** Features and labels from two {@code .npy} files. */
    public static DataSet load(Path features, Path labels) throws IOException {
        return dataSet(readNpy(features), readNpy(labels), features + " and " + labels);
    }

    /** Features and labels saved as {@value #FEATURES} and {@value #LABELS} in an {@code .npz} archive. */
    public static DataSet loadNpz(Path archive) throws IOException {
        return loadNpz(archive, FEATURES, LABELS);
    }

    public static DataSet loadNpz(Path archive, String featuresKey, String labelsKey) throws IOException {
        Map<String, INDArray> arrays = readNpz(archive);
        for (String key : List.of(featuresKey, labelsKey)) {
            if (!arrays.containsKey(key)) {
                throw new FileFormatException(archive + ": no array '" + key + "'; it holds " + arrays.keySet());
            }
        }
        return dataSet(arrays.get(featuresKey), arrays.get(labelsKey), archive.toString());
    }

    private static DataSet dataSet(INDArray features, INDArray labels, String source) throws FileFormatException {
        if (features.rank() == 0 || labels.rank() == 0 || features.size(0) != labels.size(0)) {
            throw new FileFormatException(source + ": features of shape " + shape(features) + " and labels of shape "
                    + shape(labels) + "; expected one label row per feature row");
        }
        INDArray x = features.castTo(DataType.FLOAT);
        if (!labels.dataType().isIntType()) {
            INDArray y = labels.castTo(DataType.FLOAT);
            return new DataSet(x, y.rank() == 1 ? y.reshape(y.length(), 1) : y);
        }
        long[] values = labels.reshape(labels.length()).toLongVector();
        if (values.length != labels.size(0)) {
            throw new FileFormatException(source + ": integer labels of shape " + shape(labels)
                    + "; expected class indices [n] or [n, 1]");
        }
        List<String> text = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0) {
                throw new FileFormatException(source + ": label " + values[i] + " of row " + i
                        + " is negative; class indices start at 0");
            }
            text.add(Long.toString(values[i]));
        }
        ClassLabels classes = ClassLabels.of(text, List.of(), i -> source + ", row " + i);
        return new DataSet(x, classes.column(), classes.names());
    }

    private static String shape(INDArray array) {
        return Arrays.toString(array.shape());
    }
}
