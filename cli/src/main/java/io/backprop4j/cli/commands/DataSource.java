package io.backprop4j.cli.commands;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.data.MnistData;
import io.backprop4j.core.data.MnistDataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where {@code train}'s examples come from: a named data set ({@code fashion-mnist}, {@code mnist}) with its
 * test set, or the user's own file or folder ({@link OwnData}), tested on {@code --test} or on a stratified
 * {@code --validation-split}, else on the training data itself. Class labels become one-hot rows once, so that
 * the loss need not convert them at every step.
 *
 * @param dataset the named data set, when {@code data} is null
 * @param data the user's training data, or null
 * @param labelColumn the CSV label column, or null for the default
 * @param test the user's test data, or null
 * @param validationSplit the fraction of {@code data} held out for testing when there is no {@code test}; 0 for none
 */
record DataSource(MnistDataset dataset, Path data, String labelColumn, Path test, double validationSplit) {

    /** The examples a run trains on and is tested on, with the class names and what the test set is. */
    record Examples(DataSet train, DataSet test, List<String> classNames, String testName) {
    }

    Examples load(DataOptions location, int limit, long seed) throws IOException {
        if (data == null) {
            MnistData images = location.load(dataset).withTrainingLimit(limit > 0 ? limit : Integer.MAX_VALUE);
            return new Examples(images.train(), images.test(), dataset.classNames(), "test");
        }
        DataSet read = OwnData.labelled(data, labelColumn, List.of());
        int classes = read.classNames().size();
        DataSet all = (limit > 0 && limit < read.size() ? read.range(0, limit) : read).oneHot(classes);
        if (test != null) {
            DataSet tested = OwnData.labelled(test, labelColumn, all.classNames()).oneHot(classes);
            return new Examples(all, tested, all.classNames(), "test");
        }
        if (validationSplit > 0) {
            List<DataSet> parts = all.split(validationSplit, seed);
            return new Examples(parts.get(0), parts.get(1), all.classNames(), "validation");
        }
        return new Examples(all, all, all.classNames(), "training");
    }

    /** The named data set's id, or the user's path. */
    String name() {
        return data == null ? dataset.id() : data.toString();
    }

    /** What a model file or checkpoint records of the source. */
    void describe(Map<String, Object> map) {
        if (data == null) {
            map.put("dataset", dataset.id());
            return;
        }
        map.put("data", data.toString());
        if (labelColumn != null) {
            map.put("labelColumn", labelColumn);
        }
        if (test != null) {
            map.put("test", test.toString());
        }
        map.put("validationSplit", validationSplit);
    }

    static DataSource fromMap(Map<String, Object> map) {
        if (!map.containsKey("data")) {
            return new DataSource(MnistDataset.fromId((String) map.get("dataset")), null, null, null, 0);
        }
        Object test = map.get("test");
        return new DataSource(null, Path.of((String) map.get("data")), (String) map.get("labelColumn"),
                test == null ? null : Path.of((String) test), ((Number) map.get("validationSplit")).doubleValue());
    }
}
