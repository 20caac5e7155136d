import tensorflow as tf
from tf2_migrate_support import ContribBatchNorm


class BatchNormCall(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.scope = {}

    def __call__(self, owner, x, train=True):
        if owner.scope_name not in self.scope:
            self.scope[owner.scope_name] = ContribBatchNorm(name=owner.scope_name)
        return self.scope[owner.scope_name](x, decay=owner.momentum, updates_collections=None,
                                            epsilon=owner.epsilon, scale=True, is_training=train)


class batch_norm(tf.Module):
    def __init__(self, epsilon=1e-5, momentum=0.9, name="batch_norm"):
        super().__init__()
        self._call_module = {}
        self.epsilon = epsilon
        self.momentum = momentum
        self.scope_name = name

    def __call__(self, x, train=True):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._call_module:
            self._call_module[key] = BatchNormCall()
        return self._call_module[key](self, x, train)


class Linear(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name or 'Linear')
        self.matrix = None
        self.bias = None

    @tf.Module.with_name_scope
    def __call__(self, input_, output_size, stddev=0.02):
        shape = input_.shape.as_list()
        if self.matrix is None:
            self.matrix = tf.Variable(tf.random_normal_initializer(stddev=stddev)([shape[1], output_size], dtype=tf.float32), name="Matrix")
        matrix = self.matrix
        if self.bias is None:
            self.bias = tf.Variable(tf.constant_initializer(0.0)([output_size], dtype=tf.float32), name="bias")
        bias = self.bias
        return tf.matmul(input_, matrix) + bias


