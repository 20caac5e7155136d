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


class AttentionScore(tf.Module):
    def __init__(self, name='score'):
        super().__init__(name=name)
        self.w = None

    @tf.Module.with_name_scope
    def __call__(self, query, key):
        if self.w is None:
            self.w = tf.Variable(_tf1_glorot_uniform_initializer()([query.shape[-1], key.shape[-1]], tf.float32), name="w")
        w = self.w
        return tf.reduce_sum(tf.matmul(query, w) * key, axis=1)


class Attend(tf.Module):
    def __init__(self, name='attention'):
        super().__init__(name=name)
        self.score = None

    @tf.Module.with_name_scope
    def __call__(self, query, memory):
        keys = tf.unstack(memory, axis=1)
        scores = []
        for i, key in enumerate(keys):
            if self.score is None:
                with tf.init_scope():
                    self.score = AttentionScore()
            scores.append(self.score(query, key))
        weights = tf.nn.softmax(tf.stack(scores, axis=1))
        return tf.reduce_sum(weights[:, :, None] * memory, axis=1)
