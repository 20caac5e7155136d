"""Setup hook of the class entry-point cases: builds each side's own hparams object."""


def make_args(module, side):
    assert side in ("legacy", "migrated")
    return {"hparams": module.HParams(n_layer=3)}
