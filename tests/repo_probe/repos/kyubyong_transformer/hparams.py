"""Hyper-parameters as a plain object (argparse Namespace in the original style)."""
import argparse


def default_hparams():
    parser = argparse.ArgumentParser()
    parser.add_argument('--vocab_size', default=12, type=int)
    parser.add_argument('--d_model', default=8, type=int)
    parser.add_argument('--d_ff', default=16, type=int)
    parser.add_argument('--num_blocks', default=2, type=int)
    parser.add_argument('--num_heads', default=2, type=int)
    parser.add_argument('--maxlen1', default=6, type=int)
    parser.add_argument('--maxlen2', default=6, type=int)
    parser.add_argument('--dropout_rate', default=0.0, type=float)
    parser.add_argument('--lr', default=0.1, type=float)
    return parser.parse_args([])
