import tensorflow as tf


def _tf1_truncated_normal_initializer(mean=0.0, stddev=1.0, seed=None, dtype=tf.float32):
    """TF1 tf.truncated_normal_initializer (same values in plain TF2)."""
    def init(shape, dtype=dtype, partition_info=None):
        return tf.random.truncated_normal(shape, mean, stddev, dtype, seed=seed)
    return init


class Conv2d(tf.Module):
    def __init__(self, name="conv2d"):
        super().__init__(name=name)
        self.w = None

    @tf.Module.with_name_scope
    def __call__(self, input_, output_dim, ks=3, s=1, stddev=0.02):
        if self.w is None:
            self.w = tf.Variable(_tf1_truncated_normal_initializer(stddev=stddev)([ks, ks, input_.shape[-1], output_dim], dtype=tf.float32), name="w")
        w = self.w
        return tf.nn.conv2d(input_, filters=w, strides=[1, s, s, 1], padding="SAME")


class InstanceNorm(tf.Module):
    def __init__(self, name="instance_norm"):
        super().__init__(name=name)
        self.scale = None
        self.offset = None

    @tf.Module.with_name_scope
    def __call__(self, x):
        depth = x.shape[3]
        if self.scale is None:
            self.scale = tf.Variable(tf.random_normal_initializer(1.0, 0.02)([depth], dtype=tf.float32), name="scale")
        scale = self.scale
        if self.offset is None:
            self.offset = tf.Variable(tf.constant_initializer(0.0)([depth], dtype=tf.float32), name="offset")
        offset = self.offset
        mean, variance = tf.nn.moments(x, axes=[1, 2], keepdims=True)
        return scale * (x - mean) * tf.math.rsqrt(variance + 1e-5) + offset


# a residual block reads only its arguments: it moves to module level
class ResiduleBlock(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.name_ = {}
        self.name__2 = {}
        self.name__3 = {}
        self.name__4 = {}

    def __call__(self, x, dim, ks=3, s=1, name='res'):
        if name + '_c1' not in self.name_:
            with tf.init_scope():
                self.name_[name + '_c1'] = Conv2d(name=name + '_c1')
        if name + '_bn1' not in self.name__2:
            with tf.init_scope():
                self.name__2[name + '_bn1'] = InstanceNorm(name=name + '_bn1')
        y = tf.nn.relu(self.name__2[name + '_bn1'](self.name_[name + '_c1'](x, dim, ks, s)))
        if name + '_c2' not in self.name__3:
            with tf.init_scope():
                self.name__3[name + '_c2'] = Conv2d(name=name + '_c2')
        if name + '_bn2' not in self.name__4:
            with tf.init_scope():
                self.name__4[name + '_bn2'] = InstanceNorm(name=name + '_bn2')
        y = self.name__4[name + '_bn2'](self.name__3[name + '_c2'](y, dim, ks, s))
        return y + x


class GeneratorResnet(tf.Module):
    def __init__(self, name="generator"):
        super().__init__(name=name)
        with self.name_scope:
            self.g_e1_c = Conv2d(name='g_e1_c')
            self.g_e1_bn = InstanceNorm(name='g_e1_bn')
            self.residule_block = ResiduleBlock()
            self.g_pred_c = Conv2d(name='g_pred_c')

    @tf.Module.with_name_scope
    def __call__(self, image, gf_dim=4, reuse=False):

        c1 = tf.nn.relu(self.g_e1_bn(self.g_e1_c(image, gf_dim, 3, 1)))
        r1 = self.residule_block(c1, gf_dim, name='g_r1')
        r2 = self.residule_block(r1, gf_dim, name='g_r2')
        return tf.nn.tanh(self.g_pred_c(r2, 3, 3, 1))
