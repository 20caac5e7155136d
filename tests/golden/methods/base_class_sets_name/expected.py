import tensorflow as tf


def _tf1_scope(name):
    """A TF1 variable scope's name in TF2: entering it again reuses the name, also in tf.function
    (whose graph would make a relative name_scope unique: step, step_1, ...)."""
    current = tf.get_current_name_scope()
    return tf.name_scope(f"{current}/{name}/" if current else f"{name}/")


class Model(tf.Module):
    def __init__(self, name):
        super().__init__()
        self.scope_name = name

    @property
    def trainable_vars(self):
        return tf.compat.v1.get_collection(tf.compat.v1.GraphKeys.TRAINABLE_VARIABLES, scope=self.scope_name)


class CriticCall(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.scope_w = {}
        self.scope_v = {}

    def __call__(self, owner, obs):
        with _tf1_scope(owner.scope_name):
            if owner.scope_name not in self.scope_w:
                self.scope_w[owner.scope_name] = tf.Variable(tf.random_normal_initializer(stddev=0.1)([obs.shape[-1], owner.hidden], dtype=tf.float32), name="w")
            w = self.scope_w[owner.scope_name]
            if owner.scope_name not in self.scope_v:
                self.scope_v[owner.scope_name] = tf.Variable(tf.random_normal_initializer(stddev=0.1)([owner.hidden, 1], dtype=tf.float32), name="v")
            v = self.scope_v[owner.scope_name]
            return tf.matmul(tf.nn.relu(tf.matmul(obs, w)), v)


class Critic(Model):
    def __init__(self, name="critic", hidden=8):
        self._call_module = {}
        super(Critic, self).__init__(name=name)
        self.hidden = hidden

    def __call__(self, obs, reuse=False):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._call_module:
            self._call_module[key] = CriticCall()
        return self._call_module[key](self, obs)


class CriticPair(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.critic = None

    def __call__(self, obs, obs_next):
        if self.critic is None:
            self.critic = Critic()
        critic = self.critic
        return critic(obs), critic(obs_next, reuse=True)
