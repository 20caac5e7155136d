import tensorflow as tf


class Linear(tf.Module):
    def __init__(self, name):
        super().__init__(name=name)
        self.w = None
        self.b = None

    @tf.Module.with_name_scope
    def __call__(self, x, size, stddev=0.02):
        if self.w is None:
            self.w = tf.Variable(tf.random_normal_initializer(stddev=stddev)([x.shape[-1], size], dtype=tf.float32), name="w")
        w = self.w
        if self.b is None:
            self.b = tf.Variable(tf.zeros_initializer()([size], dtype=tf.float32), name="b")
        b = self.b
        return tf.matmul(x, w) + b


class Block(tf.Module):
    def __init__(self, name):
        super().__init__(name=name)
        with self.name_scope:
            self.fc1 = Linear(name="fc1")
            self.fc2 = Linear(name="fc2")

    @tf.Module.with_name_scope
    def __call__(self, x, size):
        h = tf.nn.relu(self.fc1(x, size))
        return x + self.fc2(h, size)


class CriticCritic(tf.Module):
    def __init__(self, name='critic'):
        super().__init__(name=name)
        with self.name_scope:
            self.in_ = Linear(name="in")
            self.res = Block(name="res")
            self.out = Linear(name="out")

    @tf.Module.with_name_scope
    def __call__(self, owner, x):
        h = self.in_(x, owner.hidden)
        h = self.res(h, owner.hidden)
        return self.out(h, 1)


class Pair(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)

    def __call__(self, owner, real, fake):
        return owner.critic(real), owner.critic(fake, reuse=True)


class Critic(tf.Module):
    """A model class whose layer helpers are static methods (no `self`), and a block built by a
    class method that only calls them through `cls`."""

    def __init__(self, hidden=8):
        super().__init__(name='critic_object')
        self._critic_module = {}
        self._pair_module = {}
        self.hidden = hidden

    def critic(self, x, reuse=False):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._critic_module:
            self._critic_module[key] = CriticCritic()
        return self._critic_module[key](self, x)

    def pair(self, real, fake):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._pair_module:
            self._pair_module[key] = Pair()
        return self._pair_module[key](self, real, fake)
