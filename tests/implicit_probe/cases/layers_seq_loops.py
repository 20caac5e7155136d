import tensorflow as tf


def generator(z, widths=(8, 6), depth=2, reuse=False):
    with tf.variable_scope("generator", reuse=reuse):
        h = tf.layers.dense(z, 8, activation=tf.nn.relu)
        for _ in range(depth):
            h = tf.layers.dense(h, 8, activation=tf.nn.relu)
        blocks = [tf.layers.Dense(w, activation=tf.nn.tanh) for w in widths]
        for block in blocks:
            h = block(h)
        return tf.layers.Dense(3)(h) + tf.layers.dense(h, 3)


def sample(z, z2):
    return generator(z), generator(z2, reuse=True)


PROBE = {"entry": "sample", "inputs": {"z": "float32[4,5]", "z2": "float32[4,5]"}}
