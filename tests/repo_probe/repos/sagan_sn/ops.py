import tensorflow as tf

weight_init = tf.truncated_normal_initializer(mean=0.0, stddev=0.02)


def spectral_norm(w, iteration=1):
    w_shape = w.shape.as_list()
    w = tf.reshape(w, [-1, w_shape[-1]])
    u = tf.get_variable("u", [1, w_shape[-1]], initializer=tf.random_normal_initializer(), trainable=False)
    u_hat = u
    v_hat = None
    for i in range(iteration):
        v_ = tf.matmul(u_hat, tf.transpose(w))
        v_hat = tf.nn.l2_normalize(v_)
        u_ = tf.matmul(v_hat, w)
        u_hat = tf.nn.l2_normalize(u_)
    u_hat = tf.stop_gradient(u_hat)
    v_hat = tf.stop_gradient(v_hat)
    sigma = tf.matmul(tf.matmul(v_hat, w), tf.transpose(u_hat))
    with tf.control_dependencies([u.assign(u_hat)]):
        w_norm = w / sigma
        w_norm = tf.reshape(w_norm, w_shape)
    return w_norm


def conv(x, channels, kernel=3, stride=1, pad=1, use_bias=True, sn=False, scope='conv_0'):
    with tf.variable_scope(scope, reuse=tf.AUTO_REUSE):
        x = tf.pad(x, [[0, 0], [pad, pad], [pad, pad], [0, 0]])
        if sn:
            w = tf.get_variable("kernel", shape=[kernel, kernel, x.get_shape()[-1], channels], initializer=weight_init)
            x = tf.nn.conv2d(input=x, filter=spectral_norm(w), strides=[1, stride, stride, 1], padding='VALID')
            if use_bias:
                bias = tf.get_variable("bias", [channels], initializer=tf.constant_initializer(0.0))
                x = tf.nn.bias_add(x, bias)
        else:
            x = tf.layers.conv2d(inputs=x, filters=channels, kernel_size=kernel, kernel_initializer=weight_init,
                                 strides=stride, use_bias=use_bias)
        return x


def fully_connected(x, units, use_bias=True, sn=False, scope='linear'):
    with tf.variable_scope(scope, reuse=tf.AUTO_REUSE):
        x = tf.layers.flatten(x)
        shape = x.get_shape().as_list()
        channels = shape[-1]
        if sn:
            w = tf.get_variable("kernel", [channels, units], tf.float32, initializer=weight_init)
            if use_bias:
                bias = tf.get_variable("bias", [units], initializer=tf.constant_initializer(0.0))
                x = tf.matmul(x, spectral_norm(w)) + bias
            else:
                x = tf.matmul(x, spectral_norm(w))
        else:
            x = tf.layers.dense(x, units=units, kernel_initializer=weight_init, use_bias=use_bias)
        return x


def lrelu(x, alpha=0.2):
    return tf.nn.leaky_relu(x, alpha)


def hw_flatten(x):
    return tf.reshape(x, shape=[x.shape[0], -1, x.shape[-1]])
