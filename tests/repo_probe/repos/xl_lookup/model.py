import tensorflow as tf

import ops
from embedding import gather_embedding_lookup, onehot_embedding_lookup, softmax_logits


def positionwise_ff(inp, d_model, d_inner, kernel_initializer, scope="ff", norm_fn=ops.layer_norm):
    with tf.variable_scope(scope):
        output = tf.layers.dense(inp, d_inner, activation=tf.nn.relu, kernel_initializer=kernel_initializer,
                                 name="layer_1")
        output = tf.layers.dense(output, d_model, kernel_initializer=kernel_initializer, name="layer_2")
        output = norm_fn(output + inp)
    return output


def transformer_lm(dec_inp, n_token=9, n_layer=2, d_model=4, d_inner=6, use_tpu=False, scope="transformer"):
    initializer = tf.initializers.random_normal(stddev=0.02, seed=None)
    if use_tpu:
        emb_lookup = onehot_embedding_lookup
    else:
        emb_lookup = gather_embedding_lookup
    with tf.variable_scope(scope):
        embeddings, shared_params = emb_lookup(x=dec_inp, n_token=n_token, d_embed=d_model,
                                               initializer=initializer)
        output = embeddings
        for i in range(n_layer):
            with tf.variable_scope("layer_{}".format(i)):
                output = positionwise_ff(output, d_model, d_inner, kernel_initializer=initializer)
        logits = softmax_logits(output, n_token, shared_params)
    return logits


def tied_lm(dec_inp, use_tpu=False):
    lookup_fn = onehot_embedding_lookup if use_tpu else gather_embedding_lookup
    with tf.variable_scope("tied"):
        emb, params = lookup_fn(dec_inp, 9, 4, tf.initializers.random_normal(stddev=0.02))
        return softmax_logits(emb, 9, params)


def discriminator(image, df_dim=4, reuse=False, activation=ops.lrelu, norm_fn=ops.batch_norm):
    with tf.variable_scope("discriminator") as scope:
        if reuse:
            scope.reuse_variables()
        h0 = activation(ops.conv2d(image, df_dim, name="d_h0_conv"))
        h1 = activation(norm_fn(ops.conv2d(h0, df_dim * 2, name="d_h1_conv"), scope="d_bn1"))
        h2 = ops.linear(tf.reshape(h1, [image.get_shape().as_list()[0], -1]), 1, "d_h2_lin")
        return tf.nn.sigmoid(h2), h2
