import tensorflow as tf


def decoder_conv_block(hidden_state, hidden_size=4, dropout=0.0):
    with tf.variable_scope("conv_branches"):
        left_output_dim = int(hidden_size * 2)
        separable_conv_11x1 = tf.layers.SeparableConv1D(
            left_output_dim,
            3,
            padding="VALID",
            name="separable_conv11x1",
            activation=tf.nn.relu)
        left_state = separable_conv_11x1.apply(hidden_state)
        left_state = tf.nn.dropout(left_state, 1 - dropout)

        right_output_dim = int(hidden_size / 2)
        separable_conv_7x1 = tf.layers.SeparableConv1D(
            right_output_dim, 3, padding="VALID", name="separable_conv_7x1_1")
        right_state = separable_conv_7x1.apply(hidden_state)
        right_state = tf.pad(right_state, [[0, 0], [0, 0], [0, left_output_dim - right_output_dim]])
        norm = tf.layers.BatchNormalization(momentum=0.9)
        return norm(left_state + right_state, training=True)
