import tensorflow as tf
from tensorflow.contrib import layers as contrib_layers


def layer_norm(input_tensor, name=None):
    """Run layer normalization on the last dimension of the tensor."""
    return contrib_layers.layer_norm(
        inputs=input_tensor, begin_norm_axis=-1, begin_params_axis=-1, scope=name)


def layer_norm_and_dropout(input_tensor, dropout_prob, name=None):
    output_tensor = layer_norm(input_tensor, name)
    return tf.nn.dropout(output_tensor, rate=dropout_prob)


def attention_ffn_block(layer_input, hidden_size=6):
    # albert's block: the two layer norms are unnamed, so TF1 names them LayerNorm, LayerNorm_1
    with tf.variable_scope("attention_1"):
        with tf.variable_scope("output"):
            attention_output = tf.layers.dense(layer_input, hidden_size, name="dense")
    attention_output = layer_norm(attention_output + layer_input)
    with tf.variable_scope("ffn_1"):
        with tf.variable_scope("intermediate"):
            ffn_output = tf.layers.dense(attention_output, hidden_size, name="dense")
    ffn_output = layer_norm_and_dropout(ffn_output + attention_output, 0.0)
    return layer_norm(ffn_output, None)


def encoder(x):
    with tf.variable_scope("transformer"):
        with tf.variable_scope("group_0"):
            return attention_ffn_block(x)
