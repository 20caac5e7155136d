import tensorflow as tf
import tensorflow.contrib as tf_contrib


def instance_norm(x, scope="instance_norm"):
    return tf_contrib.layers.instance_norm(x, epsilon=1e-05, center=True, scale=True,
                                           scope=scope)


def resblock(x, channels, scope="resblock"):
    with tf.variable_scope(scope):
        with tf.variable_scope("res1"):
            y = tf.layers.conv2d(x, channels, 3, padding="same", use_bias=False)
            y = tf.nn.relu(instance_norm(y))
        with tf.variable_scope("res2"):
            y = tf.layers.conv2d(y, channels, 3, padding="same", use_bias=False)
            y = instance_norm(y)
        return x + y


def generator(x, reuse=False, scope="generator"):
    with tf.variable_scope(scope, reuse=reuse):
        h = tf.layers.conv2d(x, 8, 3, padding="same", name="conv_in")
        h = tf.nn.relu(instance_norm(h, scope="ins_norm"))
        for i in range(2):
            h = resblock(h, 8, scope="resblock_%d" % i)
        return tf.nn.tanh(tf.layers.conv2d(h, 3, 3, padding="same", name="conv_out"))


def build(real_a, real_b):
    return generator(real_a), generator(real_b, reuse=True)
