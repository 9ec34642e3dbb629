"""Reads a backprop4j MLP model file with NumPy alone and prints its test accuracy.

    /usr/bin/python3 docs/tools/numpy_accuracy.py fashion-mlp.zip [/usr/share/datasets/fashion-mnist]

Shows that a model file is plain data: model.json holds the layers, parameters/NAME.npy the weights.
"""
import gzip
import io
import json
import sys
import zipfile

import numpy as np


def read_idx(path):
    with gzip.open(path) as f:
        data = f.read()
    rank = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], 'big') for i in range(rank)]
    return np.frombuffer(data, np.uint8, offset=4 + 4 * rank).reshape(shape)


def main(model_file, data_dir='/usr/share/datasets/fashion-mnist'):
    archive = zipfile.ZipFile(model_file)
    manifest = json.loads(archive.read('model.json'))
    weights = {name: np.load(io.BytesIO(archive.read('parameters/%s.npy' % name)))
               for name in manifest['parameters']}
    x = read_idx(data_dir + '/t10k-images-idx3-ubyte.gz').reshape(-1, 784).astype(np.float32) / 255
    labels = read_idx(data_dir + '/t10k-labels-idx1-ubyte.gz')
    activations = {'ReLU': lambda s: np.maximum(s, 0), 'Tanh': np.tanh,
                   'Sigmoid': lambda s: 1 / (1 + np.exp(-s))}
    for i, layer in enumerate(manifest['layers']):
        if layer['type'] == 'Dense':
            x = x @ weights['%d.weights' % i] + weights['%d.bias' % i]
        else:
            x = activations[layer['type']](x)
    print('NumPy test accuracy: %.4f' % (x.argmax(axis=1) == labels).mean())


if __name__ == '__main__':
    main(*sys.argv[1:])
