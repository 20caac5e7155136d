import tensorflow as tf


class BatchNorm(tf.Module):
    def __init__(self, name="bn"):
        super().__init__(name=name)
        self.gamma = None
        self.gamma_regularizer = None
        self.beta = None
        self.moving_mean = None
        self.moving_variance = None

    @tf.Module.with_name_scope
    def __call__(self, x, decay=0.9, eps=1e-3):
        n = x.shape[-1]
        if self.gamma is None:
            self.gamma = tf.Variable(tf.ones_initializer()([n], dtype=tf.float64), name="gamma")
            self.gamma_regularizer = lambda v: 1e-3 * tf.reduce_sum(tf.square(v))
        gamma = self.gamma
        if self.beta is None:
            self.beta = tf.Variable(tf.zeros_initializer()([n], dtype=tf.float64), name="beta")
        beta = self.beta
        if self.moving_mean is None:
            self.moving_mean = tf.Variable(tf.zeros_initializer()([n], dtype=tf.float64), name="moving_mean", trainable=False)
        moving_mean = self.moving_mean
        if self.moving_variance is None:
            self.moving_variance = tf.Variable(tf.ones_initializer()([n], dtype=tf.float64), name="moving_variance", trainable=False)
        moving_var = self.moving_variance
        mean, var = tf.nn.moments(x, [0], keepdims=False)
        update_mean = moving_mean.assign(decay * moving_mean + (1 - decay) * mean)
        update_var = moving_var.assign(decay * moving_var + (1 - decay) * var)
        with tf.control_dependencies([update_mean, update_var]):
            return tf.nn.batch_normalization(x, mean, var, beta, gamma, eps)

    def regularization_losses(self):
        """The REGULARIZATION_LOSSES TF1 collected for this module's own variables."""
        losses = []
        if self.gamma is not None:
            losses.append(self.gamma_regularizer(self.gamma))
        return [loss for loss in losses if loss is not None]


class Model(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.bn_in = BatchNorm(name="bn_in")

    def __call__(self, x):
        h = self.bn_in(tf.cast(x, tf.float64))
        reg = tf.add_n([loss for module in (self, *self.submodules) for loss in getattr(module, 'regularization_losses', list)()])
        return h, reg
