"""Legacy side of the class entry-point cases: a tiny language model configured by an hparams
object, in the three shapes real model code has.

- `Model(hparams)` with `__call__(tokens)` and a `logits(tokens)` method (GPT-2 style);
- `Encoder(hparams, tokens)` building in its constructor, read by `get_output()` (BERT style);
- `Trainer(sess, hparams)` building on its own placeholder, nothing to call (DCGAN style).
"""
import tensorflow as tf


class HParams(object):
    def __init__(self, n_vocab=10, n_embd=4, n_layer=1):
        self.n_vocab = n_vocab
        self.n_embd = n_embd
        self.n_layer = n_layer


def default_hparams():
    return HParams(n_layer=2)


def dense(x, n_out, scope):
    with tf.variable_scope(scope):
        w = tf.get_variable("w", [x.get_shape()[-1].value, n_out],
                            initializer=tf.random_normal_initializer(stddev=0.02))
        b = tf.get_variable("b", [n_out], initializer=tf.zeros_initializer())
        return tf.matmul(x, w) + b


class Model(object):
    def __init__(self, hparams, scope="model"):
        self.hparams = hparams
        self.scope = scope

    def __call__(self, tokens):
        hp = self.hparams
        with tf.variable_scope(self.scope, reuse=tf.AUTO_REUSE):
            wte = tf.get_variable("wte", [hp.n_vocab, hp.n_embd],
                                  initializer=tf.random_normal_initializer(stddev=0.02))
            h = tf.reduce_mean(tf.gather(wte, tokens), axis=1)
            for layer in range(hp.n_layer):
                h = tf.tanh(dense(h, hp.n_embd, "h%d" % layer))
            return tf.matmul(h, wte, transpose_b=True)

    def logits(self, tokens):
        return self(tokens)


class Encoder(object):
    def __init__(self, hparams, tokens, scope="encoder"):
        with tf.variable_scope(scope):
            embedding = tf.get_variable("embedding", [hparams.n_vocab, hparams.n_embd],
                                        initializer=tf.random_normal_initializer(stddev=0.02))
            pooled = tf.reduce_mean(tf.gather(embedding, tokens), axis=1)
            self.output = dense(pooled, 3, "pooler")

    def get_output(self):
        return self.output


class Trainer(object):
    def __init__(self, sess, hparams, batch_size=2):
        self.sess = sess
        self.tokens = tf.placeholder(tf.int32, [batch_size, 3], name="tokens")
        self.logits = Model(hparams, scope="lm")(self.tokens)
