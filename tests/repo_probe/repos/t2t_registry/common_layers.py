import functools

import tensorflow as tf



def add_scope(scope=None, scope_fn=None):
    """Wraps fn in a variable scope named after the function (t2t's common_layers.add_scope)."""
    def decorator(f):
        @functools.wraps(f)
        def decorated(*args, **kwargs):
            name = kwargs.pop("name", None)
            with (scope_fn or tf.variable_scope)(name or scope or f.__name__):
                return f(*args, **kwargs)
        return decorated
    return decorator


def shape_list(x):
    static = x.get_shape().as_list()
    dynamic = tf.shape(x)
    return [dynamic[i] if dim is None else dim for i, dim in enumerate(static)]


def dense(x, units, name, use_bias=True, activation=None):
    with tf.variable_scope(name):
        w = tf.get_variable("kernel", [x.get_shape().as_list()[-1], units],
                            initializer=tf.glorot_uniform_initializer())
        y = tf.tensordot(x, w, 1) if len(x.get_shape()) > 2 else tf.matmul(x, w)
        if use_bias:
            y += tf.get_variable("bias", [units], initializer=tf.zeros_initializer())
        return activation(y) if activation is not None else y


def mlp(x, hidden_sizes, name="mlp"):
    with tf.variable_scope(name):
        for i, size in enumerate(hidden_sizes):
            x = dense(x, size, "layer_%d" % i, activation=tf.nn.relu)
        return x


def gated_linear(x, units, name="gated"):
    with tf.variable_scope(name):
        return dense(x, units, "values") * tf.sigmoid(dense(x, units, "gates"))


def log_shapes(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        out = fn(*args, **kwargs)
        tf.logging.debug("%s -> %s", fn.__name__, out.get_shape())
        return out
    return wrapper


@log_shapes
def layer_preprocess(x, name="layer_prepostprocess"):
    with tf.variable_scope(name):
        scale = tf.get_variable("layer_norm_scale", [x.get_shape()[-1]], initializer=tf.ones_initializer())
        bias = tf.get_variable("layer_norm_bias", [x.get_shape()[-1]], initializer=tf.zeros_initializer())
        mean, variance = tf.nn.moments(x, [-1], keep_dims=True)
        return (x - mean) * tf.rsqrt(variance + 1e-6) * scale + bias
