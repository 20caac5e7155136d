import tensorflow as tf


def _scorer(x, units=3):
    w = tf.compat.v1.get_variable("w", [x.get_shape()[-1], units],
                        initializer=tf.compat.v1.random_normal_initializer(stddev=0.1))
    b = tf.compat.v1.get_variable("b", [units], initializer=tf.compat.v1.zeros_initializer())
    return tf.matmul(x, w) + b


scorer = tf.compat.v1.make_template("scorer", _scorer, units=3)


def score_pair(left, right):
    # both calls share scorer/w and scorer/b through the template
    return scorer(left) - scorer(right)
