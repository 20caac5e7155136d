"""char-rnn's Model(args, training): the argparse namespace train.py would build, small."""

import argparse


def model_args(side):
    args = argparse.Namespace(model="lstm", rnn_size=8, num_layers=2, batch_size=2,
                              seq_length=3, vocab_size=6, grad_clip=5.0, learning_rate=0.002,
                              decay_rate=0.97, output_keep_prob=1.0, input_keep_prob=1.0)
    return {"args": args, "training": False}
