"""BERT-style transformer encoder stack (TF1 graph code).

Entry point: ``transformer_model(input_tensor, num_hidden_layers=2, hidden_size=8,
                                 num_attention_heads=2, intermediate_size=16)``
Inputs:
    input_tensor  float32[2,4,8]  batch x seq_length x hidden_size

TF1 graph code, written against ``tensorflow.compat.v1``. Layers are built in
``for layer_idx in range(num_hidden_layers): with tf.variable_scope("layer_%d" % layer_idx)``;
``layer_norm`` and ``dense`` create their variables with ``tf.get_variable``
in whatever scope the caller opened. Dense kernels carry an L2 regularizer.
"""
import math

import tensorflow.compat.v1 as tf


def create_initializer(initializer_range=0.02):
    return tf.truncated_normal_initializer(stddev=initializer_range)


def l2_regularizer(scale):
    def _reg(weights):
        return scale * tf.reduce_sum(tf.square(weights))
    return _reg


def layer_norm(input_tensor, epsilon=1e-6):
    """Layer norm over the last axis; no scope of its own."""
    dim = input_tensor.shape[-1].value
    gamma = tf.get_variable("gamma", [dim], initializer=tf.ones_initializer())
    beta = tf.get_variable("beta", [dim], initializer=tf.zeros_initializer())
    mean, variance = tf.nn.moments(input_tensor, [-1], keep_dims=True)
    norm = (input_tensor - mean) * tf.rsqrt(variance + epsilon)
    return norm * gamma + beta


def dense(x, units, name, activation=None, initializer_range=0.02):
    in_dim = x.shape[-1].value
    with tf.variable_scope(name):
        kernel = tf.get_variable("kernel", shape=[in_dim, units],
                                 initializer=create_initializer(initializer_range),
                                 regularizer=l2_regularizer(1e-4))
        bias = tf.get_variable("bias", shape=[units], initializer=tf.zeros_initializer())
        out = tf.tensordot(x, kernel, axes=1) + bias
        if activation is not None:
            out = activation(out)
        return out


def gelu(x):
    cdf = 0.5 * (1.0 + tf.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * tf.pow(x, 3))))
    return x * cdf


def attention_layer(x, num_attention_heads, size_per_head):
    batch_size = tf.shape(x)[0]
    seq_length = x.shape[1].value

    def split_heads(t):
        t = tf.reshape(t, [batch_size, seq_length, num_attention_heads, size_per_head])
        return tf.transpose(t, [0, 2, 1, 3])

    q = split_heads(dense(x, num_attention_heads * size_per_head, "query"))
    k = split_heads(dense(x, num_attention_heads * size_per_head, "key"))
    v = split_heads(dense(x, num_attention_heads * size_per_head, "value"))
    scores = tf.matmul(q, k, transpose_b=True) / math.sqrt(float(size_per_head))
    probs = tf.nn.softmax(scores)
    context = tf.transpose(tf.matmul(probs, v), [0, 2, 1, 3])
    return tf.reshape(context, [batch_size, seq_length, num_attention_heads * size_per_head])


def transformer_model(input_tensor, num_hidden_layers=2, hidden_size=8,
                      num_attention_heads=2, intermediate_size=16):
    size_per_head = hidden_size // num_attention_heads
    prev_output = input_tensor
    all_layer_outputs = []
    with tf.variable_scope("encoder"):
        for layer_idx in range(num_hidden_layers):
            with tf.variable_scope("layer_%d" % layer_idx):
                layer_input = prev_output
                with tf.variable_scope("attention"):
                    with tf.variable_scope("self"):
                        attention_output = attention_layer(
                            layer_input, num_attention_heads, size_per_head)
                    with tf.variable_scope("output"):
                        attention_output = dense(attention_output, hidden_size, "dense")
                        attention_output = layer_norm(attention_output + layer_input)
                with tf.variable_scope("intermediate"):
                    intermediate_output = dense(attention_output, intermediate_size,
                                                "dense", activation=gelu)
                with tf.variable_scope("output"):
                    layer_output = dense(intermediate_output, hidden_size, "dense")
                    layer_output = layer_norm(layer_output + attention_output)
                prev_output = layer_output
                all_layer_outputs.append(layer_output)
    return prev_output, all_layer_outputs
