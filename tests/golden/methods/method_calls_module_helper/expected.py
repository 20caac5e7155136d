import tensorflow as tf


def _tf1_truncated_normal_initializer(mean=0.0, stddev=1.0, seed=None, dtype=tf.float32):
    """TF1 tf.truncated_normal_initializer (same values in plain TF2)."""
    def init(shape, dtype=dtype, partition_info=None):
        return tf.random.truncated_normal(shape, mean, stddev, dtype, seed=seed)
    return init


class Linear(tf.Module):
    def __init__(self, name):
        super().__init__(name=name)
        self.w = None
        self.b = None

    @tf.Module.with_name_scope
    def __call__(self, x, output_size):
        if self.w is None:
            self.w = tf.Variable(_tf1_truncated_normal_initializer(stddev=0.1)([x.shape[-1], output_size], dtype=tf.float32), name="w")
        w = self.w
        if self.b is None:
            self.b = tf.Variable(tf.zeros_initializer()([output_size], dtype=tf.float32), name="b")
        b = self.b
        return tf.matmul(x, w) + b


class Forward(tf.Module):
    def __init__(self, name='policy'):
        super().__init__(name=name)
        self.fc = {}
        with self.name_scope:
            self.logits = Linear(name="logits")

    @tf.Module.with_name_scope
    def __call__(self, owner, obs):
        h = obs
        for i, size in enumerate(owner.hiddens):
            if "fc%d" % i not in self.fc:
                with tf.init_scope():
                    self.fc["fc%d" % i] = Linear(name="fc%d" % i)
            h = tf.tanh(self.fc["fc%d" % i](h, size))
        return self.logits(h, owner.num_actions)


class PolicyNetwork(tf.Module):
    def __init__(self, num_actions, hiddens=(8, 8)):
        super().__init__()
        self._forward_module = {}
        self.num_actions = num_actions
        self.hiddens = hiddens

    def forward(self, obs):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._forward_module:
            self._forward_module[key] = Forward()
        return self._forward_module[key](self, obs)
