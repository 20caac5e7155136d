"""Kyubyong's Transformer(hp): a tiny hparams namespace and vocabulary file, and the `xs` tuple
encode() / decode() unpack (ids, lengths, sentences: the sentences only pass through)."""

import argparse
import os
import tempfile

import numpy as np


def _hp() -> argparse.Namespace:
    vocab = os.path.join(tempfile.mkdtemp(prefix="prove-transformer-"), "vocab.txt")
    with open(vocab, "w") as f:
        f.write("\n".join(["<pad>", "<unk>", "<s>", "</s>", "a", "b", "c"]) + "\n")
    return argparse.Namespace(vocab=vocab, vocab_size=7, d_model=8, d_ff=16, num_blocks=2, num_heads=2,
                              maxlen1=5, maxlen2=5, dropout_rate=0.0)


def encode_args(side):
    ids = np.array([[4, 5, 6, 0], [5, 4, 0, 0]], dtype=np.int32)
    return {"hp": _hp(), "xs": (ids, np.array([3, 2], dtype=np.int32), np.zeros([2], np.float32)),
            "training": False}
