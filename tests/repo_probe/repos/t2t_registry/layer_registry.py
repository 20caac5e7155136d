"""Layers looked up by name from hparams strings (t2t's modality / layer registries)."""
import tensorflow as tf

import common_layers
from registry import register


@register("mlp_block")
def mlp_block(x, units, name="mlp_block"):
    with tf.variable_scope(name):
        return common_layers.mlp(x, [units, units])


@register("gated_block")
def gated_block(x, units, name="gated_block"):
    return common_layers.gated_linear(x, units, name=name)
