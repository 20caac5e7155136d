import tensorflow as tf


def text_classifier(tokens, vocab_size=11, embed_dim=5):
    with tf.variable_scope("clf"):
        emb = tf.contrib.layers.embed_sequence(tokens, vocab_size=vocab_size, embed_dim=embed_dim,
                                               scope="words")
        pooled = []
        for width in (2, 3):
            with tf.variable_scope("conv_%d" % width):
                h = tf.layers.conv1d(emb, 4, width, activation=tf.nn.relu)
                pooled.append(tf.reduce_max(h, axis=1))
        feats = tf.concat(pooled, axis=-1)
        return tf.layers.dense(feats, 2, name="out")


PROBE = {"entry": "text_classifier", "inputs": {"tokens": "int32[3,6]"}}
