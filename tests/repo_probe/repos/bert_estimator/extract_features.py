import tensorflow as tf

import modeling


def pooled_and_sequence(input_ids, bert_config):
    model = modeling.BertModel(config=bert_config, is_training=False, input_ids=input_ids)
    return model.get_pooled_output(), model.get_sequence_output()


def two_segment_model(input_ids, segment_ids, bert_config):
    with tf.variable_scope("shared"):
        model = modeling.BertModel(config=bert_config, is_training=False, input_ids=input_ids,
                                   token_type_ids=segment_ids, scope="bert")
    return model.get_sequence_output()
