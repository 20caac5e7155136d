import tensorflow as tf


def block(x, name):
    with tf.variable_scope(name):
        w = tf.get_variable("w", [x.shape[-1], 4])
        b = tf.get_variable("b", [4], initializer=tf.zeros_initializer())
        return tf.matmul(x, w) + b


def model(x):
    with tf.variable_scope("net"):
        with tf.name_scope("block"):
            x = tf.nn.relu(x, name="act")
        return block(x, "block")


PROBE = {"entry": "model", "inputs": {"x": "float32[3,5]"}}
