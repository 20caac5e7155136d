import tensorflow as tf

import modeling


def get_masked_lm_output(bert_config, input_tensor, output_weights):
    """Logits over the vocabulary, the output layer tied to the word embeddings."""
    with tf.variable_scope("cls/predictions"):
        with tf.variable_scope("transform"):
            input_tensor = tf.layers.dense(input_tensor, units=bert_config.hidden_size, activation=tf.tanh,
                                           kernel_initializer=modeling.create_initializer(bert_config.initializer_range))
            input_tensor = modeling.layer_norm(input_tensor)
        output_bias = tf.get_variable("output_bias", shape=[bert_config.vocab_size],
                                      initializer=tf.zeros_initializer())
        logits = tf.matmul(input_tensor, output_weights, transpose_b=True)
        logits = tf.nn.bias_add(logits, output_bias)
        return tf.nn.log_softmax(logits, axis=-1)


def pretraining_log_probs(bert_config, input_ids):
    model = modeling.EncoderModel(config=bert_config, is_training=True, input_ids=input_ids)
    sequence = tf.reshape(model.get_sequence_output(), [-1, bert_config.hidden_size])
    return get_masked_lm_output(bert_config, sequence, model.get_embedding_table())
