import math

import numpy as np
import tensorflow as tf

slim = tf.contrib.slim


def static_shape(t):
    return [d if d is not None else -1 for d in t.get_shape().as_list()]


def to_grid(x, side, channels):
    return tf.reshape(x, [-1, side, side, channels])


def upsample(x, factor):
    _, h, w, _ = static_shape(x)
    return tf.image.resize_nearest_neighbor(x, (h * factor, w * factor))


def decoder(z, width, blocks, reuse=False):
    """Unnamed slim layers numbered across a loop (Conv, Conv_1, ...), with numpy, math and
    the file's own tensor plumbing called between them: none of them opens a variable scope."""
    with tf.variable_scope("dec", reuse=reuse):
        units = int(np.prod([2, 2, width]))
        x = slim.fully_connected(z, units, activation_fn=None)
        x = to_grid(x, 2, width)
        for i in range(blocks):
            x = slim.conv2d(x, width, 3, 1, activation_fn=tf.nn.elu)
            x = slim.conv2d(x, width, 3, 1, activation_fn=tf.nn.elu)
            if i < blocks - 1:
                x = upsample(x, 2)
        scale = math.sqrt(2.0)
        return slim.conv2d(x, 3, 3, 1, activation_fn=None) * scale


def reconstruct(z):
    return decoder(z, 4, 2), decoder(z, 4, 2, reuse=True)
