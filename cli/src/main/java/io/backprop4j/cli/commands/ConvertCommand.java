package io.backprop4j.cli.commands;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.data.MnistData;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code convert}: writes Fashion-MNIST or MNIST in the forms a user's own data comes in, to try {@code train
 * --data} on: Kaggle's CSV layout ({@code train.csv} and {@code test.csv}: a {@code label} column, then
 * {@code pixel0…pixel783} as integers 0…255) or PNG folders ({@code train/CLASS/NNNNN.png}, {@code test/…}, a
 * slash in a class name written as a dash).
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Write Fashion-MNIST or MNIST as Kaggle-style CSV files or PNG folders per class.")
public final class ConvertCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--format", required = true, description = "csv or png")
    String format;

    @Option(names = "--output", required = true, description = "folder to write train.csv and test.csv, or train/ "
            + "and test/, into")
    Path output;

    @Option(names = "--limit", defaultValue = "0", description = "write the first N images of each set only (0: all)")
    int limit;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("csv") && !format.equals("png")) {
            throw new ParameterException(spec.commandLine(), "--format must be csv or png, got " + format);
        }
        if (limit < 0) {
            throw new ParameterException(spec.commandLine(), "--limit must be 0 or more, got " + limit);
        }
        MnistData images = data.load();
        Files.createDirectories(output);
        for (String split : List.of("train", "test")) {
            DataSet set = split.equals("train") ? images.train() : images.test();
            DataSet part = limit > 0 && limit < set.size() ? set.range(0, limit) : set;
            if (format.equals("csv")) {
                writeCsv(part, output.resolve(split + ".csv"));
            } else {
                writePngs(part, images.dataset().classNames(), output.resolve(split));
            }
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "%s written to %s%n", format, output);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The pixel values 0…255 that the loader scaled to [0, 1]. */
    private static int[][] pixels(DataSet data) {
        float[][] scaled = data.features().toFloatMatrix();
        int[][] values = new int[scaled.length][];
        for (int i = 0; i < scaled.length; i++) {
            values[i] = new int[scaled[i].length];
            for (int j = 0; j < scaled[i].length; j++) {
                values[i][j] = Math.round(scaled[i][j] * 255);
            }
        }
        return values;
    }

    private static void writeCsv(DataSet data, Path file) throws IOException {
        int[][] pixels = pixels(data);
        int[] labels = data.classIndices();
        try (Writer writer = Files.newBufferedWriter(file);
                CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build())) {
            csv.print("label");
            for (int j = 0; j < pixels[0].length; j++) {
                csv.print("pixel" + j);
            }
            csv.println();
            for (int i = 0; i < pixels.length; i++) {
                csv.print(labels[i]);
                for (int value : pixels[i]) {
                    csv.print(value);
                }
                csv.println();
            }
        }
    }

    private static void writePngs(DataSet data, List<String> classNames, Path root) throws IOException {
        int[][] pixels = pixels(data);
        int[] labels = data.classIndices();
        int side = (int) Math.round(Math.sqrt(pixels[0].length));
        for (int i = 0; i < pixels.length; i++) {
            BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
            image.getRaster().setPixels(0, 0, side, side, pixels[i]);
            Path folder = Files.createDirectories(root.resolve(classNames.get(labels[i]).replaceAll("[/\\\\:]", "-")));
            ImageIO.write(image, "png", folder.resolve(String.format("%05d.png", i)).toFile());
        }
    }
}
