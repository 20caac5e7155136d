"""Scopes left in code that stays TF1 say why, also where their own function reports nothing.

srez's `Model` class stays TF1 (there: a `set()` of its variable listing; here: a partitioner); `add_flatten` creates nothing
and only names ops with a variable_scope, so it had no diagnostic of its own and its scope was
told only 'kept as tf.compat.v1'. Now it names its class's first reason. seqgan's `Generator`
and Kyubyong's legacy `Graph.__init__` build the training graph (placeholders and an optimizer):
a training-graph builder stays TF1 graph code by design, and its scopes now say so.
"""

from __future__ import annotations

from migrate.transform import transform_source

MODEL = '''import tensorflow as tf


class Model(object):
    def __init__(self, x):
        self.outputs = [x]

    def add_dense(self, units, p):
        with tf.variable_scope("layer_%d" % len(self.outputs)):
            w = tf.get_variable("w", [int(self.outputs[-1].get_shape()[-1]), units], partitioner=p)
            self.outputs.append(tf.matmul(self.outputs[-1], w))
        return self

    def add_relu(self):
        with tf.variable_scope("relu_%d" % len(self.outputs)):
            self.outputs.append(tf.nn.relu(self.outputs[-1]))
        return self
'''

HOST = '''import tensorflow as tf


def dense(x, units, name):
    with tf.variable_scope(name):
        w = tf.get_variable("w", [x.get_shape()[-1], units])
        return tf.matmul(x, w)


class Graph(object):
    def __init__(self):
        self.x = tf.placeholder(tf.float32, [None, 3])
        with tf.variable_scope("net"):
            self.y = dense(self.x, 2, "out")
        self.loss = tf.reduce_mean(self.y)
        self.train_op = tf.train.AdamOptimizer(0.1).minimize(self.loss)
'''


def _notes(source: str, text: str) -> list:
    out = transform_source(source, "model.py")
    return [d for d in out.diagnostics if d.code == "compat-v1-kept" and text in d.message]


def test_a_method_of_a_class_that_stays_names_the_class_reason() -> None:
    notes = _notes(MODEL, "in Model.add_relu stays TF1 code")
    assert len(notes) == 1 and notes[0].line == 15
    assert "its class Model stays TF1 (" in notes[0].message and " at line " in notes[0].message


def test_a_training_graph_builder_says_it_stays_graph_code() -> None:
    notes = _notes(HOST, "in Graph.__init__ stays TF1 code")
    assert [d.line for d in notes] == [13]
    assert "builds the training graph" in notes[0].message and notes[0].severity == "info"
