import tensorflow as tf


def conv_layer(x, filters, kernel, stride, name):
    with tf.variable_scope(name):
        in_ch = x.get_shape().as_list()[-1]
        w = tf.get_variable('weights', [kernel, kernel, in_ch, filters],
                            initializer=tf.contrib.layers.xavier_initializer())
        b = tf.get_variable('biases', [filters], initializer=tf.constant_initializer(0.1))
        return tf.nn.relu(tf.nn.conv2d(x, w, [1, stride, stride, 1], padding='VALID') + b)


def q_network(state, num_actions, scope, hidden=8):
    with tf.variable_scope(scope):
        h = conv_layer(state, 4, 3, 2, 'conv1')
        h = conv_layer(h, 4, 2, 1, 'conv2')
        h = tf.contrib.layers.flatten(h)
        h = tf.contrib.layers.fully_connected(h, hidden, scope='fc1')
        q = tf.contrib.layers.fully_connected(h, num_actions, activation_fn=None, scope='q')
        return q


def dueling_q_network(state, num_actions, scope):
    with tf.variable_scope(scope):
        h = tf.layers.flatten(conv_layer(state, 4, 3, 2, 'conv1'))
        value = tf.layers.dense(tf.layers.dense(h, 6, tf.nn.relu, name='value_fc'), 1, name='value')
        advantage = tf.layers.dense(tf.layers.dense(h, 6, tf.nn.relu, name='adv_fc'), num_actions, name='advantage')
        return value + advantage - tf.reduce_mean(advantage, axis=1, keepdims=True)
