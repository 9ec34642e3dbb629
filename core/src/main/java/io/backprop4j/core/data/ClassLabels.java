package io.backprop4j.core.data;

import io.backprop4j.core.FileFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.IntFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Class labels as written in a file, numbered: with known class names (a training set's, for its test set)
 * each label is its name's index; otherwise integer labels 0…K−1 are their own indices (named "0"…"K−1") when K is
 * at most {@value #INDEX_CLASSES} (ImageNet's count) or twice the number of distinct labels (a small set may lack
 * some classes); other integer labels are numbered in numeric order, and any other labels in sorted order. The classes are bounded by
 * the distinct labels seen, never by the largest value: one label 999999999 makes one class, not a billion.
 *
 * @param indices the class index of each example
 * @param names index k names class k
 */
record ClassLabels(int[] indices, List<String> names) {

    /** Integer labels up to this many classes are always their own indices. */
    static final int INDEX_CLASSES = 1000;

    /** Numbers {@code labels}; {@code where.apply(i)} names example i's place in the file for errors. */
    static ClassLabels of(List<String> labels, List<String> known, IntFunction<String> where)
            throws FileFormatException {
        List<String> names = !known.isEmpty() ? known : integers(labels) ? integerClasses(labels) : sorted(labels);
        int[] indices = new int[labels.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = names.indexOf(labels.get(i));
            if (indices[i] < 0) {
                throw new FileFormatException(where.apply(i) + ": the label '" + CsvData.shortened(labels.get(i))
                        + "' is not one of the classes " + abbreviated(names));
            }
        }
        return new ClassLabels(indices, names);
    }

    /** The class indices as the float column {@code [n, 1]} that losses and {@code DataSet.classIndices} take. */
    INDArray column() {
        float[] values = new float[indices.length];
        for (int i = 0; i < indices.length; i++) {
            values[i] = indices[i];
        }
        return Nd4j.create(values, new long[] {indices.length, 1}, 'c');
    }

    /** Whether every label is a plain integer 0, 1, 2, … (no sign, no leading zero, as "007" names a class). */
    private static boolean integers(List<String> labels) {
        return labels.stream().allMatch(label -> label.matches("0|[1-9]\\d{0,8}"));
    }

    /**
     * "0" … the largest integer label, so that label k is class k, when that makes at most {@value #INDEX_CLASSES}
     * classes or twice the distinct labels; else the distinct labels in numeric order.
     */
    private static List<String> integerClasses(List<String> labels) {
        TreeSet<Integer> distinct = new TreeSet<>();
        labels.forEach(label -> distinct.add(Integer.parseInt(label)));
        if (distinct.last() >= Math.max(INDEX_CLASSES, 2L * distinct.size())) {
            return distinct.stream().map(String::valueOf).toList();
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k <= distinct.last(); k++) {
            names.add(Integer.toString(k));
        }
        return names;
    }

    private static List<String> sorted(List<String> labels) {
        return List.copyOf(new TreeSet<>(labels));
    }

    private static String abbreviated(List<String> names) {
        return names.size() > 12 ? names.subList(0, 12) + " … (" + names.size() + " in all)" : names.toString();
    }
}
