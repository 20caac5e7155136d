import tensorflow as tf


def tower(img, depth=3):
    with tf.variable_scope("tower"):
        h = img
        for i in range(depth):
            h = tf.layers.Conv2D(4, 3, padding="same", activation=tf.nn.relu)(h)
        for i in range(2):
            h = tf.layers.Conv2D(4, 3, padding="same", name="named_%d" % i)(h)
        h = tf.reduce_mean(h, axis=[1, 2])
        return tf.layers.Dense(3)(h)


PROBE = {"entry": "tower", "inputs": {"img": "float32[2,5,5,3]"}}
