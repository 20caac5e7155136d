import tensorflow as tf


def discrim_conv(batch_input, out_channels, stride):
    with tf.variable_scope("conv"):
        in_channels = batch_input.get_shape()[3]
        kernel = tf.get_variable("filter", [3, 3, in_channels, out_channels], dtype=tf.float32,
                                 initializer=tf.random_normal_initializer(0, 0.02))
        return tf.nn.conv2d(batch_input, kernel, [1, stride, stride, 1], padding="SAME")


def gen_conv(batch_input, out_channels):
    with tf.variable_scope("gen_conv"):
        kernel = tf.get_variable("filter", [3, 3, batch_input.get_shape()[3], out_channels],
                                 initializer=tf.random_normal_initializer(0, 0.02))
        return tf.nn.conv2d(batch_input, kernel, [1, 1, 1, 1], padding="SAME")


def create_model(inputs, targets, ndf=4):
    def create_discriminator(discrim_inputs, discrim_targets):
        layers = []
        x = tf.concat([discrim_inputs, discrim_targets], axis=3)
        with tf.variable_scope("layer_1"):
            layers.append(tf.nn.leaky_relu(discrim_conv(x, 4, stride=2), 0.2))
        with tf.variable_scope("layer_2"):
            layers.append(tf.sigmoid(discrim_conv(layers[-1], 1, stride=1)))
        return layers[-1]

    with tf.variable_scope("generator"):
        outputs = tf.tanh(gen_conv(inputs, 3))

    # two copies of the discriminator, one for real pairs and one for fake pairs,
    # sharing the same variables
    with tf.name_scope("real_discriminator"):
        with tf.variable_scope("discriminator"):
            predict_real = create_discriminator(inputs, targets)

    with tf.name_scope("fake_discriminator"):
        with tf.variable_scope("discriminator", reuse=True):
            predict_fake = create_discriminator(inputs, outputs)

    with tf.name_scope("discriminator_loss"):
        discrim_loss = tf.reduce_mean(-(tf.log(predict_real + 1e-12) + tf.log(1 - predict_fake + 1e-12)))
    discrim_tvars = [var for var in tf.trainable_variables() if var.name.startswith("discriminator")]
    discrim_train = tf.train.AdamOptimizer(0.01, 0.5).minimize(discrim_loss, var_list=discrim_tvars)
    return predict_real, predict_fake, discrim_train
