"""tf.layers / contrib / slim creators as callees: the same path as another file's function.

Each legacy creator is described by a `CreatorSpec` (migrate/codemod/creators.py); here it
becomes an `ExternalCallee` whose `def` is synthesised from the spec (its exact signature and a
`variable_scope(scope, default_name=..., reuse=reuse)`), so the codemod binds arguments, names
instances (`dense`, `dense_1`, a `name=`/`scope=` argument) and shares them exactly as for a
converted function. The generated class is the library's plain-TF2 `tf.Module`.
"""

from __future__ import annotations

import ast
import functools

from migrate.codemod.creators import SPECS, CreatorSpec
from migrate.codemod.creators_rnn import RUNNERS, runner_def
from migrate.codemod.external import ExternalCallee
from migrate.codemod.tfapi import TfNames, ast_dotted_name

_TF = (("tf", "tensorflow"),)


@functools.lru_cache(maxsize=None)
def _synthetic_def(spec: CreatorSpec, function: str) -> str:
    params = []
    for p in spec.params:
        default = spec.defaults.get(p)
        params.append(p if default is None else f"{p}={default}")
    reuse = f", reuse={spec.reuse_param}" if spec.reuse_param else ""
    return (f"def {function}({', '.join(params)}):\n"
            f"    with tf.variable_scope({spec.scope_param}, default_name={spec.default_name!r}{reuse}):\n"
            f"        return tf.get_variable('v', [1])\n")


def implicit_creators(tree: ast.Module, tf: TfNames, shared_support: bool = False) -> tuple[ExternalCallee, ...]:
    """One callee per spelling of a known creator the file calls (`tf.layers.dense`, `slim.conv2d`).
    `shared_support`: the library classes come from the directory's support module (which imports
    TF2 itself), not inlined in this file."""
    if tf.tf_alias is None or (tf.tf_alias_is_v1 and not shared_support):
        return ()  # inlined, the library is TF2 code spelled `tf.`: only where `tf` is TF2 (or will be)
    found: dict[str, ExternalCallee] = {}
    for node in ast.walk(tree):
        if type(node) is not ast.Call or type(node.func) not in (ast.Attribute, ast.Name):
            continue  # (a Name: imported from TF, `from tensorflow.contrib.layers import batch_norm`)
        spelling = ast_dotted_name(node.func)
        if spelling is None or spelling in found or ".compat.v1." in spelling:
            continue  # an explicit tf.compat.v1 spelling is code kept as TF1 (e.g. by an earlier run)
        api = tf.api(node.func)
        spec = SPECS.get(api) if api is not None else None
        runner = RUNNERS.get(api) if api is not None and spec is None else None  # dynamic_rnn & co
        if spec is None and runner is None:
            continue
        function = api.rsplit(".", 1)[-1]
        source = _synthetic_def(spec, function) if spec is not None else runner_def(runner, function)
        found[spelling] = ExternalCallee(
            spelling=spelling, origin=f"tf.{api}", function=function,
            source=source, class_ref=(spec or runner).class_name, tf_aliases=_TF,
            implicit=True)
    return tuple(found[s] for s in sorted(found))


def _chunks() -> dict[str, str]:
    from migrate.codemod.creators import _library

    return {name: text.strip() for name, text in _library()}


def split_library(module: "cst.Module") -> tuple["cst.Module", list[tuple[int, "cst.BaseStatement"]]]:
    """Take the layer library's statements (exactly as generated) out of a module, so the
    upgrade stage never rewrites them — on the first run and on every later one."""
    import libcst as cst

    chunks = _chunks()
    kept, taken = [], []
    for index, stmt in enumerate(module.body):
        if isinstance(stmt, (cst.FunctionDef, cst.ClassDef)) and stmt.name.value in chunks:
            text = module.code_for_node(stmt.with_changes(leading_lines=[])).strip()
            if text == chunks[stmt.name.value]:
                taken.append((index, stmt))
                continue
        kept.append(stmt)
    if not taken:
        return module, []
    return module.with_changes(body=kept), taken


def join_library(module: "cst.Module", taken: list[tuple[int, "cst.BaseStatement"]]) -> "cst.Module":
    import libcst as cst

    if not taken:
        return module
    body = list(module.body)
    for index, stmt in taken:
        body.insert(min(index, len(body)), stmt)
    # The upgrade stage inserted its own copy of a helper the library already defines (`_tf1_fans`
    # for an initializer): one definition per file.
    library_defs = {s.name.value for _, s in taken if isinstance(s, cst.FunctionDef) and s.name.value.startswith("_tf1_")}
    taken_ids = {id(s) for _, s in taken}
    body = [s for s in body if id(s) in taken_ids
            or not (isinstance(s, cst.FunctionDef) and s.name.value in library_defs)]
    return module.with_changes(body=body)
