import tensorflow as tf

import model


def lm_loss(hparams, context):
    output = model.model(hparams=hparams, X=context[:, :-1])
    return tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(
        labels=context[:, 1:], logits=output['logits']))


def main():
    hparams = model.default_hparams()
    context = tf.placeholder(tf.int32, [2, None])
    loss = lm_loss(hparams, context)
    train_op = tf.train.AdamOptimizer(1e-4).minimize(loss, var_list=tf.trainable_variables())
    return train_op


if __name__ == '__main__':
    main()
