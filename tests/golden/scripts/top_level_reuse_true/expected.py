import tensorflow as tf


class Foo(tf.Module):
    def __init__(self, name='foo'):
        super().__init__(name=name)
        with self.name_scope:
            self.v = tf.Variable(tf.constant_initializer(3.0)([1], dtype=tf.float32), name="v")


foo = Foo()
v = foo.v
v1 = foo.v

assert v1 is v

print([v.numpy(), v1.numpy()])
