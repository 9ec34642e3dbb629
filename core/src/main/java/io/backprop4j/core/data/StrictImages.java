package io.backprop4j.core.data;

import io.backprop4j.core.FileFormatException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * PNG and JPEG files decoded strictly, as the Python imaging library does: a file the decoder had to patch (a
 * truncated JPEG whose missing rows it would fill with grey, for instance) is refused rather than trained on, and
 * an image's size is read from its header and bounded before any pixel is decoded, so that a small file declaring
 * 30000×30000 pixels costs nothing.
 */
final class StrictImages {

    /** The most pixels one image may have: 2²⁶, e.g. 8192×8192. */
    static final long MAX_PIXELS = 1L << 26;

    private StrictImages() {
    }

    /** The decoded image; a {@link FileFormatException} that names the file and says what is wrong with it. */
    static BufferedImage read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new FileFormatException(file + ": a symbolic link to nothing (it dangles or loops)");
        }
        if (!Files.isReadable(file)) {
            throw new FileFormatException(file + ": permission denied");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new FileFormatException(file + ": not a readable PNG or JPEG image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return decode(reader, file);
            } finally {
                reader.dispose();
            }
        } catch (FileFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new FileFormatException(file + ": not a readable PNG or JPEG image (" + e.getMessage() + ")", e);
        }
    }

    private static BufferedImage decode(ImageReader reader, Path file) throws IOException {
        long width = reader.getWidth(0);
        long height = reader.getHeight(0);
        if (width * height > MAX_PIXELS) {
            throw new FileFormatException(file + ": " + width + "×" + height + " pixels, more than the " + MAX_PIXELS
                    + " an image may have; scale it down first");
        }
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        BufferedImage image = reader.read(0);
        if (!warnings.isEmpty()) {
            throw new FileFormatException(file + ": a damaged image (" + warnings.get(0) + "); the decoder would "
                    + "have filled in what is missing");
        }
        return image;
    }
}
