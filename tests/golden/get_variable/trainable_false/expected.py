import tensorflow as tf


class RunningNormalizer(tf.Module):
    def __init__(self, name='obs_normalizer'):
        super().__init__(name=name)
        self.mean = None
        self.var = None
        self.scale = None

    @tf.Module.with_name_scope
    def __call__(self, x, momentum=0.99):
        dim = x.shape[-1]
        if self.mean is None:
            self.mean = tf.Variable(tf.zeros_initializer()([dim], dtype=tf.float32), name="mean", trainable=False)
        mean = self.mean
        if self.var is None:
            self.var = tf.Variable(tf.ones_initializer()([dim], dtype=tf.float32), name="var", trainable=False)
        var = self.var
        if self.scale is None:
            self.scale = tf.Variable(tf.ones_initializer()([dim], dtype=tf.float32), name="scale")
        scale = self.scale
        batch_mean, batch_var = tf.nn.moments(x, [0])
        new_mean = momentum * mean + (1 - momentum) * batch_mean
        new_var = momentum * var + (1 - momentum) * batch_var
        return scale * (x - new_mean) / tf.sqrt(new_var + 1e-8)
