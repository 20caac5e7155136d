import tensorflow as tf

from embedding_layer import EmbeddingSharedWeights
from ffn_layer import FeedForwardNetwork


def encoder_logits(inputs, vocab_size=7, hidden_size=4, filter_size=6, num_layers=2):
    embedding = EmbeddingSharedWeights(vocab_size, hidden_size)
    x = embedding(inputs)
    for n in range(num_layers):
        with tf.variable_scope("layer_%d" % n):
            with tf.variable_scope("ffn"):
                x = x + FeedForwardNetwork(hidden_size, filter_size)(x)
    with tf.variable_scope("output_normalization"):
        scale = tf.get_variable("layer_norm_scale", [hidden_size], initializer=tf.ones_initializer())
        x = x * scale
    return embedding.linear(x)


def ffn_block(x):
    with tf.variable_scope("ffn_block"):
        return FeedForwardNetwork(4, 6)(x)
