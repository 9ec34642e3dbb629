#!/usr/bin/python3
"""Writes the PyTorch fixtures of StateDictTest (layers/src/test/resources/pytorch/), once, with Debian's PyTorch:

    /usr/bin/python3 docs/tools/pytorch_state_dict.py layers/src/test/resources/pytorch

For the MNIST example's CNN and a small MLP: the state_dict as np.savez writes it, four input rows, and the
model's output for them in eval mode. With a second argument, a state_dict exported by backprop4j
(StateDict.save) is loaded into the CNN and its output printed, to check the export in PyTorch itself:

    /usr/bin/python3 docs/tools/pytorch_state_dict.py layers/src/test/resources/pytorch exported.npz
"""
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    """PyTorch's examples/mnist/main.py network."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 3, 1)
        self.conv2 = nn.Conv2d(32, 64, 3, 1)
        self.dropout1 = nn.Dropout(0.25)
        self.dropout2 = nn.Dropout(0.5)
        self.fc1 = nn.Linear(9216, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        x = F.relu(self.conv1(x.view(-1, 1, 28, 28)))
        x = F.relu(self.conv2(x))
        x = self.dropout1(F.max_pool2d(x, 2))
        x = F.relu(self.fc1(torch.flatten(x, 1)))
        return F.log_softmax(self.fc2(self.dropout2(x)), dim=1)


def write(model, name, directory, inputs):
    model.eval()
    np.savez(f"{directory}/{name}-state.npz", **{k: v.numpy() for k, v in model.state_dict().items()})
    with torch.no_grad():
        np.savez(f"{directory}/{name}-io.npz", x=inputs.numpy(), y=model(inputs).numpy())


def main():
    directory = sys.argv[1]
    torch.manual_seed(0)
    inputs = torch.rand(4, 784)
    if len(sys.argv) > 2:
        net = Net()
        exported = np.load(sys.argv[2])  # named by backprop4j's layer indices: matched to Net's names in order
        net.load_state_dict({name: torch.from_numpy(exported[key])
                             for name, key in zip(net.state_dict().keys(), exported.keys())})
        net.eval()
        with torch.no_grad():
            reference = np.load(f"{directory}/cnn-io.npz")["y"]
            print("largest difference from the fixture's outputs:", np.abs(net(inputs).numpy() - reference).max())
        return
    write(Net(), "cnn", directory, inputs)
    mlp = nn.Sequential(nn.Linear(784, 32), nn.BatchNorm1d(32), nn.ReLU(), nn.Linear(32, 10))
    mlp.train()
    with torch.no_grad():
        mlp(torch.randn(64, 784))  # moves BatchNorm's running statistics away from 0 and 1
    write(mlp, "mlp", directory, inputs)


if __name__ == "__main__":
    main()
