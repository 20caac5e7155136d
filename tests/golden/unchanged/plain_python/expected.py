"""Data utilities: no TensorFlow here, nothing to migrate."""
import collections
import random


def build_vocab(sentences, min_count=1):
    counts = collections.Counter(w for s in sentences for w in s.split())
    words = sorted(w for w, c in counts.items() if c >= min_count)
    return {w: i for i, w in enumerate(["<pad>", "<unk>"] + words)}


def batches(items, batch_size, shuffle=True, seed=0):
    items = list(items)
    if shuffle:
        random.Random(seed).shuffle(items)
    for i in range(0, len(items), batch_size):
        yield items[i:i + batch_size]


class Scope(object):
    """Not a TensorFlow scope: a plain name stack."""

    def __init__(self):
        self.names = []

    def variable_scope(self, name):
        self.names.append(name)
        return "/".join(self.names)
