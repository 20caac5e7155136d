import tensorflow as tf


def mlp(x, sizes=(8, 6, 4)):
    with tf.variable_scope("mlp"):
        layers = [tf.layers.Dense(n, activation=tf.nn.relu) for n in sizes]
        h = x
        for layer in layers:
            h = layer(h)
        return h


PROBE = {"entry": "mlp", "inputs": {"x": "float32[3,5]"}}
