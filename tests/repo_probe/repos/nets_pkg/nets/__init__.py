"""A small network package: layers re-exported at the package level."""
from .layers import *
from .resnet import resnet_small, residual_block
