"""An NMT-style encoder-decoder: dynamic_rnn encoder, a Dense output layer object, a teacher-forced
dynamic_rnn decoder, and the tf.contrib.seq2seq decoder the tutorial uses for training."""
import tensorflow as tf

import model_helper


class HParams(object):
    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)


def default_hparams():
    return HParams(src_vocab_size=11, tgt_vocab_size=9, num_units=6, num_layers=2,
                   unit_type="lstm", forget_bias=1.0, dropout=0.0, learning_rate=0.5)


class BaseModel(object):
    def __init__(self, hparams, mode="train", scope=None):
        self.hparams = hparams
        self.mode = mode
        self.scope = scope or "dynamic_seq2seq"
        self.embedding_encoder, self.embedding_decoder = model_helper.create_emb_for_encoder_and_decoder(
            hparams.src_vocab_size, hparams.tgt_vocab_size, hparams.num_units, hparams.num_units)
        with tf.variable_scope(self.scope or "build_network"):
            with tf.variable_scope("decoder/output_projection"):
                self.output_layer = tf.layers.Dense(hparams.tgt_vocab_size, use_bias=False,
                                                    name="output_projection")

    def _build_encoder(self, source):
        hparams = self.hparams
        with tf.variable_scope("encoder") as scope:
            encoder_emb_inp = tf.nn.embedding_lookup(self.embedding_encoder, source)
            cell = model_helper.create_rnn_cell(hparams.unit_type, hparams.num_units, hparams.num_layers,
                                                hparams.forget_bias, hparams.dropout, self.mode)
            encoder_outputs, encoder_state = tf.nn.dynamic_rnn(cell, encoder_emb_inp, dtype=tf.float32,
                                                               scope=scope)
        return encoder_outputs, encoder_state

    def _build_decoder_teacher_forced(self, encoder_state, target_input):
        hparams = self.hparams
        with tf.variable_scope("decoder") as decoder_scope:
            cell = model_helper.create_rnn_cell(hparams.unit_type, hparams.num_units, hparams.num_layers,
                                                hparams.forget_bias, hparams.dropout, self.mode)
            decoder_emb_inp = tf.nn.embedding_lookup(self.embedding_decoder, target_input)
            outputs, final_state = tf.nn.dynamic_rnn(cell, decoder_emb_inp, initial_state=encoder_state,
                                                     dtype=tf.float32, scope=decoder_scope)
            logits = self.output_layer(outputs)
        return logits

    def _build_decoder_contrib(self, encoder_state, target_input, target_length):
        hparams = self.hparams
        with tf.variable_scope("decoder") as decoder_scope:
            cell = model_helper.create_rnn_cell(hparams.unit_type, hparams.num_units, hparams.num_layers,
                                                hparams.forget_bias, hparams.dropout, self.mode)
            decoder_emb_inp = tf.nn.embedding_lookup(self.embedding_decoder, target_input)
            helper = tf.contrib.seq2seq.TrainingHelper(decoder_emb_inp, target_length)
            my_decoder = tf.contrib.seq2seq.BasicDecoder(cell, helper, encoder_state)
            outputs, final_context_state, _ = tf.contrib.seq2seq.dynamic_decode(
                my_decoder, swap_memory=True, scope=decoder_scope)
            logits = self.output_layer(outputs.rnn_output)
        return logits

    def logits(self, source, target_input):
        with tf.variable_scope(self.scope):
            _, encoder_state = self._build_encoder(source)
            return self._build_decoder_teacher_forced(encoder_state, target_input)

    def contrib_logits(self, source, target_input, target_length):
        with tf.variable_scope(self.scope):
            _, encoder_state = self._build_encoder(source)
            return self._build_decoder_contrib(encoder_state, target_input, target_length)
