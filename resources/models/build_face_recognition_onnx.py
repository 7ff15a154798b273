#!/usr/bin/python3
"""Builds face_recognition_150.onnx from face-api's FaceRecognitionNet weights.

Usage: build_face_recognition_onnx.py MANIFEST.json WEIGHTS.bin OUT.onnx

face-api (npm @vladmandic/face-api, MIT) ships the dlib-style ResNet as a tfjs weights manifest plus
one binary shard. The network is rebuilt here as a plain ONNX graph that OpenCV's dnn module loads
(see /work/shared/design/FACE_MODELS.md for the measured architecture):

  input  [1,3,150,150] float32, RGB, already normalised as (x - [122.782, 117.001, 104.298]) / 255
  output [1,128] float32, the raw descriptor (no L2 normalisation)

Weights: uint8 tensors dequantise as q*scale + min (computed in float64, stored as float32, as tfjs
does); the others (the conv64_* filters) are raw float32 little endian. Every "conv" of face-api is
conv + bias followed by a per-channel scale y*w + b; the scale is folded into the convolution.
Filters are HWIO in tfjs and OIHW in ONNX.

Needs Debian's python3-onnx and python3-numpy; run with /usr/bin/python3.
"""

import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

INPUT_SIZE = 150


def load_weights(manifest_path, weights_path):
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)
    with open(weights_path, "rb") as f:
        data = f.read()
    tensors = {}
    offset = 0
    for group in manifest:
        for spec in group["weights"]:
            shape = spec["shape"]
            count = int(np.prod(shape)) if shape else 1
            quant = spec.get("quantization")
            if quant:
                if quant["dtype"] != "uint8":
                    raise SystemExit(f"{spec['name']}: unsupported quantization {quant['dtype']}")
                q = np.frombuffer(data, dtype=np.uint8, count=count, offset=offset)
                offset += count
                values = (q.astype(np.float64) * quant["scale"] + quant["min"]).astype(np.float32)
            else:
                if spec["dtype"] != "float32":
                    raise SystemExit(f"{spec['name']}: unsupported dtype {spec['dtype']}")
                values = np.frombuffer(data, dtype="<f4", count=count, offset=offset).astype(np.float32)
                offset += 4 * count
            tensors[spec["name"]] = values.reshape(shape)
    if offset != len(data):
        raise SystemExit(f"weights file has {len(data)} bytes, the manifest describes {offset}")
    return tensors


class GraphBuilder:
    def __init__(self, weights):
        self.w = weights
        self.used = set()
        self.nodes = []
        self.initializers = []
        self.counter = 0

    def name(self, prefix):
        self.counter += 1
        return f"{prefix}_{self.counter}"

    def const(self, name, array):
        self.initializers.append(numpy_helper.from_array(np.ascontiguousarray(array), name))
        return name

    def take(self, key):
        self.used.add(key)
        return self.w[key]

    def conv(self, x, prefix, stride, pad, relu):
        """face-api's convLayer: conv, +bias, *scale.weights, +scale.biases, optional relu."""
        filters = self.take(f"{prefix}/conv/filters").astype(np.float64)  # HWIO
        bias = self.take(f"{prefix}/conv/bias").astype(np.float64)
        scale_w = self.take(f"{prefix}/scale/weights").astype(np.float64)
        scale_b = self.take(f"{prefix}/scale/biases").astype(np.float64)
        kernel = filters.shape[0]
        w = (filters * scale_w).transpose(3, 2, 0, 1).astype(np.float32)  # OIHW
        b = (bias * scale_w + scale_b).astype(np.float32)
        wn = self.const(prefix + "/W", w)
        bn = self.const(prefix + "/B", b)
        out = self.name(prefix.replace("/", "_") + "_conv")
        self.nodes.append(helper.make_node(
            "Conv", [x, wn, bn], [out], kernel_shape=[kernel, kernel], strides=[stride, stride],
            pads=[pad, pad, pad, pad], dilations=[1, 1], group=1))
        return self.relu(out) if relu else out

    def relu(self, x):
        out = self.name("relu")
        self.nodes.append(helper.make_node("Relu", [x], [out]))
        return out

    def add(self, a, b):
        out = self.name("add")
        self.nodes.append(helper.make_node("Add", [a, b], [out]))
        return out

    def pad(self, x, pads):
        """Zero padding; pads in ONNX order [begin per axis..., end per axis...] (NCHW)."""
        pn = self.const(self.name("pads"), np.array(pads, dtype=np.int64))
        out = self.name("pad")
        self.nodes.append(helper.make_node("Pad", [x, pn], [out], mode="constant"))
        return out

    def residual(self, x, prefix):
        out = self.conv(x, prefix + "/conv1", 1, 1, True)
        out = self.conv(out, prefix + "/conv2", 1, 1, False)
        return self.relu(self.add(out, x))

    def residual_down(self, x, size, channels_in, prefix):
        """Main branch: 3x3/2 valid conv (relu), 3x3 same conv; shortcut: 2x2/2 average pool with
        zero channels appended. A main branch smaller than the shortcut gets one zero row at the
        bottom and one zero column at the right (tfjs concatenates zeros there)."""
        channels_out = self.w[prefix + "/conv2/conv/filters"].shape[3]
        main = self.conv(x, prefix + "/conv1", 2, 0, True)
        main = self.conv(main, prefix + "/conv2", 1, 1, False)
        main_size = (size - 3) // 2 + 1
        pooled_size = size // 2
        if main_size != pooled_size:
            if main_size + 1 != pooled_size:
                raise SystemExit(f"{prefix}: unexpected sizes {main_size} vs {pooled_size}")
            main = self.pad(main, [0, 0, 0, 0, 0, 0, 1, 1])
        pooled = self.name("avgpool")
        self.nodes.append(helper.make_node(
            "AveragePool", [x], [pooled], kernel_shape=[2, 2], strides=[2, 2], pads=[0, 0, 0, 0]))
        if channels_out != channels_in:
            pooled = self.pad(pooled, [0, 0, 0, 0, 0, channels_out - channels_in, 0, 0])
        return self.relu(self.add(pooled, main)), pooled_size, channels_out


def build(weights):
    g = GraphBuilder(weights)
    x = g.conv("input", "conv32_down", 2, 0, True)
    size = (INPUT_SIZE - 7) // 2 + 1  # 72
    pooled = g.name("maxpool")
    g.nodes.append(helper.make_node(
        "MaxPool", [x], [pooled], kernel_shape=[3, 3], strides=[2, 2], pads=[0, 0, 0, 0]))
    x = pooled
    size = (size - 3) // 2 + 1  # 35
    channels = 32
    for name in ("conv32_1", "conv32_2", "conv32_3"):
        x = g.residual(x, name)
    for down, rest in (("conv64_down", ("conv64_1", "conv64_2", "conv64_3")),
                       ("conv128_down", ("conv128_1", "conv128_2")),
                       ("conv256_down", ("conv256_1", "conv256_2")),
                       ("conv256_down_out", ())):
        x, size, channels = g.residual_down(x, size, channels, down)
        for name in rest:
            x = g.residual(x, name)
    if (size, channels) != (2, 256):
        raise SystemExit(f"unexpected final shape {channels}x{size}x{size}")

    gap = g.name("gap")
    g.nodes.append(helper.make_node("GlobalAveragePool", [x], [gap]))
    flat = g.name("flatten")
    g.nodes.append(helper.make_node("Flatten", [gap], [flat], axis=1))
    fc = g.take("fc")  # [256, 128]: x @ fc
    # Stored transposed with transB=1: OpenCV 4.6 maps Gemm to its fully connected layer and
    # rejects transB=0 with a bias.
    g.const("fc/W", np.ascontiguousarray(fc.T.astype(np.float32)))
    g.const("fc/B", np.zeros([fc.shape[1]], dtype=np.float32))
    g.nodes.append(helper.make_node("Gemm", [flat, "fc/W", "fc/B"], ["descriptor"], transB=1))

    unused = set(weights) - g.used
    if unused:
        raise SystemExit(f"weights not used by the graph: {sorted(unused)}")

    graph = helper.make_graph(
        g.nodes, "face_recognition_150",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, [1, 3, INPUT_SIZE, INPUT_SIZE])],
        [helper.make_tensor_value_info("descriptor", TensorProto.FLOAT, [1, fc.shape[1]])],
        g.initializers)
    model = helper.make_model(graph, producer_name="vms build_face_recognition_onnx.py",
                              opset_imports=[helper.make_opsetid("", 11)])
    model.ir_version = 6
    model.doc_string = ("face-api FaceRecognitionNet (MIT, @vladmandic/face-api 1.7.15); input "
                        "RGB (x - [122.782, 117.001, 104.298]) / 255, NCHW 150x150")
    onnx.checker.check_model(model)
    return model


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__.split("\n\n")[1])
    weights = load_weights(sys.argv[1], sys.argv[2])
    if len(weights) != 117:
        raise SystemExit(f"expected 117 tensors in the manifest, found {len(weights)}")
    model = build(weights)
    tmp = sys.argv[3] + ".tmp"
    onnx.save(model, tmp)
    os.replace(tmp, sys.argv[3])


if __name__ == "__main__":
    main()
