import tensorflow as tf
from model import cyclegan


def main():
    model = cyclegan()
    a = tf.placeholder(tf.float32, [1, 8, 8, 3])
    b = tf.placeholder(tf.float32, [1, 8, 8, 3])
    return model.build(a, b)
