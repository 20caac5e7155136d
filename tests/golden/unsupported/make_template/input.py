import tensorflow as tf


def _scorer(x, units=3):
    w = tf.get_variable("w", [x.get_shape()[-1], units],
                        initializer=tf.random_normal_initializer(stddev=0.1))
    b = tf.get_variable("b", [units], initializer=tf.zeros_initializer())
    return tf.matmul(x, w) + b


scorer = tf.make_template("scorer", _scorer, units=3)


def score_pair(left, right):
    # both calls share scorer/w and scorer/b through the template
    return scorer(left) - scorer(right)
