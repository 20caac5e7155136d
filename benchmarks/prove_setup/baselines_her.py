"""baselines her's ActorCritic(inputs_tf, dimo, dimg, dimu, max_u, o_stats, g_stats, hidden,
layers): the input tensors as constants of each side (in the legacy graph, eager on the
migrated side) and normalizers that pass values through (her's Normalizer keeps running
statistics with MPI: not part of the networks)."""

import numpy as np
import tensorflow as tf


class PassThroughNormalizer:
    def normalize(self, v):
        return v


def actor_critic_args(side):
    rng = np.random.RandomState(0)
    inputs = {key: tf.constant(rng.standard_normal((2, dim)).astype("float32"))
              for key, dim in (("o", 3), ("g", 2), ("u", 2))}
    return {"inputs_tf": inputs, "dimo": 3, "dimg": 2, "dimu": 2, "max_u": 1.0,
            "o_stats": PassThroughNormalizer(), "g_stats": PassThroughNormalizer(),
            "hidden": 4, "layers": 2}
