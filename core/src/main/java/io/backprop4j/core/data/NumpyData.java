package io.backprop4j.core.data;

import io.backprop4j.core.BoundedRead;
import io.backprop4j.core.DataSet;
import io.backprop4j.core.FileFormatException;
import io.backprop4j.core.Npy;
import java.io.EOFException;
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
        try (InputStream in = Files.newInputStream(file)) {
            return Npy.fromBytes(BoundedRead.declared(in, Files.size(file), file.toString()), file.toString());
        }
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
                String name = entry.getName().substring(0, entry.getName().length() - ".npy".length());
                String source = file + "/" + entry.getName();
                try (InputStream in = zip.getInputStream(entry)) {
                    arrays.put(name, Npy.fromBytes(BoundedRead.declared(in, entry.getSize(), source), source));
                } catch (EOFException | ZipException e) {
                    throw new FileFormatException(source + ": the archive entry is damaged or cut short"
                            + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
                }
            }
        } catch (ZipException | EOFException e) {
            throw new FileFormatException(file + ": not an .npz archive (a zip of .npy files): "
                    + (e.getMessage() == null ? "it ends early" : e.getMessage()), e);
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

    /**
     * Rows of features with their labels: integer labels are class numbers (numbered by {@link ClassLabels}), float
     * labels are targets as they are.
     */
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
        if (labels.length() != labels.size(0)) {
            throw new FileFormatException(source + ": integer labels of shape " + shape(labels)
                    + "; expected class indices [n] or [n, 1]");
        }
        return classes(x, labels.reshape(labels.length()).toLongVector(), source);
    }

    /**
     * {@code data} read for a classifier: float labels that are one-hot rows [n, K] become classes 0…K−1, and float
     * labels [n] or [n, 1] that are whole numbers ≥ 0 become class numbers, as integer labels are; data with class
     * names already is returned as it is. Other float labels are refused, naming the first that is not a class.
     */
    public static DataSet forClasses(DataSet data, String source) throws FileFormatException {
        if (!data.classNames().isEmpty()) {
            return data;
        }
        INDArray labels = data.labels();
        double[] values = labels.castTo(DataType.DOUBLE).reshape(labels.length()).toDoubleVector();
        if (labels.length() != labels.size(0)) {
            int[] hot = oneHot(values, (int) labels.size(0));
            if (hot == null) {
                throw new FileFormatException(source + ": float labels of shape " + shape(labels) + " are not one-hot "
                        + "rows (a single 1, the rest 0); a classifier needs class numbers or one-hot rows");
            }
            List<String> names = new ArrayList<>();
            for (int k = 0; k < values.length / hot.length; k++) {
                names.add(Integer.toString(k));
            }
            return new DataSet(data.features(), new ClassLabels(hot, names).column(), names);
        }
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0 && values[i] == Math.rint(values[i]) && values[i] < Integer.MAX_VALUE)) {
                throw new FileFormatException(source + ": label " + values[i] + " of row " + i + " is not a class "
                        + "number (a whole number 0, 1, 2, …)");
            }
        }
        return classes(data.features(), Arrays.stream(values).mapToLong(v -> (long) v).toArray(), source);
    }

    /** Class numbers as a data set's class column and names. */
    private static DataSet classes(INDArray x, long[] values, String source) throws FileFormatException {
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

    /** The class of each of {@code rows} one-hot rows (exactly one 1, the rest 0), or null if they are not. */
    private static int[] oneHot(double[] values, int rows) {
        int classes = values.length / rows;
        int[] hot = new int[rows];
        for (int i = 0; i < rows; i++) {
            int ones = 0;
            for (int k = 0; k < classes; k++) {
                double v = values[i * classes + k];
                if (v == 1) {
                    hot[i] = k;
                    ones++;
                } else if (v != 0) {
                    return null;
                }
            }
            if (ones != 1) {
                return null;
            }
        }
        return hot;
    }

    private static String shape(INDArray array) {
        return Arrays.toString(array.shape());
    }
}
