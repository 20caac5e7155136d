import tensorflow as tf

__all__ = ['conv', 'fc', 'weight_variable']


def weight_variable(name, shape, stddev=0.05):
    return tf.get_variable(name, shape, initializer=tf.truncated_normal_initializer(stddev=stddev))


def conv(x, filters, ksize=3, stride=1, name='conv'):
    with tf.variable_scope(name):
        in_ch = x.get_shape().as_list()[-1]
        w = weight_variable('weights', [ksize, ksize, in_ch, filters])
        b = tf.get_variable('biases', [filters], initializer=tf.zeros_initializer())
        return tf.nn.conv2d(x, w, [1, stride, stride, 1], 'SAME') + b


def fc(x, units, name='fc', activation=None):
    with tf.variable_scope(name):
        w = weight_variable('weights', [x.get_shape().as_list()[-1], units])
        b = tf.get_variable('biases', [units], initializer=tf.constant_initializer(0.1))
        y = tf.matmul(x, w) + b
        return activation(y) if activation is not None else y
