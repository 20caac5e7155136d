"""A BERT-like encoder: a config object and a model class whose __init__ builds the graph."""
import copy
import json
import math

import six
import tensorflow as tf


class ModelConfig(object):
    def __init__(self, vocab_size, hidden_size=8, num_hidden_layers=2, intermediate_size=16,
                 max_position_embeddings=16, initializer_range=0.02):
        self.vocab_size = vocab_size
        self.hidden_size = hidden_size
        self.num_hidden_layers = num_hidden_layers
        self.intermediate_size = intermediate_size
        self.max_position_embeddings = max_position_embeddings
        self.initializer_range = initializer_range

    @classmethod
    def from_dict(cls, json_object):
        config = ModelConfig(vocab_size=None)
        for (key, value) in six.iteritems(json_object):
            config.__dict__[key] = value
        return config

    def to_json_string(self):
        return json.dumps(copy.deepcopy(self.__dict__), indent=2, sort_keys=True)


def small_config():
    return ModelConfig.from_dict({"vocab_size": 13, "hidden_size": 8, "num_hidden_layers": 2,
                                  "intermediate_size": 16, "max_position_embeddings": 16,
                                  "initializer_range": 0.02})


def create_initializer(initializer_range=0.02):
    return tf.truncated_normal_initializer(stddev=initializer_range)


def layer_norm(input_tensor, name=None):
    return tf.contrib.layers.layer_norm(inputs=input_tensor, begin_norm_axis=-1, begin_params_axis=-1, scope=name)


def embedding_lookup(input_ids, vocab_size, embedding_size=8, initializer_range=0.02,
                     word_embedding_name="word_embeddings"):
    embedding_table = tf.get_variable(name=word_embedding_name, shape=[vocab_size, embedding_size],
                                      initializer=create_initializer(initializer_range))
    output = tf.nn.embedding_lookup(embedding_table, input_ids)
    return output, embedding_table


def transformer_layer(x, hidden_size, intermediate_size, initializer_range):
    with tf.variable_scope("attention"):
        scores = tf.matmul(x, x, transpose_b=True) / math.sqrt(float(hidden_size))
        context = tf.matmul(tf.nn.softmax(scores), x)
        attention_output = tf.layers.dense(context, hidden_size,
                                           kernel_initializer=create_initializer(initializer_range))
        attention_output = layer_norm(attention_output + x)
    with tf.variable_scope("intermediate"):
        intermediate = tf.layers.dense(attention_output, intermediate_size, activation=tf.tanh,
                                       kernel_initializer=create_initializer(initializer_range))
    with tf.variable_scope("output"):
        layer_output = tf.layers.dense(intermediate, hidden_size,
                                       kernel_initializer=create_initializer(initializer_range))
        return layer_norm(layer_output + attention_output)


class EncoderModel(object):
    def __init__(self, config, is_training, input_ids, scope=None):
        config = copy.deepcopy(config)
        with tf.variable_scope(scope, default_name="bert"):
            with tf.variable_scope("embeddings"):
                (self.embedding_output, self.embedding_table) = embedding_lookup(
                    input_ids=input_ids, vocab_size=config.vocab_size,
                    embedding_size=config.hidden_size, initializer_range=config.initializer_range)
                seq_length = input_ids.shape[1].value
                position_embeddings = tf.get_variable(
                    "position_embeddings", [config.max_position_embeddings, config.hidden_size],
                    initializer=create_initializer(config.initializer_range))
                self.embedding_output += tf.slice(position_embeddings, [0, 0], [seq_length, -1])[tf.newaxis]
                self.embedding_output = layer_norm(self.embedding_output, name="LayerNorm")
            with tf.variable_scope("encoder"):
                x = self.embedding_output
                self.all_layers = []
                for layer_idx in range(config.num_hidden_layers):
                    with tf.variable_scope("layer_%d" % layer_idx):
                        x = transformer_layer(x, config.hidden_size, config.intermediate_size,
                                              config.initializer_range)
                        self.all_layers.append(x)
                self.sequence_output = x
            with tf.variable_scope("pooler"):
                first_token_tensor = tf.squeeze(self.sequence_output[:, 0:1, :], axis=1)
                self.pooled_output = tf.layers.dense(first_token_tensor, config.hidden_size,
                                                     activation=tf.tanh,
                                                     kernel_initializer=create_initializer(config.initializer_range))

    def get_pooled_output(self):
        return self.pooled_output

    def get_sequence_output(self):
        return self.sequence_output

    def get_embedding_table(self):
        return self.embedding_table
