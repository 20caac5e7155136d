"""XLNet's XLNetModel(xlnet_config, run_config, input_ids, seg_ids, input_mask): tiny configs
built by each side's module, inputs in XLNet's [length, batch] layout, no dropout."""

import argparse

import numpy as np


def model_args(module, side):
    flags = argparse.Namespace(n_layer=2, d_model=8, n_head=2, d_head=4, d_inner=16, ff_activation="relu",
                               untie_r=True, n_token=10)
    run_config = module.RunConfig(is_training=False, use_tpu=False, use_bfloat16=False, dropout=0.0, dropatt=0.0)
    ids = np.array([[1, 2], [3, 4], [5, 6]], dtype=np.int32)
    return {"xlnet_config": module.XLNetConfig(FLAGS=flags), "run_config": run_config, "input_ids": ids,
            "seg_ids": np.array([[0, 0], [0, 1], [1, 1]], dtype=np.int32),
            "input_mask": np.array([[0, 0], [0, 0], [0, 1]], dtype=np.float32),
            "summary_type": "last", "use_summ_proj": True}
