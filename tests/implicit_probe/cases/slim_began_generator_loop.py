import tensorflow as tf
slim = tf.contrib.slim


def generator(z, hidden_num=4, repeat_num=3, reuse=False):
    with tf.variable_scope("G", reuse=reuse) as vs:
        x = slim.fully_connected(z, 2 * 2 * hidden_num, activation_fn=None)
        x = tf.reshape(x, [-1, 2, 2, hidden_num])
        for idx in range(repeat_num):
            x = slim.conv2d(x, hidden_num, 3, 1, activation_fn=tf.nn.elu)
            x = slim.conv2d(x, hidden_num, 3, 1, activation_fn=tf.nn.elu)
            if idx < repeat_num - 1:
                x = tf.tile(x, [1, 2, 2, 1])
        out = slim.conv2d(x, 3, 3, 1, activation_fn=None)
    return out


def build(z):
    a = generator(z)
    b = generator(z * 0.5, reuse=True)
    return a, b


PROBE = {"entry": "build", "inputs": {"z": "float32[2,5]"}}
