import tensorflow as tf
from tf2_migrate_support import _tf1_scope, _tf1_truncated_normal_initializer


class BatchNormCall(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.scope_beta = {}
        self.scope_gamma = {}

    def __call__(self, owner, x, train=True):
        with _tf1_scope(owner.scope_name):
            n = x.shape[-1]
            if owner.scope_name not in self.scope_beta:
                self.scope_beta[owner.scope_name] = tf.Variable(tf.constant_initializer(0.0)([n], dtype=tf.float32), name="beta")
            beta = self.scope_beta[owner.scope_name]
            if owner.scope_name not in self.scope_gamma:
                self.scope_gamma[owner.scope_name] = tf.Variable(tf.random_normal_initializer(1.0, 0.02)([n], dtype=tf.float32), name="gamma")
            gamma = self.scope_gamma[owner.scope_name]
            mean, var = tf.nn.moments(x, [0, 1, 2])
            return tf.nn.batch_normalization(x, mean, var, beta, gamma, owner.epsilon)


class batch_norm(tf.Module):
    """Batch statistics only: the sampler's outputs do not depend on the order TF1 ran updates in."""

    def __init__(self, epsilon=1e-5, name="batch_norm"):
        super().__init__()
        self._call_module = {}
        self.epsilon = epsilon
        self.scope_name = name

    def __call__(self, x, train=True):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._call_module:
            self._call_module[key] = BatchNormCall()
        return self._call_module[key](self, x, train)


def lrelu(x, leak=0.2, name="lrelu"):
    return tf.maximum(x, leak * x)


class Conv2d(tf.Module):
    def __init__(self, name="conv2d"):
        super().__init__(name=name)
        self.w = None
        self.biases = None

    @tf.Module.with_name_scope
    def __call__(self, input_, output_dim, k_h=5, k_w=5, d_h=2, d_w=2, stddev=0.02):
        if self.w is None:
            self.w = tf.Variable(_tf1_truncated_normal_initializer(stddev=stddev)([k_h, k_w, input_.shape[-1], output_dim], dtype=tf.float32), name='w')
        w = self.w
        conv = tf.nn.conv2d(input_, filters=w, strides=[1, d_h, d_w, 1], padding='SAME')
        if self.biases is None:
            self.biases = tf.Variable(tf.constant_initializer(0.0)([output_dim], dtype=tf.float32), name='biases')
        biases = self.biases
        return tf.reshape(tf.nn.bias_add(conv, biases), tf.shape(conv))


class Deconv2d(tf.Module):
    def __init__(self, name="deconv2d"):
        super().__init__(name=name)
        self.w = None
        self.biases = None

    @tf.Module.with_name_scope
    def __call__(self, input_, output_shape, k_h=5, k_w=5, d_h=2, d_w=2, stddev=0.02):
        if self.w is None:
            self.w = tf.Variable(tf.random_normal_initializer(stddev=stddev)([k_h, k_w, output_shape[-1], input_.shape[-1]], dtype=tf.float32), name='w')
        w = self.w
        deconv = tf.nn.conv2d_transpose(input_, w, output_shape=output_shape, strides=[1, d_h, d_w, 1])
        if self.biases is None:
            self.biases = tf.Variable(tf.constant_initializer(0.0)([output_shape[-1]], dtype=tf.float32), name='biases')
        biases = self.biases
        return tf.reshape(tf.nn.bias_add(deconv, biases), deconv.shape)


class Linear(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name or 'Linear')
        self.matrix = None
        self.bias = None

    @tf.Module.with_name_scope
    def __call__(self, input_, output_size, stddev=0.02, bias_start=0.0):
        shape = input_.shape.as_list()
        if self.matrix is None:
            self.matrix = tf.Variable(tf.random_normal_initializer(stddev=stddev)([shape[1], output_size], dtype=tf.float32), name="Matrix")
        matrix = self.matrix
        if self.bias is None:
            self.bias = tf.Variable(tf.constant_initializer(bias_start)([output_size], dtype=tf.float32), name="bias")
        bias = self.bias
        return tf.matmul(input_, matrix) + bias
