"""tf.contrib.training.HParams -> a generated plain-Python `_contrib_HParams` (TF2 has no HParams;
a module-level `hparams = HParams(...)`, as in tacotron's hparams.py or gpt-2's model.py, would
stop the whole repository importing on TF2)."""

from __future__ import annotations

from migrate.transform import transform_source
from migrate.upgrade.helpers import helper_source


def _hparams_class():
    namespace: dict = {}
    exec(helper_source({"_contrib_HParams"}), namespace)  # noqa: S102 - our generated helper
    return namespace["_contrib_HParams"]


def test_both_spellings_become_the_helper_and_the_contrib_import_goes() -> None:
    out = transform_source("import tensorflow as tf\nfrom tensorflow.contrib.training import HParams\n\n\n"
                           "def default_hparams():\n    return HParams(n_vocab=0, n_ctx=1024)\n\n\n"
                           "hparams = tf.contrib.training.HParams(batch_size=32, lr=1e-3)\n", "hp.py")
    assert "import HParams" not in out.code and "tf.contrib.training.HParams(" not in out.code
    assert "return _contrib_HParams(n_vocab=0, n_ctx=1024)" in out.code
    assert "hparams = _contrib_HParams(batch_size=32, lr=1e-3)" in out.code


def test_the_helper_behaves_as_tf1s_hparams() -> None:
    hparams_class = _hparams_class()
    h = hparams_class(n_vocab=0, n_ctx=1024, lr=0.1, layers=[1, 2], name="x", flag=False)
    h.override_from_dict({"n_vocab": 50257, "lr": 1})  # gpt-2's json override; an int for a float
    assert h.n_vocab == 50257 and h.lr == 1.0 and isinstance(h.lr, float)
    h.parse("n_ctx=12,layers=[3,4],flag=true,name=y")
    assert (h.n_ctx, h.layers, h.flag, h.name) == (12, [3, 4], True, "y")
    assert h.values()["n_ctx"] == 12 and "lr" in h and h.get("missing", 5) == 5
    copy = hparams_class(**{k: (0 if isinstance(v, int) and not isinstance(v, bool) else v) for k, v in h.values().items()})
    assert copy.parse_json(h.to_json()).values() == h.values()
    h.add_hparam("extra", 3)
    assert h.extra == 3
    try:
        h.set_hparam("n_ctx", 1.5)
    except ValueError:
        pass
    else:
        raise AssertionError("a float for an int hyperparameter must be refused, as TF1 did")
