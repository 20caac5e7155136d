import tensorflow as tf


def conv_encoder(frames, channels=(8, 8, 4)):
    """A small speech-style encoder: local lists of layer objects applied in order."""
    with tf.variable_scope("conv_encoder"):
        convs = [tf.layers.Conv1D(c, 3, padding="same", activation=tf.nn.relu,
                                  name="conv1d_%d" % i) for i, c in enumerate(channels)]
        norms = [tf.layers.BatchNormalization(epsilon=1e-5) for _ in channels]
        h = frames
        for i, conv in enumerate(convs):
            with tf.variable_scope("layer_%d" % i):
                h = conv(h)
        for norm in norms:
            h = norm(h, training=True)
        return h


def highway_head(inputs, depth=2):
    with tf.variable_scope("head"):
        projections = [tf.layers.Dense(4, activation=tf.nn.tanh) for _ in range(depth)]
        h = tf.reduce_mean(inputs, axis=1)
        for projection in projections:
            h = projection(h)
        for step in range(depth):
            h = tf.layers.Dense(4, use_bias=False, name="gate")(h)
        return h


def encode(frames):
    return highway_head(conv_encoder(frames))
