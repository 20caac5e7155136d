import tensorflow as tf


def _tf1_truncated_normal_initializer(mean=0.0, stddev=1.0, seed=None, dtype=tf.float32):
    """TF1 tf.truncated_normal_initializer (same values in plain TF2)."""
    def init(shape, dtype=dtype, partition_info=None):
        return tf.random.truncated_normal(shape, mean, stddev, dtype, seed=seed)
    return init


def _tf1_reused(key, build):
    """A module TF1 code that may run again (a sampling function) called with AUTO_REUSE:
    built once per graph, as TF1's variable store shared the variables."""
    import weakref
    graphs = _tf1_reused.__dict__.setdefault("graphs", weakref.WeakKeyDictionary())
    modules = graphs.setdefault(tf.compat.v1.get_default_graph(), {})
    if key not in modules:
        modules[key] = build()
    return modules[key]


class GaussianEncoder(tf.Module):
    def __init__(self, name='gaussian_encoder'):
        super().__init__(name=name)
        self.w0 = None
        self.b0 = None
        self.wo = None
        self.bo = None

    @tf.Module.with_name_scope
    def __call__(self, x, n_hidden, n_latent):
        if self.w0 is None:
            self.w0 = tf.Variable(_tf1_truncated_normal_initializer(stddev=0.1)([x.shape[1], n_hidden], dtype=tf.float32), name="w0")
        w0 = self.w0
        if self.b0 is None:
            self.b0 = tf.Variable(tf.constant_initializer(0.)([n_hidden], dtype=tf.float32), name="b0")
        b0 = self.b0
        h0 = tf.nn.elu(tf.matmul(x, w0) + b0)
        if self.wo is None:
            self.wo = tf.Variable(_tf1_truncated_normal_initializer(stddev=0.1)([n_hidden, 2 * n_latent], dtype=tf.float32), name="wo")
        wo = self.wo
        if self.bo is None:
            self.bo = tf.Variable(tf.constant_initializer(0.)([2 * n_latent], dtype=tf.float32), name="bo")
        bo = self.bo
        gaussian_params = tf.matmul(h0, wo) + bo
        mean = gaussian_params[:, :n_latent]
        stddev = 1e-6 + tf.nn.softplus(gaussian_params[:, n_latent:])
        return mean, stddev


class BernoulliDecoder(tf.Module):
    def __init__(self, name='bernoulli_decoder'):
        super().__init__(name=name)
        self.w0 = None
        self.b0 = None
        self.wo = None
        self.bo = None

    @tf.Module.with_name_scope
    def __call__(self, z, n_hidden, n_output, keep_prob):
        if self.w0 is None:
            self.w0 = tf.Variable(_tf1_truncated_normal_initializer(stddev=0.1)([z.shape[1], n_hidden], dtype=tf.float32), name="w0")
        w0 = self.w0
        if self.b0 is None:
            self.b0 = tf.Variable(tf.constant_initializer(0.)([n_hidden], dtype=tf.float32), name="b0")
        b0 = self.b0
        h0 = tf.nn.dropout(tf.nn.tanh(tf.matmul(z, w0) + b0), rate=1 - keep_prob)
        if self.wo is None:
            self.wo = tf.Variable(_tf1_truncated_normal_initializer(stddev=0.1)([n_hidden, n_output], dtype=tf.float32), name="wo")
        wo = self.wo
        if self.bo is None:
            self.bo = tf.Variable(tf.constant_initializer(0.)([n_output], dtype=tf.float32), name="bo")
        bo = self.bo
        return tf.sigmoid(tf.matmul(h0, wo) + bo)


def autoencoder(x, dim_z=2, n_hidden=8, keep_prob=1.0):
    gaussian_encoder = GaussianEncoder()
    mu, sigma = gaussian_encoder(x, n_hidden, dim_z)
    z = mu + sigma * tf.random.normal(tf.shape(mu), 0, 1, dtype=tf.float32, seed=1)
    bernoulli_decoder = _tf1_reused('bernoulli_decoder:bernoulli_decoder', lambda: BernoulliDecoder())
    y = bernoulli_decoder(z, n_hidden, int(x.shape[1]), keep_prob)
    y = tf.clip_by_value(y, 1e-8, 1 - 1e-8)
    marginal_likelihood = tf.reduce_mean(tf.reduce_sum(x * tf.math.log(y) + (1 - x) * tf.math.log(1 - y), 1))
    kl = tf.reduce_mean(0.5 * tf.reduce_sum(tf.square(mu) + tf.square(sigma) - tf.math.log(1e-8 + tf.square(sigma)) - 1, 1))
    return y, -(marginal_likelihood - kl)


def decoder(z, dim_img, n_hidden=8):
    bernoulli_decoder = _tf1_reused('bernoulli_decoder:bernoulli_decoder', lambda: BernoulliDecoder())
    return bernoulli_decoder(z, n_hidden, dim_img, 1.0)
