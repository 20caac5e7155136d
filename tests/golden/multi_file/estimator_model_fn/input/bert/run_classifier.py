import tensorflow as tf

import modeling


def create_model(bert_config, is_training, input_ids, labels, num_labels):
    model = modeling.BertModel(config=bert_config, is_training=is_training, input_ids=input_ids)
    output_layer = model.get_pooled_output()
    hidden_size = output_layer.shape[-1].value
    output_weights = tf.get_variable("output_weights", [num_labels, hidden_size],
                                     initializer=tf.truncated_normal_initializer(stddev=0.02))
    output_bias = tf.get_variable("output_bias", [num_labels], initializer=tf.zeros_initializer())
    with tf.variable_scope("loss"):
        logits = tf.matmul(output_layer, output_weights, transpose_b=True)
        logits = tf.nn.bias_add(logits, output_bias)
        log_probs = tf.nn.log_softmax(logits, axis=-1)
        one_hot_labels = tf.one_hot(labels, depth=num_labels, dtype=tf.float32)
        per_example_loss = -tf.reduce_sum(one_hot_labels * log_probs, axis=-1)
        loss = tf.reduce_mean(per_example_loss)
        return (loss, per_example_loss, logits)


def model_fn_builder(bert_config, num_labels, learning_rate):
    def model_fn(features, labels, mode, params):
        input_ids = features["input_ids"]
        label_ids = features["label_ids"]
        is_training = (mode == tf.estimator.ModeKeys.TRAIN)
        (total_loss, per_example_loss, logits) = create_model(
            bert_config, is_training, input_ids, label_ids, num_labels)
        tvars = tf.trainable_variables()
        for var in tvars:
            tf.logging.info("  name = %s, shape = %s", var.name, var.shape)
        if mode == tf.estimator.ModeKeys.TRAIN:
            train_op = tf.train.AdamOptimizer(learning_rate).minimize(
                total_loss, global_step=tf.train.get_or_create_global_step())
            return tf.estimator.EstimatorSpec(mode=mode, loss=total_loss, train_op=train_op)
        predictions = tf.argmax(logits, axis=-1)
        return tf.estimator.EstimatorSpec(mode=mode, predictions={"predictions": predictions})
    return model_fn


def main():
    """run_classifier.py's main: the Estimator calls model_fn once per graph it builds."""
    config = modeling.BertConfig()
    model_fn = model_fn_builder(config, 3, 1e-3)
    estimator = tf.estimator.Estimator(model_fn=model_fn, model_dir="/tmp/out")
    return estimator
