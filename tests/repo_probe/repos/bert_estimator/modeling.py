"""A small BERT-style encoder: config object, model class building everything in __init__."""
import collections
import copy
import json
import re

import six
import tensorflow as tf


class BertConfig(object):
    def __init__(self, vocab_size, hidden_size=8, num_hidden_layers=2, intermediate_size=12,
                 hidden_act="gelu", max_position_embeddings=8, type_vocab_size=2, initializer_range=0.02):
        self.vocab_size = vocab_size
        self.hidden_size = hidden_size
        self.num_hidden_layers = num_hidden_layers
        self.intermediate_size = intermediate_size
        self.hidden_act = hidden_act
        self.max_position_embeddings = max_position_embeddings
        self.type_vocab_size = type_vocab_size
        self.initializer_range = initializer_range

    @classmethod
    def from_dict(cls, json_object):
        config = BertConfig(vocab_size=None)
        for (key, value) in six.iteritems(json_object):
            config.__dict__[key] = value
        return config

    def to_json_string(self):
        return json.dumps(copy.deepcopy(self.__dict__), indent=2, sort_keys=True)


def tiny_config():
    return BertConfig(vocab_size=11)


def gelu(x):
    cdf = 0.5 * (1.0 + tf.tanh((0.7978845608028654 * (x + 0.044715 * tf.pow(x, 3)))))
    return x * cdf


def get_activation(activation_string):
    if not activation_string:
        return None
    act = activation_string.lower()
    if act == "relu":
        return tf.nn.relu
    if act == "gelu":
        return gelu
    raise ValueError("Unsupported activation: %s" % act)


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


def embedding_postprocessor(input_tensor, token_type_ids, token_type_vocab_size, max_position_embeddings,
                            initializer_range=0.02):
    batch_size, seq_length, width = input_tensor.shape.as_list()
    token_type_table = tf.get_variable(name="token_type_embeddings", shape=[token_type_vocab_size, width],
                                       initializer=create_initializer(initializer_range))
    one_hot_ids = tf.one_hot(tf.reshape(token_type_ids, [-1]), depth=token_type_vocab_size)
    token_type_embeddings = tf.reshape(tf.matmul(one_hot_ids, token_type_table), [batch_size, seq_length, width])
    output = input_tensor + token_type_embeddings
    full_position_embeddings = tf.get_variable(name="position_embeddings", shape=[max_position_embeddings, width],
                                               initializer=create_initializer(initializer_range))
    position_embeddings = tf.slice(full_position_embeddings, [0, 0], [seq_length, -1])
    output += tf.expand_dims(position_embeddings, 0)
    return layer_norm(output, name="LayerNorm")


def feed_forward_stack(input_tensor, hidden_size, num_hidden_layers, intermediate_size, intermediate_act_fn,
                       initializer_range):
    prev_output = input_tensor
    all_layer_outputs = []
    for layer_idx in range(num_hidden_layers):
        with tf.variable_scope("layer_%d" % layer_idx):
            layer_input = prev_output
            with tf.variable_scope("intermediate"):
                intermediate_output = tf.layers.dense(layer_input, intermediate_size, activation=intermediate_act_fn,
                                                      kernel_initializer=create_initializer(initializer_range))
            with tf.variable_scope("output"):
                layer_output = tf.layers.dense(intermediate_output, hidden_size,
                                               kernel_initializer=create_initializer(initializer_range))
                layer_output = layer_norm(layer_output + layer_input)
            prev_output = layer_output
            all_layer_outputs.append(layer_output)
    return all_layer_outputs


class BertModel(object):
    def __init__(self, config, is_training, input_ids, token_type_ids=None, scope=None):
        config = copy.deepcopy(config)
        batch_size, seq_length = input_ids.shape.as_list()
        if token_type_ids is None:
            token_type_ids = tf.zeros(shape=[batch_size, seq_length], dtype=tf.int32)

        with tf.variable_scope(scope, default_name="bert"):
            with tf.variable_scope("embeddings"):
                (self.embedding_output, self.embedding_table) = embedding_lookup(
                    input_ids=input_ids, vocab_size=config.vocab_size, embedding_size=config.hidden_size,
                    initializer_range=config.initializer_range)
                self.embedding_output = embedding_postprocessor(
                    self.embedding_output, token_type_ids, config.type_vocab_size, config.max_position_embeddings,
                    config.initializer_range)
            with tf.variable_scope("encoder"):
                self.all_encoder_layers = feed_forward_stack(
                    self.embedding_output, config.hidden_size, config.num_hidden_layers, config.intermediate_size,
                    get_activation(config.hidden_act), config.initializer_range)
            self.sequence_output = self.all_encoder_layers[-1]
            with tf.variable_scope("pooler"):
                first_token_tensor = tf.squeeze(self.sequence_output[:, 0:1, :], axis=1)
                self.pooled_output = tf.layers.dense(first_token_tensor, config.hidden_size, activation=tf.tanh,
                                                     kernel_initializer=create_initializer(config.initializer_range))

    def get_pooled_output(self):
        return self.pooled_output

    def get_sequence_output(self):
        return self.sequence_output

    def get_embedding_table(self):
        return self.embedding_table


def get_assignment_map_from_checkpoint(tvars, init_checkpoint):
    assignment_map = collections.OrderedDict()
    initialized_variable_names = {}
    name_to_variable = collections.OrderedDict()
    for var in tvars:
        name = var.name
        m = re.match("^(.*):\\d+$", name)
        if m is not None:
            name = m.group(1)
        name_to_variable[name] = var
    for x in tf.train.list_variables(init_checkpoint):
        (name, var) = (x[0], x[1])
        if name not in name_to_variable:
            continue
        assignment_map[name] = name
        initialized_variable_names[name] = 1
        initialized_variable_names[name + ":0"] = 1
    return (assignment_map, initialized_variable_names)
