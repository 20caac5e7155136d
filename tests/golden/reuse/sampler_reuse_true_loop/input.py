import tensorflow as tf


def dense(x, units, scope):
    with tf.variable_scope(scope):
        w = tf.get_variable("w", [x.get_shape()[-1], units],
                            initializer=tf.truncated_normal_initializer(stddev=0.1))
        b = tf.get_variable("b", [units], initializer=tf.zeros_initializer())
        return tf.matmul(x, w) + b


class WGAN(object):
    """The sampler comes first and re-enters the generator's scope with reuse=True."""

    def __init__(self, n_layers=2, hidden=6, out_dim=5):
        self.n_layers = n_layers
        self.hidden = hidden
        self.out_dim = out_dim

    def sampler(self, z):
        with tf.variable_scope("generator", reuse=True):
            emb = tf.get_variable("z_embedding", [z.get_shape()[-1], self.hidden])
            h = tf.matmul(z, emb)
            for i in range(self.n_layers):
                h = tf.nn.relu(dense(h, self.hidden, "layer_%d" % i))
            return tf.nn.sigmoid(dense(h, self.out_dim, "output"))

    def generator(self, z, reuse=False):
        with tf.variable_scope("generator", reuse=reuse):
            emb = tf.get_variable("z_embedding", [z.get_shape()[-1], self.hidden])
            h = tf.matmul(z, emb)
            for i in range(self.n_layers):
                h = tf.nn.relu(dense(h, self.hidden, "layer_%d" % i))
            return tf.nn.sigmoid(dense(h, self.out_dim, "output"))

    def build(self, z, z_sample):
        fake = self.generator(z)
        again = self.generator(z_sample, reuse=True)
        samples = self.sampler(z_sample)
        g_vars = [v for v in tf.trainable_variables() if v.name.startswith("generator/")]
        return fake, again, samples, tf.add_n([tf.reduce_sum(v) for v in g_vars])
