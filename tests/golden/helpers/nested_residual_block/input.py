import tensorflow as tf


def conv2d(input_, output_dim, ks=3, s=1, stddev=0.02, name="conv2d"):
    with tf.variable_scope(name):
        w = tf.get_variable("w", [ks, ks, input_.get_shape()[-1], output_dim],
                            initializer=tf.truncated_normal_initializer(stddev=stddev))
        return tf.nn.conv2d(input_, w, [1, s, s, 1], "SAME")


def instance_norm(x, name="instance_norm"):
    with tf.variable_scope(name):
        depth = x.get_shape()[3]
        scale = tf.get_variable("scale", [depth], initializer=tf.random_normal_initializer(1.0, 0.02))
        offset = tf.get_variable("offset", [depth], initializer=tf.constant_initializer(0.0))
        mean, variance = tf.nn.moments(x, axes=[1, 2], keep_dims=True)
        return scale * (x - mean) * tf.rsqrt(variance + 1e-5) + offset


def generator_resnet(image, gf_dim=4, reuse=False, name="generator"):
    with tf.variable_scope(name):
        if reuse:
            tf.get_variable_scope().reuse_variables()
        else:
            assert tf.get_variable_scope().reuse is False

        # a residual block reads only its arguments: it moves to module level
        def residule_block(x, dim, ks=3, s=1, name='res'):
            y = tf.nn.relu(instance_norm(conv2d(x, dim, ks, s, name=name + '_c1'), name + '_bn1'))
            y = instance_norm(conv2d(y, dim, ks, s, name=name + '_c2'), name + '_bn2')
            return y + x

        c1 = tf.nn.relu(instance_norm(conv2d(image, gf_dim, 3, 1, name='g_e1_c'), 'g_e1_bn'))
        r1 = residule_block(c1, gf_dim, name='g_r1')
        r2 = residule_block(r1, gf_dim, name='g_r2')
        return tf.nn.tanh(conv2d(r2, 3, 3, 1, name='g_pred_c'))
