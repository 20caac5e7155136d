import tensorflow as tf


class LayerNorm(tf.Module):
    """Layer norm over the last axis, in the style of GPT-2's `norm`."""
    def __init__(self, name="layer_norm"):
        super().__init__(name=name)
        self.g = None
        self.b = None

    @tf.Module.with_name_scope
    def __call__(self, x, epsilon=1e-5):
        n_state = x.shape.as_list()[-1]
        if self.g is None:
            self.g = tf.Variable(tf.constant_initializer(1.0)([n_state], dtype=tf.float32), name="g")
        g = self.g
        if self.b is None:
            self.b = tf.Variable(tf.constant_initializer(0.0)([n_state], dtype=tf.float32), name="b")
        b = self.b
        mean, variance = tf.nn.moments(x, [-1], keepdims=True)
        return (x - mean) * tf.math.rsqrt(variance + epsilon) * g + b
