"""The Transformer as a class: embeddings built in __init__, encode()/decode() opening
'encoder' / 'decoder' with AUTO_REUSE and a loop of blocks."""
import tensorflow as tf

from modules import get_token_embeddings, ff, positional_encoding, multihead_attention, ln


class Transformer:
    def __init__(self, hp):
        self.hp = hp
        self.embeddings = get_token_embeddings(self.hp.vocab_size, self.hp.d_model, zero_pad=True)

    def encode(self, xs, training=True):
        with tf.variable_scope("encoder", reuse=tf.AUTO_REUSE):
            enc = tf.nn.embedding_lookup(self.embeddings, xs)
            enc *= self.hp.d_model ** 0.5
            enc += positional_encoding(enc, self.hp.maxlen1)
            enc = tf.layers.dropout(enc, self.hp.dropout_rate, training=training)
            for i in range(self.hp.num_blocks):
                with tf.variable_scope("num_blocks_{}".format(i), reuse=tf.AUTO_REUSE):
                    enc = multihead_attention(queries=enc, keys=enc, values=enc,
                                              num_heads=self.hp.num_heads,
                                              dropout_rate=self.hp.dropout_rate,
                                              training=training, causality=False)
                    enc = ff(enc, num_units=[self.hp.d_ff, self.hp.d_model])
        memory = enc
        return memory

    def decode(self, ys, memory, training=True):
        with tf.variable_scope("decoder", reuse=tf.AUTO_REUSE):
            dec = tf.nn.embedding_lookup(self.embeddings, ys)
            dec *= self.hp.d_model ** 0.5
            dec += positional_encoding(dec, self.hp.maxlen2)
            for i in range(self.hp.num_blocks):
                with tf.variable_scope("num_blocks_{}".format(i), reuse=tf.AUTO_REUSE):
                    dec = multihead_attention(queries=dec, keys=dec, values=dec,
                                              num_heads=self.hp.num_heads,
                                              dropout_rate=self.hp.dropout_rate,
                                              training=training, causality=True,
                                              scope="self_attention")
                    dec = multihead_attention(queries=dec, keys=memory, values=memory,
                                              num_heads=self.hp.num_heads,
                                              dropout_rate=self.hp.dropout_rate,
                                              training=training, causality=False,
                                              scope="vanilla_attention")
                    dec = ff(dec, num_units=[self.hp.d_ff, self.hp.d_model])
        weights = tf.transpose(self.embeddings)
        logits = tf.einsum('ntd,dk->ntk', dec, weights)
        return logits

    def logits(self, xs, ys):
        memory = self.encode(xs)
        return self.decode(ys, memory)

    def train(self, xs, ys):
        logits = self.logits(xs, ys)
        y_ = tf.one_hot(ys, depth=self.hp.vocab_size)
        loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(logits=logits, labels=y_))
        global_step = tf.train.get_or_create_global_step()
        optimizer = tf.train.AdamOptimizer(self.hp.lr)
        train_op = optimizer.minimize(loss, global_step=global_step)
        return loss, train_op
