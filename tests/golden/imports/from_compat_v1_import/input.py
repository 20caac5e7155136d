import tensorflow as tf
from tensorflow.compat.v1 import get_variable, variable_scope
from tensorflow.compat.v1 import random_normal_initializer


def scorer(x):
    with variable_scope("scorer"):
        w = get_variable("w", [x.get_shape()[-1], 1],
                         initializer=random_normal_initializer(stddev=0.05))
        with variable_scope("bias"):
            b = get_variable("b", [1], initializer=tf.constant_initializer(0.0))
        return tf.matmul(x, w) + b
