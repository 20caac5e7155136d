import tensorflow as tf
import ops
from ops import linear


def critic(x):
    with tf.compat.v1.variable_scope("critic", custom_getter=lambda getter, *a, **k: getter(*a, **k)):
        return linear(tf.nn.relu(ops.linear(x, 8, "h")), 1, "v")
