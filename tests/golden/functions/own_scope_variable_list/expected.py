import tensorflow as tf


def _tf1_fans(shape):
    """TF1 init_ops._compute_fans."""
    shape = tf.TensorShape(shape).as_list()
    if len(shape) < 1:
        fan_in = fan_out = 1
    elif len(shape) == 1:
        fan_in = fan_out = shape[0]
    elif len(shape) == 2:
        fan_in, fan_out = shape[0], shape[1]
    else:
        receptive_field_size = 1
        for dim in shape[:-2]:
            receptive_field_size *= dim
        fan_in = shape[-2] * receptive_field_size
        fan_out = shape[-1] * receptive_field_size
    return int(fan_in), int(fan_out)


def _tf1_variance_scaling_initializer(scale=1.0, mode="fan_in", distribution="truncated_normal", seed=None, dtype=tf.float32):
    """TF1 tf.variance_scaling_initializer (same values in plain TF2)."""
    distribution = distribution.lower()

    def init(shape, dtype=dtype, partition_info=None):
        import math
        fan_in, fan_out = _tf1_fans(shape)
        s = scale
        if mode == "fan_in":
            s /= max(1., fan_in)
        elif mode == "fan_out":
            s /= max(1., fan_out)
        else:
            s /= max(1., (fan_in + fan_out) / 2.)
        if distribution in ("normal", "truncated_normal"):
            stddev = math.sqrt(s) / .87962566103423978
            return tf.random.truncated_normal(shape, 0.0, stddev, dtype, seed=seed)
        if distribution == "untruncated_normal":
            return tf.random.normal(shape, 0.0, math.sqrt(s), dtype, seed=seed)
        limit = math.sqrt(3.0 * s)
        return tf.random.uniform(shape, -limit, limit, dtype, seed=seed)
    return init


def _tf1_glorot_uniform_initializer(seed=None, dtype=tf.float32):
    """TF1 tf.glorot_uniform_initializer (tf.get_variable's default; same values in plain TF2)."""
    return _tf1_variance_scaling_initializer(1.0, "fan_avg", "uniform", seed, dtype)


def _tf1_truncated_normal_initializer(mean=0.0, stddev=1.0, seed=None, dtype=tf.float32):
    """TF1 tf.truncated_normal_initializer (same values in plain TF2)."""
    def init(shape, dtype=dtype, partition_info=None):
        return tf.random.truncated_normal(shape, mean, stddev, dtype, seed=seed)
    return init


class Conv(tf.Module):
    def __init__(self, name):
        super().__init__(name=name)
        self.weights = None
        self.biases = None

    @tf.Module.with_name_scope
    def __call__(self, x, channels):
        if self.weights is None:
            self.weights = tf.Variable(_tf1_truncated_normal_initializer(stddev=0.02)([3, 3, x.shape[-1], channels], dtype=tf.float32), name="weights")
        w = self.weights
        if self.biases is None:
            self.biases = tf.Variable(tf.zeros_initializer()([channels], dtype=tf.float32), name="biases")
        b = self.biases
        return tf.nn.elu(tf.nn.conv2d(x, filters=w, strides=[1, 1, 1, 1], padding="SAME") + b)


class GeneratorCnn(tf.Module):
    """BEGAN style: the network returns its own variables, listed by its captured scope."""
    def __init__(self, name='G'):
        super().__init__(name=name)
        self.project = None
        self.conv = {}
        with self.name_scope:
            self.out = Conv(name="out")

    @tf.Module.with_name_scope
    def __call__(self, z, hidden_num, repeat_num):
        if self.project is None:
            self.project = tf.Variable(_tf1_glorot_uniform_initializer()([z.shape[-1], 4 * 4 * hidden_num], tf.float32), name="project")
        w = self.project
        x = tf.reshape(tf.matmul(z, w), [-1, 4, 4, hidden_num])
        for idx in range(repeat_num):
            if "conv%d" % idx not in self.conv:
                with tf.init_scope():
                    self.conv["conv%d" % idx] = Conv(name="conv%d" % idx)
            x = self.conv["conv%d" % idx](x, hidden_num)
        out = self.out(x, 3)
        variables = list(self.variables)
        return out, variables


class Discriminator(tf.Module):
    def __init__(self, name='D'):
        super().__init__(name=name)
        with self.name_scope:
            self.enc = Conv(name="enc")

    @tf.Module.with_name_scope
    def __call__(self, x):
        h = self.enc(x, 4)
        logits = tf.reduce_mean(h, axis=[1, 2, 3])
        d_vars = list(self.trainable_variables)
        return logits, d_vars


class Build(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.g = GeneratorCnn()
        self.d = Discriminator()

    def __call__(self, z, images):
        fake, g_vars = self.g(z, 4, 2)
        d_real, d_vars = self.d(images)
        d_fake, _ = self.d(fake)
        return (fake, d_real, d_fake, tf.add_n([tf.reduce_sum(v) for v in g_vars]),
                tf.add_n([tf.reduce_sum(v) for v in d_vars]))
