"""Equivalence tests for users' own suites.

    from migrate.harness import assert_equivalent
    assert_equivalent(legacy="models/gan.py:build", migrated="models_tf2/gan.py:Build",
                      inputs={"z": "float32[2,8]"}, args={"num_units": 4})

`check_many` checks a list of entry points with two TensorFlow start-ups in all. The pytest
plugin (migrate.harness.pytest_plugin, registered as `migrate_equivalence`) adds the
`migrate_equivalence` fixture and, with `--migrate-equivalence`, one test per
`[[tool.migrate.entry_points]]` of pyproject.toml. Nothing here imports TensorFlow.
"""

from __future__ import annotations

from typing import Any, Mapping

from migrate.checker.api import check_many
from migrate.checker.compare import Verdict
from migrate.checker.spec import Entry, Options, entry_from_targets


def assert_equivalent(
    legacy: str,
    migrated: str,
    inputs: Mapping[str, Any] | str | None = None,
    args: Mapping[str, Any] | None = None,
    *,
    strict_order: bool = False,
    rtol: float = 1e-6,
    atol: float = 1e-5,
    tf_function: bool = False,
    init_args: Mapping[str, Any] | None = None,
    setup: str | None = None,
) -> Verdict:
    """Raise AssertionError (carrying the comparison table) unless `migrated` is equivalent.

    `legacy` is "path.py:function", "path.py:Class" or "path.py:Class.method" (or "path.py"
    for a whole script), `migrated` is
    "path.py:Class" (class optional: the codemod's name for the function is used, else a plain
    function of the same name). `inputs` maps parameter names to "float32[2,8]" specs or arrays,
    or is the path of an .npz file. `args` values that are strings are Python source: a literal
    (`"4"`, `"'relu'"`) or an expression evaluated in the entry file on each side
    (`"HParams(n_embd=8)"`, `"model.default_hparams()"`); `setup="file.py:function"` returns
    a dict of arguments on each side (it may take `module` and `side`). `init_args` go to the
    class of a `Class.method` entry only. `tf_function` also runs the migrated entry under
    tf.function and requires the same variable names and outputs as eagerly.
    """
    options = Options(mode="num_random_ops" if strict_order else "constant", rtol=rtol, atol=atol,
                      tf_function=tf_function)
    entry = entry_from_targets(legacy, migrated, inputs, args, init_args=init_args, setup=setup)
    verdict = check_many([entry], options=options)[0]
    if not verdict.equivalent:
        raise AssertionError("\n" + verdict.table())
    return verdict


__all__ = ["Entry", "Options", "Verdict", "assert_equivalent", "check_many", "entry_from_targets"]
