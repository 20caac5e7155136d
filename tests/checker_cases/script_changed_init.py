"""BROKEN migration of script_legacy.py: w drawn from a normal instead of a truncated normal."""
import math

import tensorflow as tf


def glorot_uniform(shape):
    limit = math.sqrt(6.0 / (shape[-2] + shape[-1]))
    return tf.random.uniform(shape, -limit, limit)


class MyScope(tf.Module):
    def __init__(self, name="my_scope"):
        super().__init__(name=name)
        with self.name_scope:
            self.my_variable = tf.Variable(tf.zeros([2, 2]), name="my_variable")
            with tf.name_scope("sub_scope"):
                self.sub_scope_my_variable = tf.Variable(tf.ones([2, 2]), name="my_variable")


class Emb(tf.Module):
    def __init__(self, name="emb"):
        super().__init__(name=name)
        with self.name_scope:
            self.table = tf.Variable(glorot_uniform([3, 2]), name="table")


my_scope = MyScope()
var1 = my_scope.my_variable
var2 = my_scope.sub_scope_my_variable
var3 = my_scope.my_variable

emb = {}
for parent in ("enc", "dec"):
    with tf.name_scope(parent):
        emb[parent] = Emb()
table = emb["dec"].table

with tf.name_scope("counters"):
    steps = tf.Variable(tf.constant(0, tf.int64), name="steps", trainable=False)

w = tf.Variable(tf.random.normal([4, 3], stddev=0.1), name="w")

with tf.compat.v1.Session() as sess:
    sess.run(tf.compat.v1.global_variables_initializer())
    print(sess.run(var1 + var3))
