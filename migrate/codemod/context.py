"""What every converter of one file shares: TF names, signatures, generated class names."""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from migrate.codemod.analyse import FileAnalysis
from migrate.codemod.lines import LineIndex
from migrate.codemod.scopes import ScopeSignature
from migrate.codemod.tfapi import TfNames
from migrate.cstnames import dotted_name

_EMPTY = cst.Module(body=[])

INT_DTYPES = {"int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "bool",
              "dtypes.int32", "dtypes.int64", "dtypes.bool"}

GET_VARIABLE_PARAMS = ["name", "shape", "dtype", "initializer", "regularizer", "trainable",
                       "collections", "caching_device", "partitioner", "validate_shape",
                       "use_resource", "custom_getter", "constraint", "synchronization",
                       "aggregation"]
VARIABLE_PARAMS = ["initial_value", "trainable", "collections", "validate_shape",
                   "caching_device", "name", "variable_def", "dtype", "expected_shape",
                   "import_scope", "constraint", "use_resource", "synchronization", "aggregation",
                   "shape"]


SCOPE_HELPER_NAME = "_tf1_scope"
SCOPE_HELPER = '''
def _tf1_scope(name):
    """A TF1 variable scope's name in TF2: entering it again reuses the name, also in tf.function
    (whose graph would make a relative name_scope unique: step, step_1, ...)."""
    current = {tf}.compat.v2.get_current_name_scope()
    return {tf}.compat.v2.name_scope(f"{{current}}/{{name}}/" if current else f"{{name}}/")
'''

REUSED_HELPER_NAME = "_tf1_reused"
REUSED_HELPER = '''
def _tf1_reused(key, build):
    """A module TF1 code that may run again (a sampling function) called with AUTO_REUSE:
    built once per graph, as TF1's variable store shared the variables."""
    import weakref
    graphs = _tf1_reused.__dict__.setdefault("graphs", weakref.WeakKeyDictionary())
    modules = graphs.setdefault({tf}.compat.v1.get_default_graph(), {{}})
    if key not in modules:
        modules[key] = build()
    return modules[key]
'''


def code(node: cst.CSTNode) -> str:
    return _EMPTY.code_for_node(node)


@dataclass
class FileContext:
    tf: TfNames
    tf_alias: str
    analysis: FileAnalysis
    lines: LineIndex
    sigs: dict[str, ScopeSignature] = field(default_factory=dict)
    class_names: dict[str, str] = field(default_factory=dict)  # qualname -> generated class
    uses_scope_helper: bool = False  # some body re-enters scopes by name: emit SCOPE_HELPER
    uses_reused_helper: bool = False  # a host builds a module per graph (AUTO_REUSE): emit REUSED_HELPER
    uses_named_helper: bool = False  # a module named by a scope path ('policy/pi'): emit NAMED_HELPER
    library_classes: set[str] = field(default_factory=set)  # tf.layers-style classes built: emit them
    # Methods re-entering another method's scope (migrate.codemod.reentry): generated class ->
    # the creator's qualname, and each creator's site registry.
    reentries: dict[str, str] = field(default_factory=dict)
    registries: dict = field(default_factory=dict)

    def tf_attr(self, attr: str) -> str:
        return f"{self.tf_alias}.{attr}"

    def line(self, node: cst.CSTNode | None) -> int:
        return self.lines.line(node) if node is not None else 0

    def is_converted_function_call(self, call: cst.Call) -> str | None:
        if isinstance(call.func, cst.Name):
            q = call.func.value
            if q in self.analysis.converted and "." not in q:
                return q
        elif isinstance(call.func, cst.Attribute) and isinstance(call.func.value, (cst.Name, cst.Attribute)):
            q = dotted_name(call.func)  # another file's function called as `ops.linear(...)`
            if q is not None and q in self.analysis.converted and self.analysis.functions[q].external is not None:
                return q
        return None
