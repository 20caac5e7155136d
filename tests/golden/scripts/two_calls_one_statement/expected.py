import tensorflow as tf


class A(tf.Module):
    def __init__(self, name='a'):
        super().__init__(name=name)
        self.w = None

    @tf.Module.with_name_scope
    def __call__(self, x):
        if self.w is None:
            self.w = tf.Variable(tf.ones_initializer()([], dtype=tf.float32), name="w")
        return x * self.w


class B(tf.Module):
    def __init__(self, name='b'):
        super().__init__(name=name)
        self.w = None

    @tf.Module.with_name_scope
    def __call__(self, x):
        if self.w is None:
            self.w = tf.Variable(tf.ones_initializer()([], dtype=tf.float32), name="w")
        return x + self.w
a = A()
b = B()


y = a(tf.ones([2])) + b(tf.ones([2]))
