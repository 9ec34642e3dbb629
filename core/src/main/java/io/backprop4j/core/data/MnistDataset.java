package io.backprop4j.core.data;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The MNIST-style image classification sets: 28×28 grey images in 10 classes, 60,000 for training and
 * 10,000 for testing, as four IDX files. {@link #load} finds them in a directory the user names, or
 * else in the Debian package's location ({@code /usr/share/datasets/NAME}, e.g. after
 * {@code apt-get install dataset-fashion-mnist}), or else in a cache directory
 * ({@code ~/.cache/backprop4j/NAME}), downloading them there, verified by SHA-256, when allowed.
 */
public enum MnistDataset {

    FASHION_MNIST("fashion-mnist", "dataset-fashion-mnist", "https://fashion-mnist.s3.eu-central-1.amazonaws.com/",
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                    "Ankle boot"),
            Map.of("train-images-idx3-ubyte.gz", "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
                    "train-labels-idx1-ubyte.gz", "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
                    "t10k-images-idx3-ubyte.gz", "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
                    "t10k-labels-idx1-ubyte.gz", "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5")),
    MNIST("mnist", null, "https://storage.googleapis.com/cvdf-datasets/mnist/",
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
            Map.of("train-images-idx3-ubyte.gz", "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
                    "train-labels-idx1-ubyte.gz", "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
                    "t10k-images-idx3-ubyte.gz", "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
                    "t10k-labels-idx1-ubyte.gz", "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"));

    /** The four files, as named by the data sets' publishers, without the {@code .gz}. */
    public static final List<String> FILES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    private final String id;
    private final String debianPackage;
    private final URI mirror;
    private final List<String> classNames;
    private final Map<String, String> sha256;

    MnistDataset(String id, String debianPackage, String mirror, List<String> classNames, Map<String, String> sha256) {
        this.id = id;
        this.debianPackage = debianPackage;
        this.mirror = URI.create(mirror);
        this.classNames = classNames;
        this.sha256 = sha256;
    }

    /** The name used on the command line and in directory names, e.g. {@code fashion-mnist}. */
    public String id() {
        return id;
    }

    public List<String> classNames() {
        return classNames;
    }

    /** The Debian package that installs the files into {@link #systemDirectory()}, or null if there is none. */
    public String debianPackage() {
        return debianPackage;
    }

    /** Where the Debian package puts the files. */
    public Path systemDirectory() {
        return Path.of("/usr/share/datasets", id);
    }

    /** Where downloads go: {@code $BACKPROP4J_CACHE/NAME}, else {@code ~/.cache/backprop4j/NAME}. */
    public Path cacheDirectory() {
        String cache = System.getenv("BACKPROP4J_CACHE");
        Path root = cache != null ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache", "backprop4j");
        return root.resolve(id);
    }

    public static MnistDataset fromId(String id) {
        for (MnistDataset dataset : values()) {
            if (dataset.id.equals(id)) {
                return dataset;
            }
        }
        throw new IllegalArgumentException("Unknown data set '" + id + "'; expected fashion-mnist or mnist");
    }

    /**
     * Loads the training and test sets from the system directory (Debian's package), else the cache, else
     * downloads them into the cache (each file verified by SHA-256).
     */
    public MnistData load() throws IOException {
        return MnistData.read(this, locate(null, false));
    }

    /** Loads the training and test sets from the system directory, else the cache; never downloads. */
    public MnistData loadOffline() throws IOException {
        return MnistData.read(this, locate(null, true));
    }

    /** Loads the training and test sets from the four files (raw or {@code .gz}) in {@code directory} only. */
    public MnistData load(Path directory) throws IOException {
        return MnistData.read(this, locate(directory, true));
    }

    /** The directory holding all four files (raw or {@code .gz}), downloading them if allowed and needed. */
    public Path locate(Path directory, boolean offline) throws IOException {
        if (directory != null) {
            requireComplete(directory);
            return directory;
        }
        for (Path candidate : List.of(systemDirectory(), cacheDirectory())) {
            if (missing(candidate).isEmpty()) {
                return candidate;
            }
        }
        if (offline) {
            throw new DatasetNotFoundException(this, "not in " + systemDirectory() + " nor in " + cacheDirectory()
                    + ", and downloading is off (--offline)");
        }
        download(mirror, cacheDirectory());
        return cacheDirectory();
    }

    /** Downloads the missing gzipped files from {@code source} into {@code directory}, each verified. */
    public void download(URI source, Path directory) throws IOException {
        Files.createDirectories(directory);
        for (String file : missing(directory)) {
            String name = file + ".gz";
            try {
                Download.verified(source.resolve(name), sha256.get(name), directory.resolve(name));
            } catch (IOException e) {
                throw new DatasetNotFoundException(this, "not in " + systemDirectory() + " nor in " + directory
                        + ", and the download failed: " + e.getMessage());
            }
        }
    }

    private void requireComplete(Path directory) throws DatasetNotFoundException {
        List<String> missing = missing(directory);
        if (!missing.isEmpty()) {
            throw new DatasetNotFoundException(this, directory + " lacks " + String.join(", ", missing)
                    + " (raw or .gz)");
        }
    }

    private static List<String> missing(Path directory) {
        List<String> missing = new ArrayList<>();
        for (String file : FILES) {
            if (find(directory, file) == null) {
                missing.add(file);
            }
        }
        return missing;
    }

    /** {@code directory/name.gz} or {@code directory/name}, whichever exists, else null. */
    static Path find(Path directory, String name) {
        for (Path candidate : List.of(directory.resolve(name + ".gz"), directory.resolve(name))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
