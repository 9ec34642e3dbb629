package io.backprop4j.core.data;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.FileFormatException;
import java.io.IOException;
import java.io.BufferedReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A CSV file as a {@link DataSet}: one example per line, one label column, every other column a numeric
 * feature (Kaggle's MNIST layout, a {@code label} column then {@code pixel0…pixel783}, loads as it is).
 * Features become float32 rows {@code [n, columns − 1]}; class labels become class indices {@code [n, 1]} with
 * the class names kept (integer labels 0…K−1 are their own indices; other labels are sorted and numbered);
 * a regression target stays a number {@code [n, 1]}. Fields may be quoted and blank lines are skipped; a
 * missing value, a non-number or a row of the wrong length is refused naming the file, line and column.
 */
public final class CsvData {

    /**
     * How to read the file.
     *
     * @param header whether the first line names the columns
     * @param labelColumn the label column's name, or its 0-based index; null for a column named {@code label},
     *     else the last column
     * @param regression whether the label is a number to predict rather than a class
     * @param classNames the classes to map labels to (those of a training set, for its test set); empty to
     *     take them from this file
     */
    public record Options(boolean header, String labelColumn, boolean regression, List<String> classNames) {

        public Options {
            classNames = List.copyOf(classNames);
        }

        /** A header line, the label in a column named {@code label} or else the last, class labels. */
        public static Options defaults() {
            return new Options(true, null, false, List.of());
        }

        public Options withoutHeader() {
            return new Options(false, labelColumn, regression, classNames);
        }

        public Options labelColumn(String nameOrIndex) {
            return new Options(header, nameOrIndex, regression, classNames);
        }

        public Options asRegression() {
            return new Options(header, labelColumn, true, classNames);
        }

        public Options classNames(List<String> names) {
            return new Options(header, labelColumn, regression, names);
        }
    }

    private CsvData() {
    }

    /** {@code file} with {@link Options#defaults()}. */
    public static DataSet load(Path file) throws IOException {
        return load(file, Options.defaults());
    }

    public static DataSet load(Path file, Options options) throws IOException {
        Table table = read(file, options, true);
        if (options.regression()) {
            float[] targets = new float[table.labels().size()];
            for (int i = 0; i < targets.length; i++) {
                targets[i] = Float.parseFloat(table.labels().get(i));
            }
            return new DataSet(table.features(), Nd4j.create(targets, new long[] {targets.length, 1}, 'c'));
        }
        ClassLabels classes = ClassLabels.of(table.labels(), options.classNames(),
                i -> where(file, table.lines().get(i), table.labelIndex(), table.names()));
        return new DataSet(table.features(), classes.column(), classes.names());
    }

    /**
     * Only the features {@code [n, columns]}, as for inputs to predict: the label column is dropped when the
     * file has one (the one named in {@code options}, or one named {@code label}); otherwise every column is a
     * feature (Kaggle's {@code test.csv}).
     */
    public static INDArray loadFeatures(Path file, Options options) throws IOException {
        return read(file, options, false).features();
    }

    /** The parsed file: features, the label column's raw text and each example's line. */
    private record Table(INDArray features, List<String> labels, List<Long> lines, List<String> names,
            int labelIndex) {
    }

    private static Table read(Path file, Options options, boolean labelled) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).build();
        long line = 0;
        try (Reader reader = withoutByteOrderMark(Files.newBufferedReader(file, StandardCharsets.UTF_8));
                CSVParser parser = format.parse(reader)) {
            List<String> names = null;
            int labelIndex = -1;
            int width = -1;
            List<String> labels = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            FloatRows features = null;
            for (CSVRecord record : parser) {
                line = parser.getCurrentLineNumber();
                if (names == null) {
                    names = options.header() ? record.stream().map(String::strip).toList() : numbered(record.size());
                    width = names.size();
                    labelIndex = labelled || options.labelColumn() != null || names.contains("label")
                            ? labelIndex(names, options, file) : -1;
                    features = new FloatRows(labelIndex < 0 ? width : width - 1);
                    if (options.header()) {
                        continue;
                    }
                }
                if (record.size() != width) {
                    throw new FileFormatException(file + ", line " + line + ": " + record.size() + " fields, but "
                            + (options.header() ? "the header names " : "the first row has ") + width);
                }
                float[] row = new float[labelIndex < 0 ? width : width - 1];
                for (int column = 0, k = 0; column < width; column++) {
                    if (column == labelIndex && options.regression()) {
                        labels.add(Float.toString(number(record.get(column), file, line, column, names)));
                    } else if (column == labelIndex) {
                        labels.add(requirePresent(record.get(column), file, line, column, names));
                    } else {
                        row[k++] = number(record.get(column), file, line, column, names);
                    }
                }
                features.add(row);
                lines.add(line);
            }
            if (features == null || features.size() == 0) {
                throw new FileFormatException(file + ": no examples (expected a "
                        + (options.header() ? "header and " : "") + "one line per example)");
            }
            return new Table(features.toArray(), labels, lines, names, labelIndex);
        } catch (UncheckedIOException | MalformedInputException e) {
            if (e instanceof MalformedInputException || e.getCause() instanceof MalformedInputException) {
                throw new FileFormatException(file + ", line " + (line + 1) + ": not UTF-8 text (a byte that is not "
                        + "UTF-8, as Latin-1 or UTF-16 files have); save the file as UTF-8", e);
            }
            throw new FileFormatException(file + ": not readable as CSV: " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new FileFormatException(file + ": not readable as CSV: " + e.getMessage(), e);
        }
    }

    /** {@code reader} past a UTF-8 byte-order mark, as Excel writes at the start of a CSV file. */
    private static Reader withoutByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != BYTE_ORDER_MARK) {
            reader.reset();
        }
        return reader;
    }

    private static final int BYTE_ORDER_MARK = 0xFEFF;
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private static int labelIndex(List<String> names, Options options, Path file) throws FileFormatException {
        if (names.size() < 2) {
            throw new FileFormatException(file + ": " + names.size() + " column; expected a label column and at "
                    + "least one feature column");
        }
        String wanted = options.labelColumn();
        if (wanted == null) {
            int named = names.indexOf("label");
            return named >= 0 ? named : names.size() - 1;
        }
        int byName = names.indexOf(wanted);
        if (byName >= 0) {
            return byName;
        }
        if (wanted.matches("\\d{1,9}") && Integer.parseInt(wanted) < names.size()) {
            return Integer.parseInt(wanted);
        }
        throw new FileFormatException(file + ": no label column '" + wanted + "'; the columns are "
                + (names.size() > 8 ? names.subList(0, 8) + " … (" + names.size() + " in all)" : names)
                + ", or give a 0-based index below " + names.size());
    }

    private static List<String> numbered(int columns) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            names.add(Integer.toString(i));
        }
        return names;
    }

    /** The field without surrounding spaces; refuses an empty one. */
    private static String requirePresent(String field, Path file, long line, int column, List<String> names)
            throws FileFormatException {
        String value = field.strip();
        if (value.isEmpty()) {
            throw new FileFormatException(where(file, line, column, names) + ": missing value");
        }
        return value;
    }

    /**
     * A decimal number as CSV files write them: an optional sign, digits with an optional point, an optional
     * exponent ({@code -1.5e3}); not Java's other forms ({@code 12f}, {@code 0x1p3}, {@code NaN}, {@code Infinity}).
     */
    private static float number(String field, Path file, long line, int column, List<String> names)
            throws FileFormatException {
        String text = requirePresent(field, file, line, column, names);
        if (!NUMBER.matcher(text).matches()) {
            throw new FileFormatException(where(file, line, column, names) + ": '" + shortened(text)
                    + "' is not a number");
        }
        float value = Float.parseFloat(text);
        if (!Float.isFinite(value)) {
            throw new FileFormatException(where(file, line, column, names) + ": '" + shortened(text)
                    + "' is too large for float32");
        }
        return value;
    }

    /** A field as an error message quotes it: at most 40 characters, control characters by their code (U+0000). */
    static String shortened(String field) {
        String shown = field.length() > 40 ? field.substring(0, 40) + "… (" + field.length() + " characters)" : field;
        StringBuilder text = new StringBuilder();
        shown.codePoints().forEach(c -> text.append(Character.isISOControl(c) ? String.format("U+%04X", c)
                : Character.toString(c)));
        return text.toString();
    }

    static String where(Path file, long line, int column, List<String> names) {
        String name = names.get(column);
        return file + ", line " + line + ", column " + (column + 1)
                + (name.equals(Integer.toString(column)) ? "" : " (" + name + ")");
    }

    /** Rows of floats gathered into one flat array. */
    private static final class FloatRows {
        private final int width;
        private float[] values = new float[1024];
        private int rows;

        FloatRows(int width) {
            this.width = width;
        }

        void add(float[] row) {
            if ((long) (rows + 1) * width > values.length) {
                values = Arrays.copyOf(values, Math.toIntExact(Math.max(2L * values.length,
                        (long) (rows + 1) * width)));
            }
            System.arraycopy(row, 0, values, rows * width, width);
            rows++;
        }

        int size() {
            return rows;
        }

        INDArray toArray() {
            return Nd4j.create(Arrays.copyOf(values, rows * width), new long[] {rows, width}, 'c');
        }
    }
}
