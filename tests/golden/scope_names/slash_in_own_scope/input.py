import tensorflow as tf
# BERT's masked-LM head opens "cls/predictions": no tf.Module takes that name, so the scope
# stays an inner scope of a scope-less module


def get_masked_lm_output(input_tensor, output_weights):
    input_tensor = tf.identity(input_tensor)
    with tf.variable_scope("cls/predictions"):
        with tf.variable_scope("transform"):
            input_tensor = tf.layers.dense(input_tensor, 4, activation=tf.tanh)
        output_bias = tf.get_variable("output_bias", shape=[5], initializer=tf.zeros_initializer())
        logits = tf.matmul(input_tensor, output_weights, transpose_b=True)
        return tf.nn.bias_add(logits, output_bias)
