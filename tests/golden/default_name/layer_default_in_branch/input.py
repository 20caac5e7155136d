import tensorflow as tf

weight_init = tf.random_normal_initializer(mean=0.0, stddev=0.02)


def conv(x, channels, kernel=3, stride=1, use_bias=True, sn=False, scope='conv_0'):
    with tf.variable_scope(scope):
        if sn:
            w = tf.get_variable("kernel", shape=[kernel, kernel, x.get_shape()[-1], channels],
                                initializer=weight_init)
            x = tf.nn.conv2d(input=x, filter=w / tf.norm(w), strides=[1, stride, stride, 1], padding='SAME')
            if use_bias:
                bias = tf.get_variable("bias", [channels], initializer=tf.constant_initializer(0.0))
                x = tf.nn.bias_add(x, bias)
        else:
            x = tf.layers.conv2d(inputs=x, filters=channels, kernel_size=kernel,
                                 kernel_initializer=weight_init, strides=stride, padding='same',
                                 use_bias=use_bias)
        return x


def discriminator(x, sn=False, reuse=False):
    with tf.variable_scope("discriminator", reuse=reuse):
        x = tf.nn.leaky_relu(conv(x, 4, sn=sn, scope='conv_0'))
        x = tf.nn.leaky_relu(conv(x, 8, stride=2, sn=sn, scope='conv_1'))
        return conv(x, 1, kernel=1, sn=sn, scope='logit')
