import tensorflow as tf

import modeling


def create_model(input_ids, num_labels):
    """run_classifier.py's shape: the model object, then an output layer on its pooled output."""
    model = modeling.TinyBertModel(10, input_ids, scope="bert")
    output_layer = model.get_pooled_output()
    hidden_size = output_layer.shape[-1]
    output_weights = tf.get_variable("output_weights", [num_labels, hidden_size],
                                     initializer=tf.truncated_normal_initializer(stddev=0.02))
    with tf.variable_scope("loss"):
        logits = tf.matmul(output_layer, output_weights, transpose_b=True)
        return tf.nn.log_softmax(logits, axis=-1)
