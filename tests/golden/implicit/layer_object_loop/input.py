import tensorflow as tf


def predict_bits(prediction_source, state_size=6, num_steps=3):
    with tf.variable_scope("predict_bits"):
        discrete_predict = tf.layers.Dense(4, name="discrete_predict")
        discrete_embed = tf.layers.Dense(state_size, name="discrete_embed")
        conv = tf.layers.Conv2D(3, 3, padding="same")
        features = tf.reduce_mean(conv(prediction_source), axis=[1, 2])
        state = tf.layers.dense(features, state_size, name="istate")
        outputs = []
        for i in range(num_steps):
            logits = discrete_predict(state)
            outputs.append(logits)
            state = tf.nn.tanh(state + discrete_embed(tf.nn.softmax(logits)))
        return tf.stack(outputs, axis=1)
