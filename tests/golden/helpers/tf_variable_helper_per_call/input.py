import numpy as np
import tensorflow as tf


def create_variable(name, shape):
    """wavenet's helper: a new tf.Variable on every call, named by the caller."""
    initializer = tf.truncated_normal_initializer(stddev=0.1)
    variable = tf.Variable(initializer(shape=shape), name=name)
    return variable


def create_embedding_table(name, shape):
    if shape[0] == shape[1]:
        initial_val = np.identity(n=shape[0], dtype=np.float32)
        return tf.Variable(initial_val, name=name)
    else:
        return create_variable(name, shape)


def create_bias_variable(name, shape):
    initializer = tf.constant_initializer(value=0.0, dtype=tf.float32)
    return tf.Variable(initializer(shape=shape), name=name)


def dilated_stack(x, channels=4, num_layers=2):
    with tf.variable_scope("wavenet"):
        with tf.variable_scope("embeddings"):
            table = create_embedding_table("gc_embedding", [3, channels])
        for i in range(num_layers):
            with tf.variable_scope("layer{}".format(i)):
                w_filter = create_variable("filter", [channels, channels])
                w_gate = create_variable("gate", [channels, channels])
                b = create_bias_variable("filter_bias", [channels])
                x = tf.tanh(tf.matmul(x, w_filter) + b) * tf.sigmoid(tf.matmul(x, w_gate))
        return x + tf.reduce_sum(table)
