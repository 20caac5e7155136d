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


def _tf1_scope(name):
    """A TF1 variable scope's name in TF2: entering it again reuses the name, also in tf.function
    (whose graph would make a relative name_scope unique: step, step_1, ...)."""
    current = tf.get_current_name_scope()
    return tf.name_scope(f"{current}/{name}/" if current else f"{name}/")


def _tf1_named(module_class, name):
    """A module for a TF1 scope path ('policy/pi'): tf.Module names are identifiers, so it is built
    under the outer scopes, as TF1 opened them, and named by the last part."""
    outer, _, last = name.rpartition("/")
    if not outer:
        return module_class(name=name)
    with _tf1_scope(outer):
        return module_class(name=last)
# RL policy heads name their layers by scope paths ('policy/pi', '%s/vf' % name): TF1 opens
# every part (policy/pi/Matrix), and no tf.Module takes a name with a '/'


class Linear(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name or 'Linear')
        self.matrix = None
        self.bias = None

    @tf.Module.with_name_scope
    def __call__(self, x, output_size):
        if self.matrix is None:
            self.matrix = tf.Variable(_tf1_glorot_uniform_initializer()([x.shape[1], output_size], tf.float32), name="Matrix")
        matrix = self.matrix
        if self.bias is None:
            self.bias = tf.Variable(tf.zeros_initializer()([output_size], dtype=tf.float32), name="bias")
        bias = self.bias
        return tf.matmul(x, matrix) + bias


class Heads(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.policy_pi = _tf1_named(Linear, "policy/pi")
        self.policy_vf = _tf1_named(Linear, "policy/vf")

    def __call__(self, x):
        return self.policy_pi(x, 2), self.policy_vf(x, 1)


class NamedHeads(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.pi = {}
        self.name_ = {}

    def __call__(self, x, name):
        if "%s/pi" % name not in self.pi:
            with tf.init_scope():
                self.pi["%s/pi" % name] = _tf1_named(Linear, "%s/pi" % name)
        pi = self.pi["%s/pi" % name](x, 2)
        if name + "/vf" not in self.name_:
            with tf.init_scope():
                self.name_[name + "/vf"] = _tf1_named(Linear, name + "/vf")
        vf = self.name_[name + "/vf"](x, 1)
        return pi, vf


class ActorCritic(tf.Module):
    def __init__(self, name='model'):
        super().__init__(name=name)
        with self.name_scope:
            self.shared_fc1 = _tf1_named(Linear, "shared/fc1")
            self.heads = Heads()

    @tf.Module.with_name_scope
    def __call__(self, x):
        h = tf.nn.tanh(self.shared_fc1(x, 4))
        return self.heads(h)
