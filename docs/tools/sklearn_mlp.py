"""scikit-learn's MLPClassifier on a CSV of the command line's layout (a `label` column, then the features), as the
peer of `backprop4j train --data`: features standardized on the training set, one hidden ReLU layer, Adam at a
constant learning rate, the given batch size and epochs, no early stop. Prints one JSON line.

    /usr/bin/python3 docs/tools/sklearn_mlp.py TRAIN.csv TEST.csv HIDDEN BATCH EPOCHS
"""
import json
import sys
import time

import numpy as np
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import StandardScaler


def read(path):
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    return data[:, 1:], data[:, 0].astype(int)


def main():
    train, test, hidden, batch, epochs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    x, y = read(train)
    x_test, y_test = read(test)
    scaler = StandardScaler().fit(x)
    model = MLPClassifier(hidden_layer_sizes=(hidden,), solver="adam", learning_rate_init=0.001, alpha=0.0,
                          batch_size=batch, max_iter=epochs, n_iter_no_change=epochs + 1, tol=0.0, random_state=1)
    start = time.perf_counter()
    model.fit(scaler.transform(x), y)
    seconds = time.perf_counter() - start
    steps = epochs * -(-len(y) // batch)
    print(json.dumps({"lib": "scikit-learn", "train_seconds": round(seconds, 3),
                      "ms_per_step": round(1000 * seconds / steps, 4),
                      "test_accuracy": round(float(model.score(scaler.transform(x_test), y_test)), 4)}))


if __name__ == "__main__":
    import warnings
    warnings.filterwarnings("ignore")
    main()
