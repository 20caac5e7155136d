"""Generator and critic in the style of WGAN-GP ports: tf.layers creators under
variable_scope(name, reuse=reuse)."""
import tensorflow as tf


def leaky_relu(x, alpha=0.2):
    return tf.maximum(alpha * x, x)


def generator(z, is_training=True, reuse=False, dim=4):
    with tf.variable_scope('generator', reuse=reuse):
        net = tf.layers.dense(z, 2 * 2 * dim * 2, name='fc')
        net = tf.layers.batch_normalization(net, training=is_training, name='bn_fc')
        net = tf.nn.relu(net)
        net = tf.reshape(net, [-1, 2, 2, dim * 2])
        net = tf.layers.conv2d_transpose(net, dim, 5, strides=2, padding='same', name='deconv1')
        net = tf.layers.batch_normalization(net, training=is_training, name='bn1')
        net = tf.nn.relu(net)
        net = tf.layers.conv2d_transpose(net, 1, 5, strides=2, padding='same', name='deconv2')
        return tf.nn.tanh(net)


def critic(x, reuse=False, dim=4):
    with tf.variable_scope('critic', reuse=reuse):
        net = tf.layers.conv2d(x, dim, 5, strides=2, padding='same', name='conv1')
        net = leaky_relu(net)
        net = tf.layers.conv2d(net, dim * 2, 5, strides=2, padding='same', name='conv2')
        net = leaky_relu(net)
        net = tf.layers.flatten(net)
        return tf.layers.dense(net, 1, name='logit')
