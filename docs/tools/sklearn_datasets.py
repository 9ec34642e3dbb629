"""Writes scikit-learn's digits and breast-cancer sets as the command line's CSV layout (a `label` column, then
the features), split 80/20 stratified with seed 0: DIR/digits-train.csv, DIR/digits-test.csv and the same for
breast-cancer.

    /usr/bin/python3 docs/tools/sklearn_datasets.py DIR
"""
import sys

from sklearn.datasets import load_breast_cancer, load_digits
from sklearn.model_selection import train_test_split


def main():
    directory = sys.argv[1]
    for name, loader in [("digits", load_digits), ("breast-cancer", load_breast_cancer)]:
        data = loader()
        x_train, x_test, y_train, y_test = train_test_split(data.data, data.target, test_size=0.2, random_state=0,
                                                            stratify=data.target)
        for split, x, y in [("train", x_train, y_train), ("test", x_test, y_test)]:
            with open(f"{directory}/{name}-{split}.csv", "w") as out:
                out.write("label," + ",".join(f"f{i}" for i in range(x.shape[1])) + "\n")
                for features, label in zip(x, y):
                    out.write(str(int(label)) + "," + ",".join(repr(float(v)) for v in features) + "\n")


if __name__ == "__main__":
    main()
