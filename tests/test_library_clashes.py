"""A TF name the file imports that a layer library class also takes (`from tensorflow.contrib.rnn
import GRUCell`): the converted class builds the library's GRUCell, the code that stays TF1 keeps
contrib's (as its compat spelling), and no contrib import is left (helper L's finding)."""

from __future__ import annotations

from migrate.transform import transform_source


def test_an_imported_cell_name_beside_the_library_class() -> None:
    out = transform_source('''import tensorflow as tf
from tensorflow.contrib.rnn import GRUCell


def encoder(inputs, lengths):
    with tf.variable_scope("enc"):
        outputs, states = tf.nn.bidirectional_dynamic_rnn(
            GRUCell(4), GRUCell(4), inputs, sequence_length=lengths, dtype=tf.float32)
        return tf.concat(outputs, axis=2)


def legacy_cell(n):
    return GRUCell(n)
''', "enc.py")
    assert "class Encoder(tf.Module):" in out.code and "class GRUCell(" in out.code
    assert "            GRUCell(4), GRUCell(4), inputs" in out.code  # the library's class
    assert "return tf.compat.v1.nn.rnn_cell.GRUCell(n)" in out.code  # contrib's, for TF1 code
    assert "tensorflow.contrib" not in out.code
