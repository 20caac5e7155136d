import tensorflow as tf

import modeling
import optimization


def create_model(bert_config, is_training, input_ids, segment_ids, labels, num_labels):
    model = modeling.BertModel(config=bert_config, is_training=is_training, input_ids=input_ids,
                               token_type_ids=segment_ids)
    output_layer = model.get_pooled_output()
    hidden_size = output_layer.shape[-1].value

    output_weights = tf.get_variable("output_weights", [num_labels, hidden_size],
                                     initializer=tf.truncated_normal_initializer(stddev=0.02))
    output_bias = tf.get_variable("output_bias", [num_labels], initializer=tf.zeros_initializer())

    with tf.variable_scope("loss"):
        logits = tf.matmul(output_layer, output_weights, transpose_b=True)
        logits = tf.nn.bias_add(logits, output_bias)
        probabilities = tf.nn.softmax(logits, axis=-1)
        log_probs = tf.nn.log_softmax(logits, axis=-1)
        one_hot_labels = tf.one_hot(labels, depth=num_labels, dtype=tf.float32)
        per_example_loss = -tf.reduce_sum(one_hot_labels * log_probs, axis=-1)
        loss = tf.reduce_mean(per_example_loss)
        return (loss, per_example_loss, logits, probabilities)


def model_fn_builder(bert_config, num_labels, init_checkpoint, learning_rate, num_train_steps):
    def model_fn(features, labels, mode, params):
        tf.logging.info("*** Features ***")
        for name in sorted(features.keys()):
            tf.logging.info("  name = %s, shape = %s" % (name, features[name].shape))
        input_ids = features["input_ids"]
        segment_ids = features["segment_ids"]
        label_ids = features["label_ids"]
        is_training = (mode == tf.estimator.ModeKeys.TRAIN)

        (total_loss, per_example_loss, logits, probabilities) = create_model(
            bert_config, is_training, input_ids, segment_ids, label_ids, num_labels)

        tvars = tf.trainable_variables()
        initialized_variable_names = {}
        if init_checkpoint:
            (assignment_map, initialized_variable_names
             ) = modeling.get_assignment_map_from_checkpoint(tvars, init_checkpoint)
            tf.train.init_from_checkpoint(init_checkpoint, assignment_map)
        for var in tvars:
            init_string = ", *INIT_FROM_CKPT*" if var.name in initialized_variable_names else ""
            tf.logging.info("  name = %s, shape = %s%s", var.name, var.shape, init_string)

        if mode == tf.estimator.ModeKeys.TRAIN:
            train_op = optimization.create_optimizer(total_loss, learning_rate, num_train_steps)
            output_spec = tf.estimator.EstimatorSpec(mode=mode, loss=total_loss, train_op=train_op)
        else:
            output_spec = tf.estimator.EstimatorSpec(mode=mode, predictions={"probabilities": probabilities})
        return output_spec

    return model_fn


def train_graph(input_ids, segment_ids, label_ids, bert_config):
    model_fn = model_fn_builder(bert_config, num_labels=3, init_checkpoint=None, learning_rate=0.1,
                                num_train_steps=10)
    features = {"input_ids": input_ids, "segment_ids": segment_ids, "label_ids": label_ids}
    spec = model_fn(features, None, tf.estimator.ModeKeys.TRAIN, params={})
    return spec.loss, spec.train_op


def predict_graph(input_ids, segment_ids, label_ids, bert_config):
    model_fn = model_fn_builder(bert_config, num_labels=3, init_checkpoint=None, learning_rate=0.1,
                                num_train_steps=10)
    features = {"input_ids": input_ids, "segment_ids": segment_ids, "label_ids": label_ids}
    return model_fn(features, None, tf.estimator.ModeKeys.PREDICT, params={}).predictions
