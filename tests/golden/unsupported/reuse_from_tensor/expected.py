import tensorflow as tf


class Discriminator(tf.Module):
    def __init__(self, name='discriminator'):
        super().__init__(name=name)
        self.w = None

    @tf.Module.with_name_scope
    def __call__(self, x, is_fake):
        # the reuse decision comes from run-time data: not decidable statically
        reuse = tf.cond(is_fake, lambda: tf.constant(True), lambda: tf.constant(False))
        if self.w is None:
            self.w = tf.Variable(tf.compat.v1.glorot_uniform_initializer()([x.get_shape()[-1], 1], tf.float32), name="w")
        w = self.w
        return tf.matmul(x, w)
