package io.backprop4j.core.data;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.FileFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of images, one subfolder per class, as torchvision's {@code ImageFolder} and Keras's
 * {@code image_dataset_from_directory} read it: {@code root/CLASS/NAME.png}. Classes are the subfolders in
 * sorted order (images in their own subfolders count too), images are PNG or JPEG (read by
 * {@code javax.imageio}), and each becomes one example {@code [channels, height, width]} of the features
 * {@code [n, channels, height, width]} (NCHW) with values scaled to [0, 1]; labels are class indices
 * {@code [n, 1]}. All images must have one size, unless they are resized to a given one. Files whose names
 * start with a dot are ignored; any other file that is not a readable PNG or JPEG (a damaged one, a dangling
 * link, one of more than {@value StrictImages#MAX_PIXELS} pixels) is refused, naming it, or skipped and counted when
 * asked. An empty class folder is refused in a training set, and with given classes (a model's, to evaluate it) a
 * subfolder of another class is refused, naming it, rather than skipped.
 */
public final class ImageFolder {

    private static final Logger LOG = LoggerFactory.getLogger(ImageFolder.class);
    private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg");

    /**
     * How to read the images.
     *
     * @param channels 1 (grey), 3 (RGB), or 0 for those of the first image (1 if it is grey, else 3)
     * @param height the images' height, or 0 for the first image's
     * @param width the images' width, or 0 for the first image's
     * @param resize whether images of another size are scaled to {@code height × width} (bilinear) rather than refused
     * @param skipUnreadable whether files that are no readable PNG or JPEG are skipped (and counted), not refused
     * @param classNames the classes, in index order (a training set's, for its test set); empty to take the subfolders
     */
    public record Options(int channels, int height, int width, boolean resize, boolean skipUnreadable,
            List<String> classNames) {

        public Options {
            if (channels != 0 && channels != 1 && channels != 3) {
                throw new IllegalArgumentException("ImageFolder: channels must be 1 (grey), 3 (RGB) or 0 (as the "
                        + "first image), got " + channels);
            }
            if (height < 0 || width < 0 || resize && (height == 0 || width == 0)) {
                throw new IllegalArgumentException("ImageFolder: a size of " + height + "×" + width
                        + "; resizing needs a positive height and width");
            }
            classNames = List.copyOf(classNames);
        }

        public static Options defaults() {
            return new Options(0, 0, 0, false, false, List.of());
        }

        public Options grayscale() {
            return new Options(1, height, width, resize, skipUnreadable, classNames);
        }

        public Options rgb() {
            return new Options(3, height, width, resize, skipUnreadable, classNames);
        }

        /** Images scaled to {@code height × width}. */
        public Options resizedTo(int newHeight, int newWidth) {
            return new Options(channels, newHeight, newWidth, true, skipUnreadable, classNames);
        }

        public Options skippingUnreadable() {
            return new Options(channels, height, width, resize, true, classNames);
        }

        public Options classNames(List<String> names) {
            return new Options(channels, height, width, resize, skipUnreadable, names);
        }
    }

    private ImageFolder() {
    }

    public static DataSet load(Path root) throws IOException {
        return load(root, Options.defaults());
    }

    public static DataSet load(Path root, Options options) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new FileFormatException(root + ": not a directory (expected one subfolder of images per class)");
        }
        List<String> classes = options.classNames().isEmpty() ? subfolders(root) : options.classNames();
        if (classes.isEmpty()) {
            throw new FileFormatException(root + ": no class subfolders (expected ROOT/CLASS/IMAGE.png)");
        }
        List<String> unknown = subfolders(root).stream().filter(name -> !classes.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new FileFormatException(root + ": the class folders " + unknown + " are not among the classes "
                    + classes + "; their images cannot be scored, so move them out of " + root);
        }
        List<float[]> pixels = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        int[] shape = {options.channels(), options.height(), options.width()};
        for (int k = 0; k < classes.size(); k++) {
            Path folder = root.resolve(classes.get(k));
            if (!Files.isDirectory(folder)) {
                continue;
            }
            List<Path> files = files(folder);
            if (files.isEmpty() && options.classNames().isEmpty()) {
                throw new FileFormatException(folder + ": an empty class folder; a class without images would be "
                        + "a class the model never learns, so add images or remove the folder");
            }
            for (Path file : files) {
                BufferedImage image = read(file, options.skipUnreadable());
                if (image == null) {
                    skipped.add(file);
                    continue;
                }
                shape = completed(shape, image);
                pixels.add(pixels(sized(image, shape, options.resize(), file), shape[0]));
                labels.add(k);
            }
        }
        if (!skipped.isEmpty()) {
            LOG.warn("{}: skipped {} files that are no readable PNG or JPEG, e.g. {}", root, skipped.size(),
                    skipped.get(0));
        }
        if (pixels.isEmpty()) {
            throw new FileFormatException(root + ": no PNG or JPEG images in the class subfolders " + classes);
        }
        int size = shape[0] * shape[1] * shape[2];
        float[] flat = new float[pixels.size() * size];
        float[] classIndices = new float[labels.size()];
        for (int i = 0; i < pixels.size(); i++) {
            System.arraycopy(pixels.get(i), 0, flat, i * size, size);
            classIndices[i] = labels.get(i);
        }
        return new DataSet(Nd4j.create(flat, new long[] {pixels.size(), shape[0], shape[1], shape[2]}, 'c'),
                Nd4j.create(classIndices, new long[] {labels.size(), 1}, 'c'), classes);
    }

    /** One PNG or JPEG file as {@code [1, channels, height, width]}, read as {@link #load} reads each image. */
    public static INDArray image(Path file, Options options) throws IOException {
        BufferedImage image = read(file, false);
        int[] shape = completed(new int[] {options.channels(), options.height(), options.width()}, image);
        return Nd4j.create(pixels(sized(image, shape, options.resize(), file), shape[0]),
                new long[] {1, shape[0], shape[1], shape[2]}, 'c');
    }

    /** [channels, height, width] with each 0 taken from {@code image}: 1 channel if it is grey, else 3; its size. */
    private static int[] completed(int[] shape, BufferedImage image) {
        int channels = shape[0] != 0 ? shape[0] : image.getRaster().getNumBands() < 3 ? 1 : 3;
        return shape[1] != 0 ? new int[] {channels, shape[1], shape[2]}
                : new int[] {channels, image.getHeight(), image.getWidth()};
    }

    private static List<String> subfolders(Path root) throws IOException {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith(".")).sorted().toList();
        }
    }

    /**
     * The files in {@code folder} and its subfolders (as torchvision walks them), by path, symbolic links included
     * (a dangling one is refused when read, not passed over); dot-files left out.
     */
    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> children = Files.walk(folder)) {
            return children.filter(p -> Files.isRegularFile(p) || Files.isSymbolicLink(p) && !Files.isDirectory(p))
                    .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    /** The decoded image ({@link StrictImages}), or null when it is unreadable and {@code skip} is set. */
    private static BufferedImage read(Path file, boolean skip) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (EXTENSIONS.stream().noneMatch(name::endsWith)) {
                throw new FileFormatException(file + ": not a PNG or JPEG file (expected .png, .jpg or .jpeg)");
            }
            return StrictImages.read(file);
        } catch (FileFormatException e) {
            if (skip) {
                return null;
            }
            throw e;
        }
    }

    private static BufferedImage sized(BufferedImage image, int[] shape, boolean resize, Path file)
            throws FileFormatException {
        if (image.getHeight() == shape[1] && image.getWidth() == shape[2]) {
            return image;
        }
        if (!resize) {
            throw new FileFormatException(file + ": " + image.getHeight() + "×" + image.getWidth() + " pixels, but the"
                    + " images are " + shape[1] + "×" + shape[2] + " (height×width); resize them to one size, or"
                    + " ask for resizing");
        }
        BufferedImage scaled = new BufferedImage(shape[2], shape[1], BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = scaled.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(image, 0, 0, shape[2], shape[1], null);
        graphics.dispose();
        return scaled;
    }

    /**
     * The pixels as [channels, height, width] in [0, 1]: grey as the image's own grey level (or
     * 0.299 R + 0.587 G + 0.114 B for a colour image), RGB as its three channels.
     */
    private static float[] pixels(BufferedImage image, int channels) {
        int height = image.getHeight();
        int width = image.getWidth();
        float[] values = new float[channels * height * width];
        boolean grey = image.getRaster().getNumBands() < 3;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int at = y * width + x;
                if (grey && channels == 1) {
                    values[at] = image.getRaster().getSample(x, y, 0) / maxSample(image);
                    continue;
                }
                int rgb = image.getRGB(x, y);
                float r = ((rgb >> 16) & 0xff) / 255f;
                float g = ((rgb >> 8) & 0xff) / 255f;
                float b = (rgb & 0xff) / 255f;
                if (channels == 1) {
                    values[at] = 0.299f * r + 0.587f * g + 0.114f * b;
                } else {
                    values[at] = r;
                    values[height * width + at] = g;
                    values[2 * height * width + at] = b;
                }
            }
        }
        return values;
    }

    private static float maxSample(BufferedImage image) {
        return (1 << image.getSampleModel().getSampleSize(0)) - 1;
    }
}
