"""Tacotron-style model class: encoder prenet + CBHG-lite + attention decoder (TF1 graph code).

Entry point: ``build_tacotron(inputs, mel_targets)``
Inputs:
    inputs       int32[2,5]     character ids (< 10)
    mel_targets  float32[2,3,4] target mel frames (batch x frames x num_mels)

TF1 graph code in the style of keithito/tacotron. ``Tacotron.__init__``
stores hyper-parameters only; the methods ``encoder``, ``decoder`` and
``initialize`` create variables with ``tf.get_variable``. The prenet is
built by one function under ``encoder_prenet`` and ``decoder_prenet``; the
decoder step is unrolled with ``reuse=tf.AUTO_REUSE``.
"""
import tensorflow as tf


class HParams(object):
    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)


def default_hparams():
    return HParams(num_symbols=10, embed_depth=6, prenet_depths=[8, 4],
                   encoder_depth=6, attention_depth=6, num_mels=4)


def prenet(inputs, layer_sizes, scope=None):
    x = inputs
    with tf.variable_scope(scope or 'prenet'):
        for i, size in enumerate(layer_sizes):
            with tf.variable_scope('dense_%d' % (i + 1)):
                w = tf.get_variable('kernel', [x.get_shape()[-1].value, size])
                b = tf.get_variable('bias', [size], initializer=tf.zeros_initializer())
                x = tf.nn.relu(tf.tensordot(x, w, 1) + b)
    return x


def highway(x, scope):
    depth = x.get_shape()[-1].value
    with tf.variable_scope(scope):
        w_h = tf.get_variable('H_kernel', [depth, depth])
        w_t = tf.get_variable('T_kernel', [depth, depth])
        b_t = tf.get_variable('T_bias', [depth], initializer=tf.constant_initializer(-1.0))
        h = tf.nn.relu(tf.tensordot(x, w_h, 1))
        t = tf.sigmoid(tf.tensordot(x, w_t, 1) + b_t)
        return h * t + x * (1.0 - t)


class Tacotron(object):
    def __init__(self, hparams):
        self._hparams = hparams

    def encoder(self, embedded_inputs):
        hp = self._hparams
        with tf.variable_scope('encoder'):
            x = prenet(embedded_inputs, hp.prenet_depths, scope='encoder_prenet')
            proj = tf.get_variable('projection', [x.get_shape()[-1].value, hp.encoder_depth],
                                   initializer=tf.truncated_normal_initializer(stddev=0.1))
            x = tf.tensordot(x, proj, 1)
            for i in range(2):
                x = highway(x, scope='highwaynet_%d' % (i + 1))
            return x

    def attention(self, query, memory):
        hp = self._hparams
        with tf.variable_scope('attention', reuse=tf.AUTO_REUSE):
            w_q = tf.get_variable('query_layer', [query.get_shape()[-1].value, hp.attention_depth])
            w_m = tf.get_variable('memory_layer', [memory.get_shape()[-1].value, hp.attention_depth])
            v = tf.get_variable('attention_v', [hp.attention_depth])
            keys = tf.tensordot(memory, w_m, 1)
            q = tf.matmul(query, w_q)[:, None, :]
            scores = tf.reduce_sum(v * tf.tanh(keys + q), axis=-1)
            alignments = tf.nn.softmax(scores)
            return tf.reduce_sum(alignments[:, :, None] * memory, axis=1)

    def decoder(self, memory, mel_targets):
        hp = self._hparams
        frames = tf.unstack(mel_targets, axis=1)
        go = tf.zeros_like(frames[0])
        prev = [go] + frames[:-1]
        outputs = []
        with tf.variable_scope('decoder'):
            for t, frame in enumerate(prev):
                with tf.variable_scope('step', reuse=tf.AUTO_REUSE):
                    x = prenet(frame, hp.prenet_depths, scope='decoder_prenet')
                    context = self.attention(x, memory)
                    w_out = tf.get_variable('frame_projection',
                                            [x.get_shape()[-1].value + hp.encoder_depth,
                                             hp.num_mels])
                    outputs.append(tf.matmul(tf.concat([x, context], -1), w_out))
        return tf.stack(outputs, axis=1)

    def initialize(self, inputs, mel_targets):
        hp = self._hparams
        with tf.variable_scope('inference'):
            embedding_table = tf.get_variable(
                'embedding', [hp.num_symbols, hp.embed_depth], dtype=tf.float32,
                initializer=tf.truncated_normal_initializer(stddev=0.5))
            embedded_inputs = tf.nn.embedding_lookup(embedding_table, inputs)
            encoder_outputs = self.encoder(embedded_inputs)
            self.mel_outputs = self.decoder(encoder_outputs, mel_targets)
            self.loss = tf.reduce_mean(tf.abs(mel_targets - self.mel_outputs))
        return self.mel_outputs, self.loss


def build_tacotron(inputs, mel_targets):
    model = Tacotron(default_hparams())
    return model.initialize(inputs, mel_targets)
