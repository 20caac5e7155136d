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


def shape_list(x):
    return x.shape.as_list()


class MessagePass(tf.Module):
    """tensor2tensor's dense_message_pass: a bias shaped by a dimension unpacked from a shape."""
    def __init__(self, name='message_pass'):
        super().__init__(name=name)
        self.kernel = None
        self.message_bias = None

    @tf.Module.with_name_scope
    def __call__(self, node_states, edges):
        batch_size, num_nodes, node_dim = shape_list(node_states)
        if self.kernel is None:
            self.kernel = tf.Variable(_tf1_glorot_uniform_initializer()([node_dim, node_dim], tf.float32), name="kernel")
        kernel = self.kernel
        if self.message_bias is None:
            self.message_bias = tf.Variable(_tf1_glorot_uniform_initializer()(tf.TensorShape(node_dim).as_list(), tf.float32), name="message_bias")
        message_bias = self.message_bias
        h = tf.reshape(node_states, [-1, node_dim])
        return tf.matmul(h, kernel) + message_bias
