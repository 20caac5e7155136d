import tensorflow as tf

import modeling


def sequence_features(bert_config, input_ids):
    model = modeling.EncoderModel(config=bert_config, is_training=False, input_ids=input_ids, scope="bert")
    return model.get_sequence_output()
