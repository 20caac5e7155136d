import tensorflow as tf
from ops import Linear, Mlp


class Generator(tf.Module):
    def __init__(self, name='generator'):
        super().__init__(name=name)
        with self.name_scope:
            self.mlp = Mlp(name="mlp")
            self.out = Linear(name="out")

    @tf.Module.with_name_scope
    def __call__(self, z):
        return tf.nn.tanh(self.out(self.mlp(z, [8, 8]), 6))
