"""A ResNet in the style of the official TF1 models: tf.layers conv / batch_normalization with
training=, fixed padding, building blocks in a loop, a Model class called as an object."""
import tensorflow as tf

_BATCH_NORM_DECAY = 0.997
_BATCH_NORM_EPSILON = 1e-5


def batch_norm(inputs, training, data_format):
    return tf.layers.batch_normalization(
        inputs=inputs, axis=1 if data_format == 'channels_first' else 3,
        momentum=_BATCH_NORM_DECAY, epsilon=_BATCH_NORM_EPSILON, center=True,
        scale=True, training=training, fused=True)


def fixed_padding(inputs, kernel_size, data_format):
    pad_total = kernel_size - 1
    pad_beg = pad_total // 2
    pad_end = pad_total - pad_beg
    return tf.pad(inputs, [[0, 0], [pad_beg, pad_end], [pad_beg, pad_end], [0, 0]])


def conv2d_fixed_padding(inputs, filters, kernel_size, strides, data_format):
    if strides > 1:
        inputs = fixed_padding(inputs, kernel_size, data_format)
    return tf.layers.conv2d(
        inputs=inputs, filters=filters, kernel_size=kernel_size, strides=strides,
        padding=('SAME' if strides == 1 else 'VALID'), use_bias=False,
        kernel_initializer=tf.variance_scaling_initializer(),
        data_format=data_format)


def building_block(inputs, filters, training, projection_shortcut, strides, data_format):
    shortcut = inputs
    inputs = batch_norm(inputs, training, data_format)
    inputs = tf.nn.relu(inputs)
    if projection_shortcut is not None:
        shortcut = projection_shortcut(inputs)
    inputs = conv2d_fixed_padding(inputs=inputs, filters=filters, kernel_size=3, strides=strides,
                                  data_format=data_format)
    inputs = batch_norm(inputs, training, data_format)
    inputs = tf.nn.relu(inputs)
    inputs = conv2d_fixed_padding(inputs=inputs, filters=filters, kernel_size=3, strides=1,
                                  data_format=data_format)
    return inputs + shortcut


def block_layer(inputs, filters, blocks, strides, training, name, data_format):
    def projection_shortcut(inputs):
        return conv2d_fixed_padding(inputs=inputs, filters=filters, kernel_size=1, strides=strides,
                                    data_format=data_format)

    inputs = building_block(inputs, filters, training, projection_shortcut, strides, data_format)
    for _ in range(1, blocks):
        inputs = building_block(inputs, filters, training, None, 1, data_format)
    return tf.identity(inputs, name)


class Model(object):
    def __init__(self, resnet_size=8, num_classes=10, num_filters=4, data_format='channels_last'):
        self.num_blocks = (resnet_size - 2) // 6
        self.num_classes = num_classes
        self.num_filters = num_filters
        self.data_format = data_format
        self.block_strides = [1, 2]

    def __call__(self, inputs, training):
        with tf.variable_scope('resnet_model', reuse=tf.AUTO_REUSE):
            inputs = conv2d_fixed_padding(inputs=inputs, filters=self.num_filters, kernel_size=3,
                                          strides=1, data_format=self.data_format)
            inputs = tf.identity(inputs, 'initial_conv')
            for i, strides in enumerate(self.block_strides):
                num_filters = self.num_filters * (2 ** i)
                inputs = block_layer(inputs=inputs, filters=num_filters, blocks=self.num_blocks,
                                     strides=strides, training=training,
                                     name='block_layer{}'.format(i + 1), data_format=self.data_format)
            inputs = batch_norm(inputs, training, self.data_format)
            inputs = tf.nn.relu(inputs)
            inputs = tf.reduce_mean(inputs, [1, 2], keepdims=True)
            inputs = tf.identity(inputs, 'final_reduce_mean')
            inputs = tf.reshape(inputs, [-1, self.num_filters * 2])
            inputs = tf.layers.dense(inputs=inputs, units=self.num_classes)
            inputs = tf.identity(inputs, 'final_dense')
            return inputs
