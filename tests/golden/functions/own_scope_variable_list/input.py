import tensorflow as tf


def conv(x, channels, name):
    with tf.variable_scope(name):
        w = tf.get_variable("weights", [3, 3, x.get_shape()[-1], channels],
                            initializer=tf.truncated_normal_initializer(stddev=0.02))
        b = tf.get_variable("biases", [channels], initializer=tf.zeros_initializer())
        return tf.nn.elu(tf.nn.conv2d(x, w, [1, 1, 1, 1], "SAME") + b)


def generator_cnn(z, hidden_num, repeat_num, reuse):
    """BEGAN style: the network returns its own variables, listed by its captured scope."""
    with tf.variable_scope("G", reuse=reuse) as vs:
        w = tf.get_variable("project", [z.get_shape()[-1], 4 * 4 * hidden_num])
        x = tf.reshape(tf.matmul(z, w), [-1, 4, 4, hidden_num])
        for idx in range(repeat_num):
            x = conv(x, hidden_num, "conv%d" % idx)
        out = conv(x, 3, "out")
    variables = tf.contrib.framework.get_variables(vs)
    return out, variables


def discriminator(x, reuse=False):
    with tf.variable_scope("D", reuse=reuse) as vs:
        h = conv(x, 4, "enc")
        logits = tf.reduce_mean(h, axis=[1, 2, 3])
    d_vars = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope=vs.name)
    return logits, d_vars


def build(z, images):
    fake, g_vars = generator_cnn(z, 4, 2, reuse=False)
    d_real, d_vars = discriminator(images)
    d_fake, _ = discriminator(fake, reuse=True)
    return (fake, d_real, d_fake, tf.add_n([tf.reduce_sum(v) for v in g_vars]),
            tf.add_n([tf.reduce_sum(v) for v in d_vars]))
