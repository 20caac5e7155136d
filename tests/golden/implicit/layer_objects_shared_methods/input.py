import tensorflow as tf


class LanguageModel(object):
    """Layer objects built in the constructor and used by a training graph and a sampling graph
    (the sampler re-enters the model's scope), and a projection shared by two towers."""

    def __init__(self, vocab_size=12, hidden=8):
        self.embed = tf.layers.Dense(hidden, use_bias=False, name="embed")
        self.mix = tf.layers.Dense(hidden, activation=tf.nn.tanh, name="mix")
        self.norm = tf.layers.BatchNormalization(momentum=0.9, name="norm")
        self.logits = tf.layers.Dense(vocab_size, name="softmax")

    def hidden_state(self, inputs, training):
        return self.norm(self.mix(self.embed(inputs)), training=training)

    def train_logits(self, inputs):
        with tf.variable_scope("rnnlm"):
            return self.logits(self.hidden_state(inputs, False))

    def sample(self, inputs):
        with tf.variable_scope("rnnlm", reuse=True):
            return tf.nn.softmax(self.logits(self.hidden_state(inputs, False)))


def build(inputs, prime):
    model = LanguageModel()
    return model.train_logits(inputs), model.sample(prime)
