from __future__ import division
import tensorflow as tf
from ops import *


class Discriminator(tf.Module):
    def __init__(self, name="discriminator"):
        super().__init__(name=name)
        with self.name_scope:
            self.d_h0_conv = Conv2d(name='d_h0_conv')
            self.d_h1_pred = Conv2d(name='d_h1_pred')

    @tf.Module.with_name_scope
    def __call__(self, image, options, reuse=False):
        h0 = lrelu(self.d_h0_conv(image, options.df_dim))
        return self.d_h1_pred(h0, 1, s=1)


class Generator(tf.Module):
    def __init__(self, name="generator"):
        super().__init__(name=name)
        with self.name_scope:
            self.g_pred = Conv2d(name='g_pred')

    @tf.Module.with_name_scope
    def __call__(self, image, options, reuse=False):
        return tf.nn.tanh(self.g_pred(image, options.output_c_dim, s=1))
