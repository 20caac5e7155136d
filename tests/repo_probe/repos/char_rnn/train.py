import argparse

import tensorflow as tf

from model import Model


def default_args():
    return argparse.Namespace(model='lstm', rnn_size=6, num_layers=2, vocab_size=7, seq_length=3,
                              batch_size=2, grad_clip=5.0, output_keep_prob=1.0, learning_rate=0.002)


def build_training_graph(input_data, targets, args):
    model = Model(args, input_data, targets)
    lr_init = tf.assign(model.lr, args.learning_rate)
    return model.cost, lr_init, model.train_op


def train(args, data_loader):
    input_data = tf.placeholder(tf.int32, [args.batch_size, args.seq_length])
    targets = tf.placeholder(tf.int32, [args.batch_size, args.seq_length])
    model = Model(args, input_data, targets)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        saver = tf.train.Saver(tf.global_variables())
        for e in range(10):
            sess.run(tf.assign(model.lr, args.learning_rate * (0.97 ** e)))
            state = sess.run(model.initial_state)
            for x, y in data_loader:
                feed = {model.input_data: x, model.targets: y}
                for i, (c, h) in enumerate(model.initial_state):
                    feed[c] = state[i].c
                    feed[h] = state[i].h
                train_loss, state, _ = sess.run([model.cost, model.final_state, model.train_op], feed)
            saver.save(sess, 'save/model.ckpt', global_step=e)


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--model', type=str, default='lstm')
    train(parser.parse_args(), [])
