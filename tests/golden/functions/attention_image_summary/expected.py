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


def _summary_image(name, tensor, max_outputs=3, collections=None, family=None):
    """tf.compat.v1.summary.image, traced when eager (the eager kernel cannot read the op's
    bad_color attribute)."""
    def image(images):
        return tf.compat.v1.summary.image(name, images, max_outputs, collections, family)
    if tf.executing_eagerly():
        return tf.function(image, autograph=False)(tensor)
    return image(tensor)


class Attention(tf.Module):
    """Kyubyong-style attention that logs its weights as an image summary."""
    def __init__(self, name="attention"):
        super().__init__(name=name)
        self.wq = None
        self.wk = None

    @tf.Module.with_name_scope
    def __call__(self, queries, keys, num_units):
        if self.wq is None:
            self.wq = tf.Variable(_tf1_glorot_uniform_initializer()([queries.shape[-1], num_units], tf.float32), name="wq")
        q = tf.matmul(queries, self.wq)
        if self.wk is None:
            self.wk = tf.Variable(_tf1_glorot_uniform_initializer()([keys.shape[-1], num_units], tf.float32), name="wk")
        k = tf.matmul(keys, self.wk)
        weights = tf.nn.softmax(tf.matmul(q, k, transpose_b=True))
        _summary_image("attention", tf.expand_dims(weights[:, None, :], -1))
        tf.compat.v1.summary.histogram("attention_weights", weights)
        return tf.matmul(weights, k)
