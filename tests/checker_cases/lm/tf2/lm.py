"""A faithful hand migration of legacy/lm.py: the classes keep their names and become
tf.Modules (as the codemod does with owner classes); outputs are computed when asked for."""
import tensorflow as tf


class HParams(object):
    def __init__(self, n_vocab=10, n_embd=4, n_layer=1):
        self.n_vocab = n_vocab
        self.n_embd = n_embd
        self.n_layer = n_layer


def default_hparams():
    return HParams(n_layer=2)


class Dense(tf.Module):
    def __init__(self, n_out, name):
        super().__init__(name=name)
        self.n_out = n_out
        self.w = None

    @tf.Module.with_name_scope
    def __call__(self, x):
        if self.w is None:  # the input size is known on first call
            self.w = tf.Variable(
                tf.random_normal_initializer(stddev=0.02)([x.shape[-1], self.n_out]), name="w")
            self.b = tf.Variable(tf.zeros([self.n_out]), name="b")
        return tf.matmul(x, self.w) + self.b


class Model(tf.Module):
    def __init__(self, hparams, scope="model"):
        super().__init__(name=scope)
        self.hparams = hparams
        with self.name_scope:
            self.wte = tf.Variable(tf.random_normal_initializer(stddev=0.02)(
                [hparams.n_vocab, hparams.n_embd]), name="wte")
            self.layers = [Dense(hparams.n_embd, name="h%d" % i) for i in range(hparams.n_layer)]

    @tf.Module.with_name_scope
    def __call__(self, tokens):
        h = tf.reduce_mean(tf.gather(self.wte, tokens), axis=1)
        for layer in self.layers:
            h = tf.tanh(layer(h))
        return tf.matmul(h, self.wte, transpose_b=True)

    def logits(self, tokens):
        return self(tokens)


class Encoder(tf.Module):
    def __init__(self, hparams, tokens, scope="encoder"):
        super().__init__(name=scope)
        self.tokens = tokens
        with self.name_scope:
            self.embedding = tf.Variable(tf.random_normal_initializer(stddev=0.02)(
                [hparams.n_vocab, hparams.n_embd]), name="embedding")
            self.pooler = Dense(3, name="pooler")

    def get_output(self):
        return self.pooler(tf.reduce_mean(tf.gather(self.embedding, self.tokens), axis=1))


class Trainer(tf.Module):
    def __init__(self, sess, hparams, batch_size=2):
        super().__init__()
        self.sess = sess
        self.model = Model(hparams, scope="lm")
        self.logits = self.model(tf.zeros([batch_size, 3], tf.int32))
