import tensorflow as tf
from model import cyclegan


def main():
    model = cyclegan()
    a = tf.compat.v1.placeholder(tf.float32, [1, 8, 8, 3])
    b = tf.compat.v1.placeholder(tf.float32, [1, 8, 8, 3])
    return model.build(a, b)
