import tensorflow as tf


def block(x, units):
    h = tf.layers.dense(x, units, activation=tf.nn.relu)
    return tf.layers.dense(h, units) + x


def tower(x, depth=3):
    with tf.variable_scope("tower"):
        with tf.name_scope("ignored_by_layers"):
            x = tf.layers.dense(x, 5, name="inp")
        for i in range(depth):
            with tf.variable_scope(f"block{i}"):  # (without it TF1 makes dense_2, ... per turn:
                x = block(x, 5)                   #  refused, tests/test_implicit_findings.py)
        for i in range(2):
            x = tf.layers.dense(x, 5, name=f"fc{i}")
        return x


PROBE = {"entry": "tower", "inputs": {"x": "float32[2,5]"}}
