import tensorflow as tf

slim = tf.contrib.slim


def net_arg_scope(weight_decay=0.0005):
    with slim.arg_scope([slim.conv2d, slim.fully_connected],
                        activation_fn=tf.nn.relu,
                        weights_regularizer=slim.l2_regularizer(weight_decay),
                        biases_initializer=tf.zeros_initializer()):
        with slim.arg_scope([slim.conv2d], padding='SAME') as arg_sc:
            return arg_sc


def small_net(inputs, num_classes=10, is_training=True, scope='small_net'):
    with tf.variable_scope(scope, 'small_net', [inputs]):
        with slim.arg_scope([slim.conv2d, slim.fully_connected],
                            activation_fn=tf.nn.relu,
                            weights_regularizer=slim.l2_regularizer(0.0005)):
            net = slim.conv2d(inputs, 8, [3, 3], scope='conv1')
            net = slim.max_pool2d(net, [2, 2], scope='pool1')
            net = slim.conv2d(net, 8, [3, 3], scope='conv2')
            net = slim.flatten(net)
            net = slim.fully_connected(net, 16, scope='fc3')
            logits = slim.fully_connected(net, num_classes, activation_fn=None, scope='fc4')
            return logits


@slim.add_arg_scope
def conv_block(inputs, filters, activation_fn=tf.nn.relu, scope=None):
    with tf.variable_scope(scope, 'conv_block', [inputs]):
        net = slim.conv2d(inputs, filters, [3, 3], activation_fn=None, scope='conv')
        net = slim.batch_norm(net, scale=True, is_training=False, scope='bn')
        return activation_fn(net)


def block_net(inputs, scope='block_net'):
    with tf.variable_scope(scope):
        with slim.arg_scope([conv_block], activation_fn=tf.nn.elu):
            net = conv_block(inputs, 4, scope='block1')
            net = conv_block(net, 4, scope='block2')
        return tf.reduce_mean(net, axis=[1, 2])


def vgg_tiny(inputs, is_training=True, scope='vgg_tiny'):
    with tf.variable_scope(scope, 'vgg_tiny', [inputs]):
        with slim.arg_scope([slim.conv2d], normalizer_fn=slim.batch_norm,
                            normalizer_params={'is_training': is_training, 'scale': True}):
            net = slim.repeat(inputs, 2, slim.conv2d, 4, [3, 3], scope='conv1')
            net = slim.max_pool2d(net, [2, 2], scope='pool1')
        net = slim.flatten(net)
        return slim.fully_connected(net, 3, activation_fn=None,
                                    weights_initializer=tf.contrib.layers.xavier_initializer(),
                                    scope='logits')
