import tensorflow as tf


def conv_decoder(decoder_input, num_layers=2, conv_width=3):
    hidden_state = decoder_input
    with tf.variable_scope("decoder"):
        for layer in range(num_layers):
            with tf.variable_scope("layer_%d" % layer):
                conv = tf.layers.SeparableConv1D(
                    int(hidden_state.shape[-1]), conv_width, padding="same",
                    name="separable_conv_%dx1" % conv_width, activation=tf.nn.relu)
                hidden_state = hidden_state + conv.apply(hidden_state)
                norm = tf.layers.BatchNormalization(name="norm")
                hidden_state = norm(hidden_state, training=False)
        return hidden_state
