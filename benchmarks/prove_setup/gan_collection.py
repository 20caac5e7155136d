"""gan-collection's model classes load MNIST from disk in __init__ (`load_mnist`, star-imported
from utils): replace it in each side's entry module by a small in-memory batch, so the class can
be built without the dataset. Only the constructor's bookkeeping reads the data."""

import numpy as np


def no_dataset(module):
    module.load_mnist = lambda name: (np.zeros((4, 28, 28, 1), np.float32), np.zeros((4, 10), np.float32))
    return {}
