import tensorflow as tf


class FeedForwardNetwork(tf.layers.Layer):
    """Fully connected feedforward network (TF official Transformer v1 style)."""

    def __init__(self, hidden_size, filter_size, relu_dropout=0.0, train=False):
        super(FeedForwardNetwork, self).__init__()
        self.hidden_size = hidden_size
        self.filter_size = filter_size
        self.relu_dropout = relu_dropout
        self.train = train
        self.filter_dense_layer = tf.layers.Dense(filter_size, use_bias=True, activation=tf.nn.relu,
                                                  name="filter_layer")
        self.output_dense_layer = tf.layers.Dense(hidden_size, use_bias=True, name="output_layer")

    def call(self, x):
        output = self.filter_dense_layer(x)
        if self.train:
            output = tf.nn.dropout(output, 1.0 - self.relu_dropout)
        return self.output_dense_layer(output)
