import tensorflow as tf


class Classifier(object):
    """A small classifier whose layers are built in __init__ and run in __call__."""

    def __init__(self, hidden_size=16, num_classes=3, dropout=0.1):
        self.dropout = dropout
        self.embed = tf.layers.Dense(hidden_size, use_bias=False, name="embed")
        self.hidden = tf.layers.Dense(
            hidden_size, activation=tf.nn.relu,
            kernel_initializer=tf.truncated_normal_initializer(stddev=0.02), name="hidden")
        self.norm = tf.layers.BatchNormalization(momentum=0.9, name="norm")
        self.logits = tf.layers.Dense(num_classes)

    def __call__(self, features, context, training=False):
        with tf.variable_scope("classifier"):
            # one projection for both inputs: the layer object shares its weights
            a = self.embed(features)
            b = self.embed(context)
            h = self.hidden(tf.concat([a, b], axis=-1))
            h = self.norm(h, training=training)
            return self.logits(h)


def build(features, context):
    model = Classifier()
    return model(features, context, training=True)
