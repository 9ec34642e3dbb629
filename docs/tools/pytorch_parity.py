#!/usr/bin/python3
"""Writes the PyTorch parity fixtures of PyTorchParityTest (layers) and OptimizerParityTest (optim), once, with
Debian's PyTorch (python3-torch 1.13):

    /usr/bin/python3 docs/tools/pytorch_parity.py

For every activation, layer, loss and optimizer: the inputs, PyTorch's results in float32 and float64, and the
values the tests take as exact: for the element-wise activations, the function and its derivative evaluated
with mpmath at 40 digits (PyTorch's own float64 loses digits where 1 + tanh u cancels); for the rest, PyTorch's
float64 results for the same float32-representable inputs. An activation is run on three sets of inputs:
"wide" (Gaussians, ±30, ±1e3), "tiny" (|x| from 1e-30 to 1e-3, checked relative to the value) and "kinks"
(one ulp either side of 0, ±1 and ±3 in each precision).
"""
import os

import mpmath as mp

import numpy as np
import torch
import torch.nn.functional as F

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
LAYERS = os.path.join(ROOT, "layers", "src", "test", "resources", "parity")
OPTIM = os.path.join(ROOT, "optim", "src", "test", "resources", "parity")

ACTIVATIONS = {
    "relu": F.relu,
    "leaky-relu": lambda x: F.leaky_relu(x, 0.01),
    "elu": F.elu,
    "selu": F.selu,
    "gelu": F.gelu,
    "gelu-tanh": lambda x: F.gelu(x, approximate="tanh"),
    "silu": F.silu,
    "mish": F.mish,
    "softplus": F.softplus,
    "softplus-beta2": lambda x: F.softplus(x, beta=2, threshold=5),
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "softsign": F.softsign,
    "hardtanh": F.hardtanh,
    "hardsigmoid": F.hardsigmoid,
    "prelu": lambda x: F.prelu(x, torch.tensor([0.25], dtype=x.dtype)),
    "softmax": lambda x: F.softmax(x, dim=1),
    "log-softmax": lambda x: F.log_softmax(x, dim=1),
}


mp.mp.dps = 40
K = mp.sqrt(2 / mp.pi)
SELU_ALPHA, SELU_SCALE = mp.mpf("1.6732632423543772848170429916717"), mp.mpf("1.0507009873554804934193349852946")


def sigma(x):
    return 1 / (1 + mp.exp(-x))


def softplus(x, beta=1, threshold=20):
    return x if beta * x > threshold else mp.log1p(mp.exp(beta * x)) / beta


def gelu_tanh(x):
    t = mp.tanh(K * (x + mp.mpf("0.044715") * x ** 3))
    return x * (1 + t) / 2, (1 + t) / 2 + x * (1 - t * t) * K * (1 + 3 * mp.mpf("0.044715") * x * x) / 2


def mish(x):
    t = mp.tanh(softplus(x))
    return x * t, t + x * (1 - t * t) * sigma(x)


# f(x) and f'(x) exactly, for the element-wise activations (never evaluated exactly at a kink)
EXACT = {
    "relu": lambda x: (max(x, 0), mp.mpf(x > 0)),
    "leaky-relu": lambda x: (x if x > 0 else x / 100, 1 if x > 0 else mp.mpf(1) / 100),
    "elu": lambda x: (x, 1) if x > 0 else (mp.expm1(x), mp.exp(x)),
    "selu": lambda x: (SELU_SCALE * x, SELU_SCALE) if x > 0
    else (SELU_SCALE * SELU_ALPHA * mp.expm1(x), SELU_SCALE * SELU_ALPHA * mp.exp(x)),
    "gelu": lambda x: (x * mp.ncdf(x), mp.ncdf(x) + x * mp.npdf(x)),
    "gelu-tanh": gelu_tanh,
    "silu": lambda x: (x * sigma(x), sigma(x) * (1 + x * (1 - sigma(x)))),
    "mish": mish,
    "softplus": lambda x: (softplus(x), 1 if x > 20 else sigma(x)),
    "softplus-beta2": lambda x: (softplus(x, 2, 5), 1 if 2 * x > 5 else sigma(2 * x)),
    "sigmoid": lambda x: (sigma(x), sigma(x) * (1 - sigma(x))),
    "tanh": lambda x: (mp.tanh(x), 1 - mp.tanh(x) ** 2),
    "softsign": lambda x: (x / (1 + abs(x)), 1 / (1 + abs(x)) ** 2),
    "hardtanh": lambda x: (min(max(x, -1), 1), mp.mpf(-1 < x < 1)),
    "hardsigmoid": lambda x: (min(max(x + 3, 0), 6) / 6, mp.mpf(1) / 6 if -3 < x < 3 else 0),
    "prelu": lambda x: (x if x > 0 else x / 4, 1 if x > 0 else mp.mpf(1) / 4),
}


def exact(name, x, g):
    """f(x) and f'(x)·g at 40 digits, rounded to float64."""
    pairs = [EXACT[name](mp.mpf(float(v))) for v in x.flatten()]
    y = np.array([float(p[0]) for p in pairs]).reshape(x.shape)
    dx = np.array([float(p[1] * mp.mpf(float(gv))) for p, gv in zip(pairs, g.flatten())]).reshape(x.shape)
    return y, dx


def inputs(kind, dtype):
    """The inputs of one kind as float32-representable values, shaped [4, K]."""
    rng = np.random.default_rng(7)
    if kind == "wide":
        x = np.concatenate([rng.standard_normal(28) * 3, [30, -30, 1e3, -1e3]])
    elif kind == "tiny":
        m = np.array([1e-30, 1e-20, 1e-10, 1.246e-6, 2.63e-5, 1e-3, 3e-8, 7e-4])
        x = np.concatenate([m, -m])
    else:
        t = np.float32 if dtype == torch.float32 else np.float64
        kinks = np.array([0, 1, -1, 3, -3], dtype=t)
        x = np.concatenate([np.nextafter(kinks, t(np.inf)), np.nextafter(kinks, t(-np.inf)), [t(2), t(-2)]])
        return torch.tensor(x.astype(np.float64), dtype=torch.float64).reshape(4, -1)
    return torch.tensor(x.astype(np.float32).astype(np.float64), dtype=torch.float64).reshape(4, -1)


def run(f, x, g, dtype):
    """f(x) and ∂(Σ f(x)·g)/∂x in dtype, as float64 arrays."""
    x = x.to(dtype).clone().requires_grad_(True)
    y = f(x)
    y.backward(g.to(dtype))
    return y.detach().double().numpy(), x.grad.double().numpy()


def activations():
    arrays = {}
    for kind in ["wide", "tiny", "kinks"]:
        for dtype, tag in [(torch.float32, "f32"), (torch.float64, "f64")]:
            x = inputs(kind, dtype)
            g = torch.tensor(np.random.default_rng(11).standard_normal(x.shape).astype(np.float32),
                             dtype=torch.float64)
            for name, f in ACTIVATIONS.items():
                key = f"{name}.{kind}.{tag}"
                arrays[key + ".x"] = x.numpy()
                arrays[key + ".g"] = g.numpy()
                arrays[key + ".y"], arrays[key + ".dx"] = run(f, x, g, dtype)
                if name in EXACT:
                    arrays[key + ".y64"], arrays[key + ".dx64"] = exact(name, x.numpy(), g.numpy())
                else:
                    arrays[key + ".y64"], arrays[key + ".dx64"] = run(f, x, g, torch.float64)
    np.savez(os.path.join(LAYERS, "activations.npz"), **arrays)


def gaussian(seed, *shape):
    return torch.tensor(np.random.default_rng(seed).standard_normal(shape).astype(np.float32), dtype=torch.float64)


def with_grads(f, tensors, g, dtype):
    """f(*tensors) and the gradient of Σ f·g with respect to every tensor, in dtype, as float64 arrays."""
    ts = [t.to(dtype).clone().requires_grad_(True) for t in tensors]
    y = f(*ts)
    y.backward(g.to(dtype))
    return [y.detach().double().numpy()] + [t.grad.double().numpy() for t in ts]


def layers():
    cases = {
        # Dense is x·W + b with W [in, out]: the transpose of nn.Linear's weight
        "dense": (lambda x, w, b: x @ w + b, [gaussian(1, 6, 5), gaussian(2, 5, 4), gaussian(3, 4)], (6, 4)),
        "conv2d": (lambda x, w, b: F.conv2d(x, w, b, stride=2, padding=1),
                   [gaussian(4, 2, 3, 7, 7), gaussian(5, 4, 3, 3, 3), gaussian(6, 4)], (2, 4, 4, 4)),
        "maxpool2d": (lambda x: F.max_pool2d(x, 2), [gaussian(7, 2, 3, 6, 6)], (2, 3, 3, 3)),
        "avgpool2d": (lambda x: F.avg_pool2d(x, 3, 1, 1), [gaussian(8, 2, 3, 5, 5)], (2, 3, 5, 5)),
        "batchnorm1d": (lambda x, w, b: F.batch_norm(x, None, None, w, b, training=True, eps=1e-5),
                        [gaussian(9, 8, 5) * 3 + 1, gaussian(10, 5), gaussian(11, 5)], (8, 5)),
        "batchnorm2d": (lambda x, w, b: F.batch_norm(x, None, None, w, b, training=True, eps=1e-5),
                        [gaussian(12, 4, 3, 5, 5) * 2 - 1, gaussian(13, 3), gaussian(14, 3)], (4, 3, 5, 5)),
    }
    arrays = {}
    for name, (f, tensors, out_shape) in cases.items():
        g = gaussian(99, *out_shape)
        for dtype, tag in [(torch.float32, "f32"), (torch.float64, "f64")]:
            got = with_grads(f, tensors, g, dtype)
            exact = with_grads(f, tensors, g, torch.float64)
            for i, t in enumerate(tensors):
                arrays[f"{name}.{tag}.in{i}"] = t.numpy()
            arrays[f"{name}.{tag}.g"] = g.numpy()
            for i, (a, e) in enumerate(zip(got, exact)):
                arrays[f"{name}.{tag}.out{i}"] = a
                arrays[f"{name}.{tag}.out{i}.64"] = e
    np.savez(os.path.join(LAYERS, "layers.npz"), **arrays)


def losses():
    """Each loss under each of PyTorch's reductions: J (for "none" the sum of the terms, and the terms) and ∂J/∂x."""
    logits = gaussian(20, 6, 5) * 2
    labels = torch.tensor([0, 3, 1, 4, 2, 3])
    onehot = F.one_hot(labels, 5).double()
    probabilities = torch.softmax(gaussian(21, 6, 5), dim=1)
    binary = torch.tensor((np.random.default_rng(22).random((6, 5)) > 0.5).astype(np.float64))
    log_probabilities = torch.log_softmax(logits, dim=1).float().double()
    cases = {
        "softmax-cross-entropy": (lambda s, t, r: F.cross_entropy(s, labels, reduction=r), logits, onehot),
        "negative-log-likelihood": (lambda s, t, r: F.nll_loss(s, labels, reduction=r), log_probabilities, onehot),
        "mean-squared-error": (lambda s, t, r: F.mse_loss(s, t, reduction=r), logits, probabilities),
        "sigmoid-bce": (lambda s, t, r: F.binary_cross_entropy_with_logits(s, t, reduction=r), logits, binary),
        "kl-divergence": (lambda s, t, r: F.kl_div(s, t, reduction=r), log_probabilities, probabilities),
    }
    arrays = {}
    for name, (f, x, target) in cases.items():
        reductions = ["mean", "sum", "none"] + (["batchmean"] if name == "kl-divergence" else [])
        for reduction in reductions:
            for dtype, tag in [(torch.float32, "f32"), (torch.float64, "f64")]:
                key = f"{name}.{reduction}.{tag}"
                for d, suffix in [(dtype, ""), (torch.float64, ".64")]:
                    s = x.to(d).clone().requires_grad_(True)
                    terms = f(s, target.to(d), reduction)
                    value = terms.sum() if reduction == "none" else terms
                    value.backward()
                    arrays[f"{key}.value{suffix}"] = np.array(value.item())
                    arrays[f"{key}.grad{suffix}"] = s.grad.double().numpy()
                    if reduction == "none":
                        arrays[f"{key}.terms{suffix}"] = terms.detach().double().numpy().copy()
                arrays[f"{key}.x"] = x.numpy()
                arrays[f"{key}.target"] = target.numpy()
    np.savez(os.path.join(LAYERS, "losses.npz"), **arrays)


def mlp():
    """The float32 gradient noise of an MLP step against its float64 gradient: PyTorch's, for the test to beat."""
    x, w1, b1, w2, b2 = gaussian(30, 32, 20), gaussian(31, 20, 16) * 0.3, gaussian(32, 16) * 0.1, \
        gaussian(33, 16, 10) * 0.3, gaussian(34, 10) * 0.1
    labels = torch.tensor(np.random.default_rng(35).integers(0, 10, 32))
    arrays = {"x": x.numpy(), "w1": w1.numpy(), "b1": b1.numpy(), "w2": w2.numpy(), "b2": b2.numpy(),
              "y": F.one_hot(labels, 10).double().numpy()}
    for dtype, tag in [(torch.float32, "f32"), (torch.float64, "f64")]:
        ps = [t.to(dtype).clone().requires_grad_(True) for t in (w1, b1, w2, b2)]
        loss = F.cross_entropy(F.relu(x.to(dtype) @ ps[0] + ps[1]) @ ps[2] + ps[3], labels)
        loss.backward()
        for name, p in zip(["w1", "b1", "w2", "b2"], ps):
            arrays[f"{tag}.d{name}"] = p.grad.double().numpy()
    np.savez(os.path.join(LAYERS, "mlp-gradients.npz"), **arrays)


OPTIMIZERS = {
    "sgd": lambda p: torch.optim.SGD(p, lr=0.1),
    "sgd-momentum-dampening": lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, dampening=0.1),
    "sgd-nesterov-decay": lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.01),
    "adam": lambda p: torch.optim.Adam(p, lr=0.01),
    "adam-amsgrad": lambda p: torch.optim.Adam(p, lr=0.01, amsgrad=True),
    "adamw": lambda p: torch.optim.AdamW(p, lr=0.01, weight_decay=0.05),
    "rmsprop": lambda p: torch.optim.RMSprop(p, lr=0.01),
    "rmsprop-centered-momentum": lambda p: torch.optim.RMSprop(p, lr=0.01, momentum=0.9, centered=True),
    "adagrad-lr-decay": lambda p: torch.optim.Adagrad(p, lr=0.1, lr_decay=0.01),
    "adadelta": lambda p: torch.optim.Adadelta(p, lr=1.0),
}


def optimizers():
    w = gaussian(40, 3, 4)
    grads = [gaussian(41 + k, 3, 4) for k in range(3)]
    arrays = {"w": w.numpy()}
    for k, g in enumerate(grads):
        arrays[f"g{k}"] = g.numpy()
    for name, make in OPTIMIZERS.items():
        for dtype, tag in [(torch.float32, "f32"), (torch.float64, "f64")]:
            for d, suffix in [(dtype, ""), (torch.float64, ".64")]:
                p = w.to(d).clone().requires_grad_(True)
                optimizer = make([p])
                for k, g in enumerate(grads):
                    p.grad = g.to(d).clone()
                    optimizer.step()
                    arrays[f"{name}.{tag}.step{k}{suffix}"] = p.detach().double().numpy().copy()
    np.savez(os.path.join(OPTIM, "optimizers.npz"), **arrays)


def main():
    os.makedirs(LAYERS, exist_ok=True)
    os.makedirs(OPTIM, exist_ok=True)
    activations()
    layers()
    losses()
    mlp()
    optimizers()


if __name__ == "__main__":
    main()
