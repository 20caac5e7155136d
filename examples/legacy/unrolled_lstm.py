"""Hand-unrolled two-layer LSTM language model (TF1 graph code).

Entry point: ``build_lm(inputs, targets, num_units=8, num_layers=2, num_classes=5)``
Inputs:
    inputs   float32[2,4,3]  batch x time x features
    targets  int32[2,4]      class id per time step (< num_classes)

TF1 graph code. Each time step re-enters ``rnn/cell_<l>`` with
``reuse=(t > 0)`` so all steps share one set of weights; the softmax layer
is shared across steps by passing ``reuse`` down to ``softmax_layer``.
"""
import tensorflow as tf


def _weight(name, shape, stddev=0.1):
    return tf.get_variable(name, shape,
                           initializer=tf.truncated_normal_initializer(stddev=stddev))


def lstm_cell(x, state, num_units, forget_bias=1.0):
    """One LSTM step. Creates its variables in the caller's scope."""
    c, h = state
    input_size = x.get_shape().as_list()[1]
    w = _weight("kernel", [input_size + num_units, 4 * num_units])
    b = tf.get_variable("bias", [4 * num_units], initializer=tf.zeros_initializer())
    gates = tf.nn.bias_add(tf.matmul(tf.concat([x, h], axis=1), w), b)
    i, j, f, o = tf.split(gates, num_or_size_splits=4, axis=1)
    new_c = c * tf.sigmoid(f + forget_bias) + tf.sigmoid(i) * tf.tanh(j)
    new_h = tf.tanh(new_c) * tf.sigmoid(o)
    return new_c, new_h


def softmax_layer(h, num_classes, reuse=None):
    with tf.variable_scope("softmax", reuse=reuse):
        w = tf.get_variable("softmax_w", [h.get_shape()[1], num_classes])
        b = tf.get_variable("softmax_b", [num_classes],
                            initializer=tf.constant_initializer(0.1))
        return tf.matmul(h, w) + b


def build_lm(inputs, targets, num_units=8, num_layers=2, num_classes=5):
    batch_size = tf.shape(inputs)[0]
    num_steps = inputs.get_shape()[1].value
    states = [(tf.zeros([batch_size, num_units]), tf.zeros([batch_size, num_units]))
              for _ in range(num_layers)]
    step_counter = tf.Variable(0, trainable=False, name="global_step")
    logits = []
    with tf.variable_scope("rnn"):
        for t in range(num_steps):
            x = inputs[:, t, :]
            for l in range(num_layers):
                with tf.variable_scope("cell_%d" % l, reuse=(t > 0)):
                    states[l] = lstm_cell(x, states[l], num_units)
                    x = states[l][1]
            logits.append(softmax_layer(x, num_classes, reuse=(t > 0)))
    logits = tf.stack(logits, axis=1)
    loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(
        labels=targets, logits=logits))
    return logits, loss, step_counter
