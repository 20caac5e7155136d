import tensorflow as tf

from ops import batchnorm, discrim_conv, gen_conv, gen_deconv, lrelu


def create_generator(generator_inputs, generator_outputs_channels, ngf=2):
    layers = []

    with tf.variable_scope("encoder_1"):
        output = gen_conv(generator_inputs, ngf)
        layers.append(output)

    layer_specs = [
        ngf * 2,  # encoder_2: [batch, 8, 8, ngf] => [batch, 4, 4, ngf * 2]
        ngf * 4,  # encoder_3: [batch, 4, 4, ngf * 2] => [batch, 2, 2, ngf * 4]
        ngf * 4,  # encoder_4: [batch, 2, 2, ngf * 4] => [batch, 1, 1, ngf * 4]
    ]

    for out_channels in layer_specs:
        with tf.variable_scope("encoder_%d" % (len(layers) + 1)):
            rectified = lrelu(layers[-1], 0.2)
            convolved = gen_conv(rectified, out_channels)
            output = batchnorm(convolved)
            layers.append(output)

    layer_specs = [
        (ngf * 4, 0.0),  # decoder_4: [batch, 1, 1, ngf * 4] => [batch, 2, 2, ngf * 4 * 2]
        (ngf * 2, 0.0),  # decoder_3: [batch, 2, 2, ngf * 4 * 2] => [batch, 4, 4, ngf * 2 * 2]
        (ngf, 0.0),      # decoder_2: [batch, 4, 4, ngf * 2 * 2] => [batch, 8, 8, ngf * 2]
    ]

    num_encoder_layers = len(layers)
    for decoder_layer, (out_channels, dropout) in enumerate(layer_specs):
        skip_layer = num_encoder_layers - decoder_layer - 1
        with tf.variable_scope("decoder_%d" % (skip_layer + 1)):
            if decoder_layer == 0:
                input = layers[-1]
            else:
                input = tf.concat([layers[-1], layers[skip_layer]], axis=3)
            rectified = tf.nn.relu(input)
            output = gen_deconv(rectified, out_channels)
            output = batchnorm(output)
            if dropout > 0.0:
                output = tf.nn.dropout(output, keep_prob=1 - dropout)
            layers.append(output)

    with tf.variable_scope("decoder_1"):
        input = tf.concat([layers[-1], layers[0]], axis=3)
        rectified = tf.nn.relu(input)
        output = gen_deconv(rectified, generator_outputs_channels)
        output = tf.tanh(output)
        layers.append(output)

    return layers[-1]


def create_discriminator(discrim_inputs, discrim_targets, ndf=2, n_layers=2):
    layers = []
    input = tf.concat([discrim_inputs, discrim_targets], axis=3)

    with tf.variable_scope("layer_1"):
        convolved = discrim_conv(input, ndf, stride=2)
        rectified = lrelu(convolved, 0.2)
        layers.append(rectified)

    for i in range(n_layers):
        with tf.variable_scope("layer_%d" % (len(layers) + 1)):
            out_channels = ndf * min(2 ** (i + 1), 8)
            stride = 1 if i == n_layers - 1 else 2
            convolved = discrim_conv(layers[-1], out_channels, stride=stride)
            normalized = batchnorm(convolved)
            rectified = lrelu(normalized, 0.2)
            layers.append(rectified)

    with tf.variable_scope("layer_%d" % (len(layers) + 1)):
        convolved = discrim_conv(rectified, out_channels=1, stride=1)
        output = tf.sigmoid(convolved)
        layers.append(output)

    return layers[-1]
