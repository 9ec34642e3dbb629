package io.backprop4j.cli.commands;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.FileFormatException;
import io.backprop4j.core.data.CsvData;
import io.backprop4j.core.data.Idx;
import io.backprop4j.core.data.ImageFolder;
import io.backprop4j.core.data.MnistData;
import io.backprop4j.core.data.NumpyData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A user's data on the command line, by the path's kind: a {@code .csv} file, an {@code .npz} archive (arrays
 * {@code x} and {@code y}), or a folder of class subfolders of PNG or JPEG images; for {@code predict} also
 * single images, {@code .npy} feature arrays and IDX image files. Features become rows {@code [n, features]},
 * as the command line's networks take them.
 */
final class OwnData {

    private OwnData() {
    }

    /** Labelled examples; {@code classNames} (a trained model's) maps the labels, or is empty to take the file's. */
    static DataSet labelled(Path path, String labelColumn, List<String> classNames) throws IOException {
        requireExists(path);
        String name = lowerName(path);
        DataSet data;
        if (Files.isDirectory(path)) {
            data = ImageFolder.load(path, ImageFolder.Options.defaults().classNames(classNames));
        } else if (name.endsWith(".csv")) {
            CsvData.Options options = CsvData.Options.defaults().labelColumn(labelColumn).classNames(classNames);
            data = CsvData.load(path, options);
        } else if (name.endsWith(".npz")) {
            data = NumpyData.forClasses(NumpyData.loadNpz(path), path.toString());
        } else {
            throw new FileFormatException(path + ": expected a .csv file, an .npz archive (x, y) or a folder with one"
                    + " subfolder of PNG or JPEG images per class");
        }
        return new DataSet(rows(data.features()), data.labels(), data.classNames());
    }

    /** The inputs of every path, as rows, in order: what {@code predict} classifies. */
    static INDArray inputs(List<Path> paths, String labelColumn) throws IOException {
        List<INDArray> parts = new ArrayList<>();
        for (Path path : paths) {
            requireExists(path);
            String name = lowerName(path);
            if (Files.isDirectory(path)) {
                parts.add(ImageFolder.load(path).features());
            } else if (name.endsWith(".csv")) {
                parts.add(CsvData.loadFeatures(path, CsvData.Options.defaults().labelColumn(labelColumn)));
            } else if (name.endsWith(".npy")) {
                parts.add(NumpyData.readNpy(path).castTo(DataType.FLOAT));
            } else if (name.endsWith(".npz")) {
                parts.add(npzFeatures(path));
            } else if (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg")) {
                parts.add(ImageFolder.image(path, ImageFolder.Options.defaults()));
            } else {
                parts.add(MnistData.pixels(Idx.read(path)));
            }
        }
        List<INDArray> rows = new ArrayList<>();
        for (INDArray part : parts) {
            rows.add(rows(part));
        }
        return rows.size() == 1 ? rows.get(0) : Nd4j.vstack(rows.toArray(INDArray[]::new));
    }

    /** The array {@code x} of an {@code .npz} archive, with or without labels beside it. */
    private static INDArray npzFeatures(Path path) throws IOException {
        Map<String, INDArray> arrays = NumpyData.readNpz(path);
        INDArray x = arrays.get(NumpyData.FEATURES);
        if (x == null) {
            throw new FileFormatException(path + ": no array '" + NumpyData.FEATURES + "' to predict; it holds "
                    + arrays.keySet());
        }
        return x.castTo(DataType.FLOAT);
    }

    private static INDArray rows(INDArray features) {
        return features.rank() == 2 ? features : features.reshape('c', features.size(0), -1);
    }

    private static void requireExists(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such file or directory");
        }
        if (!Files.isRegularFile(path) && !Files.isDirectory(path)) {
            throw new FileFormatException(path + ": not a regular file or a folder (a device, pipe or socket)");
        }
    }

    private static String lowerName(Path path) {
        Path file = path.getFileName();
        return file == null ? "" : file.toString().toLowerCase(Locale.ROOT);
    }
}
