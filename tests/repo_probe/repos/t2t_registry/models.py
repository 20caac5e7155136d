import tensorflow as tf

import common_layers
import registry
from registry import register_hparams, register_model
from t2t_model import HParams, T2TModel


@register_hparams
def basic_mlp_small():
    return HParams(hidden_size=6, num_hidden_layers=2, output_size=3)


@register_model
class BasicMlp(T2TModel):
    def body(self, inputs):
        hp = self.hparams
        x = common_layers.mlp(inputs, [hp.hidden_size] * hp.num_hidden_layers)
        return common_layers.dense(x, hp.output_size, "logits")


@register_model("gated_mlp")
class GatedMlp(T2TModel):
    def body(self, inputs):
        hp = self.hparams
        x = common_layers.layer_preprocess(inputs)
        return common_layers.gated_linear(x, hp.output_size)


def plain_mlp_logits(inputs):
    with tf.variable_scope("plain"):
        x = common_layers.mlp(inputs, [5, 4])
        return common_layers.dense(x, 3, "logits")


def registered_layer_logits(inputs, layer_name="gated_block"):
    import layer_registry  # registers the blocks
    with tf.variable_scope("by_name"):
        return registry.layer(layer_name)(inputs, 3)
