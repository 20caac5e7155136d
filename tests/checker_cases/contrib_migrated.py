"""A wrong migration of contrib_legacy.py: Keras' GlorotUniform is not contrib's xavier."""
import tensorflow as tf


class Build(tf.Module):
    def __init__(self, name="net"):
        super().__init__(name=name)
        with self.name_scope:
            self.w = tf.Variable(tf.keras.initializers.GlorotUniform()([4, 2]), name="w")

    def __call__(self, x):
        return tf.matmul(x, self.w)
