import tensorflow as tf


class Critic(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.critic_w = None
        self.critic_b = None

    def __call__(self, x):
        if self.critic_w is None:
            self.critic_w = tf.Variable(tf.compat.v1.glorot_uniform_initializer()([x.get_shape()[-1], 1], tf.float32), name="critic_w")
        w = self.critic_w
        if self.critic_b is None:
            self.critic_b = tf.Variable(tf.zeros_initializer()([1], dtype=tf.float32), name="critic_b")
        b = self.critic_b
        return tf.matmul(x, w) + b


class WganGpTerms(tf.Module):
    def __init__(self, name='wgan'):
        super().__init__(name=name)
        with self.name_scope:
            self.critic = Critic()

    @tf.Module.with_name_scope
    def __call__(self, real, fake, alpha):
        d_real = self.critic(real)
        d_fake = self.critic(fake)
        interp = real + alpha * (fake - real)
        d_interp = self.critic(interp)
        grads = tf.gradients(d_interp, [interp])[0]
        penalty = tf.reduce_mean(tf.square(tf.norm(grads, axis=1) - 1.0))
        return tf.reduce_mean(d_fake) - tf.reduce_mean(d_real) + 10.0 * penalty
