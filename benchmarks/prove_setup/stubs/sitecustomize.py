"""Stand-ins for modules real repositories import at top level but their model entry points
never use (benchmarks/prove.py puts this directory on PYTHONPATH of both checker sides).

Two kinds, both placeholders that only have to survive the import of a repository file:

* third-party packages missing from the venv (horovod, scipy, gym, matplotlib, PIL, ...) and
  `tf.estimator` (gone from TF 2.16+): served only when the real one is not installed (this
  finder runs after the normal ones);
* `tensorflow.contrib*` on the **migrated** side: a migrated file that keeps TF1 code for
  functions the run did not convert also keeps their `tensorflow.contrib` imports, which plain
  TF2 cannot import. The legacy side installs a working `tensorflow.contrib` (tf_slim) before
  user code runs, so this finder declines there.

A placeholder's attributes are placeholders, calling one returns a placeholder (or, called with
one function, that function: `@add_arg_scope`, `@hvd.something`), and it can be a base class.
Anything the entry point really computes with a placeholder fails, and the checker says so.
Every module served is listed in $MIGRATE_PROVE_STUB_LOG when that is set.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
import types
from typing import Any

STUBBED_PACKAGES = frozenset({
    "horovod", "scipy", "gym", "matplotlib", "PIL", "mpi4py", "toposort", "tqdm",
    "cloudpickle", "sklearn", "pandas", "librosa", "unidecode", "inflect", "sympy",
    "tensorflow_datasets", "gin", "tensorflow_probability", "mesh_tensorflow", "atari_py",
    "cv2", "imageio", "skimage", "progressbar", "nltk", "jieba", "sentencepiece", "dill",
    "joblib", "tensorflow_hub", "tensorflow_gan", "tensorflow_addons", "moviepy", "pygame",
    "seaborn", "termcolor",
})
# TensorFlow modules this TF (2.16+) no longer ships; tensor2tensor imports tf.estimator at top level.
STUBBED_MODULES = frozenset({"tensorflow.estimator", "tensorflow.compat.v1.estimator",
                             "tensorflow_estimator"})


class Placeholder:
    """A value that only has to exist: attribute access, calls and subclassing all work."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> "Placeholder":
        if attr.startswith("__"):
            raise AttributeError(attr)
        return Placeholder(f"{self._name}.{attr}")

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if len(args) == 1 and not kwargs and callable(args[0]) and not isinstance(args[0], Placeholder):
            return args[0]  # used as a decorator
        return Placeholder(f"{self._name}()")

    def __mro_entries__(self, bases: tuple[Any, ...]) -> tuple[type, ...]:
        return (object,)

    def __iter__(self) -> Any:
        return iter(())

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return f"<stub {self._name}>"


class _StubModule(types.ModuleType):
    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__"):
            raise AttributeError(attr)
        return Placeholder(f"{self.__name__}.{attr}")


def _log(name: str) -> None:
    path = os.environ.get("MIGRATE_PROVE_STUB_LOG")
    if path:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(f"{name}\n")


class _StubFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        top = name.split(".")[0]
        if top in STUBBED_PACKAGES or name in STUBBED_MODULES or any(
                name.startswith(m + ".") for m in STUBBED_MODULES):
            return importlib.util.spec_from_loader(name, self, is_package=True)
        if name == "tensorflow.contrib" or name.startswith("tensorflow.contrib."):
            contrib = sys.modules.get("tensorflow.contrib")
            if contrib is None or isinstance(contrib, _StubModule):  # the migrated side
                return importlib.util.spec_from_loader(name, self, is_package=True)
        return None

    def create_module(self, spec: Any) -> types.ModuleType:
        _log(spec.name)
        module = _StubModule(spec.name)
        module.__path__ = []
        return module

    def exec_module(self, module: types.ModuleType) -> None:
        if module.__name__ == "tensorflow.contrib":
            tf = sys.modules.get("tensorflow")
            if tf is not None and not hasattr(tf, "contrib"):
                # `import tensorflow.contrib.x as y` reads tf.contrib after the import
                setattr(tf, "contrib", module)


sys.meta_path.append(_StubFinder())
