"""`slim.arg_scope` defaults made explicit: the `with` removed, its keyword defaults written into
every call of a listed op lexically inside it. Runs on the source text before anything else
analyses creators, so the rest of the codemod sees plain calls with explicit arguments.

TF1 semantics (tf_slim `ops/arg_scope.py`): entering `arg_scope(ops, **kw)` copies the current
scope and, per op, merges `kw` over what outer scopes gave it (the innermost value wins); a call of
an `@add_arg_scope` op takes the scope's defaults for that op and lets its own keyword arguments
win. The scope is dynamic: it applies to every call made while the block runs, callees included.
So a block is resolved only when that is decidable from the text: a literal op list of known ops
(contrib/slim layers, this file's `@add_arg_scope` functions), default values that evaluate to
the same thing at every call site, and no call inside the block (direct, or a function passed as
a value) that could reach a listed op out of sight. Anything else keeps the block and is
reported (`contrib`, naming arg_scope); the structural stage then refuses its function.
A `normalizer_fn=slim.batch_norm` of a call runs batch_norm inside the call: the scope's
batch_norm defaults go into `normalizer_params` (the call's own params win), as TF1 merged them.
"""

from __future__ import annotations

import ast
import builtins
import dataclasses
import difflib
import re
from dataclasses import dataclass, field

import libcst as cst

from migrate.codemod.tfapi import TfNames, collect_tf_names
from migrate.cstnames import dotted_name
from migrate.diagnostics import Diagnostic
from migrate.upgrade.codegen import all_positions

_ARG_SCOPE_APIS = frozenset({
    "contrib.framework.arg_scope", "contrib.slim.arg_scope",
    "contrib.framework.python.ops.arg_scope", "contrib.framework.python.ops.arg_scope.arg_scope",
})
_ADD_ARG_SCOPE = "add_arg_scope"
_LIBRARIES = ("contrib.layers.", "contrib.slim.", "contrib.framework.")
# tf_slim's @add_arg_scope ops by canonical name (arg_scope's key is the function object: aliases
# such as conv2d / convolution2d share one), with their positional parameter order.
_ALIASES = {
    "conv1d": "convolution1d", "conv2d": "convolution2d", "conv3d": "convolution3d",
    "conv2d_in_plane": "convolution2d_in_plane", "conv2d_transpose": "convolution2d_transpose",
    "conv3d_transpose": "convolution3d_transpose", "separable_conv2d": "separable_convolution2d",
}
_CONV = ("inputs", "num_outputs", "kernel_size", "stride", "padding", "data_format", "rate",
         "activation_fn", "normalizer_fn", "normalizer_params", "weights_initializer",
         "weights_regularizer", "biases_initializer", "biases_regularizer", "reuse",
         "variables_collections", "outputs_collections", "trainable", "scope")
_CONV_T = tuple(p for p in _CONV if p != "rate")
_POOL = ("inputs", "kernel_size", "stride", "padding", "data_format", "outputs_collections", "scope")
_VARIABLE = ("name", "shape", "dtype", "initializer", "regularizer", "trainable", "collections",
             "caching_device", "device", "partitioner", "custom_getter", "use_resource",
             "synchronization", "aggregation")
_OP_PARAMS: dict[str, tuple[str, ...]] = {
    "avg_pool2d": _POOL, "avg_pool3d": _POOL, "max_pool2d": _POOL, "max_pool3d": _POOL,
    "batch_norm": ("inputs", "decay", "center", "scale", "epsilon", "activation_fn",
                   "param_initializers", "param_regularizers", "updates_collections", "is_training",
                   "reuse", "variables_collections", "outputs_collections", "trainable",
                   "batch_weights", "fused", "data_format", "zero_debias_moving_mean", "scope",
                   "renorm", "renorm_clipping", "renorm_decay", "adjustment"),
    "bias_add": ("inputs", "activation_fn", "initializer", "regularizer", "reuse",
                 "variables_collections", "outputs_collections", "trainable", "data_format", "scope"),
    "convolution": _CONV + ("conv_dims",), "convolution1d": _CONV, "convolution2d": _CONV,
    "convolution3d": _CONV,
    "convolution2d_in_plane": ("inputs", "kernel_size", "stride", "padding") + _CONV[7:],
    "convolution2d_transpose": _CONV_T, "convolution3d_transpose": _CONV_T,
    "separable_convolution2d": ("inputs", "num_outputs", "kernel_size", "depth_multiplier", "stride",
                                "padding", "data_format", "rate", "activation_fn", "normalizer_fn",
                                "normalizer_params", "weights_initializer", "pointwise_initializer",
                                "weights_regularizer", "biases_initializer", "biases_regularizer",
                                "reuse", "variables_collections", "outputs_collections", "trainable",
                                "scope"),
    "dropout": ("inputs", "keep_prob", "noise_shape", "is_training", "outputs_collections", "scope",
                "seed"),
    "flatten": ("inputs", "outputs_collections", "scope"),
    "fully_connected": ("inputs", "num_outputs", "activation_fn", "normalizer_fn",
                        "normalizer_params", "weights_initializer", "weights_regularizer",
                        "biases_initializer", "biases_regularizer", "reuse", "variables_collections",
                        "outputs_collections", "trainable", "scope"),
    "group_norm": ("inputs", "groups", "channels_axis", "reduction_axes", "center", "scale",
                   "epsilon", "activation_fn", "param_initializers", "reuse",
                   "variables_collections", "outputs_collections", "trainable", "scope",
                   "mean_close_to_zero"),
    "instance_norm": ("inputs", "center", "scale", "epsilon", "activation_fn", "param_initializers",
                      "reuse", "variables_collections", "outputs_collections", "trainable",
                      "data_format", "scope"),
    "layer_norm": ("inputs", "center", "scale", "activation_fn", "reuse", "variables_collections",
                   "outputs_collections", "trainable", "begin_norm_axis", "begin_params_axis", "scope"),
    "one_hot_encoding": ("labels", "num_classes", "on_value", "off_value", "outputs_collections",
                         "scope"),
    "softmax": ("logits", "scope"), "unit_norm": ("inputs", "dim", "epsilon", "scope"),
    "maxout": ("inputs", "num_units", "axis", "scope"),
    "model_variable": _VARIABLE, "variable": _VARIABLE,
}
# Ops that call a function argument during the call (the scope reaches inside them).
_CALLS_ITS_OP = frozenset({"repeat", "stack"})
_FUNCTION_VALUED = ("activation_fn",)
# Calls that can never reach an arg_scope op: builtins, methods of tensors/containers/strings,
# and modules of libraries that do not know TF.
_PLAIN_METHODS = frozenset({
    "get_shape", "set_shape", "as_list", "append", "extend", "get", "items", "keys", "values",
    "format", "join", "split", "strip", "update", "copy", "pop", "insert", "startswith", "endswith",
    "replace", "lower", "upper", "numpy", "eval",
})
_PLAIN_MODULES = frozenset({
    "numpy", "math", "six", "functools", "itertools", "collections", "os", "sys", "re", "random",
    "json", "logging", "time", "scipy", "string", "operator",
})
_BUILTINS = frozenset(dir(builtins))


@dataclass
class ArgScopeResult:
    source: str  # the text with every resolvable arg_scope made explicit
    diagnostics: list[Diagnostic] = field(default_factory=list)  # lines of the *original* text
    resolved: int = 0
    regions: set[str | None] = field(default_factory=set)  # qualnames holding resolved blocks

    def original_line(self, original: str):
        """new line -> (original line, column shift) for the rewritten text."""
        return line_mapper(original, self.source)


class _Refused(Exception):
    def __init__(self, message: str, node: cst.CSTNode | None = None) -> None:
        super().__init__(message)
        self.node = node


Scope = dict[str, dict[str, cst.BaseExpression]]  # op key -> keyword -> default value


def resolve_arg_scopes(source: str, path: str = "<string>",
                       only: frozenset[str | None] | None = None) -> ArgScopeResult:
    """Resolve every `with arg_scope(...)` that can be decided statically (see the module doc);
    with `only`, just those in these functions ("f", "Cls.method"; None: module level)."""
    if "arg_scope" not in source:
        return ArgScopeResult(source)
    try:
        tree = ast.parse(source)
        module = cst.parse_module(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError, cst.ParserSyntaxError):
        return ArgScopeResult(source)
    tf = collect_tf_names(tree)
    resolver = _Resolver(_FileFacts(tf, module), only)
    resolver.positions = all_positions(module)  # (PositionProvider's ranges, faster)
    new_module = module.visit(resolver)
    diagnostics = [d.with_path(path) for d in resolver.diagnostics]
    if not resolver.resolved:
        return ArgScopeResult(source, diagnostics)
    return ArgScopeResult(new_module.code, diagnostics, resolver.resolved, resolver.regions)


class _FileFacts:
    """What the file defines: top-level functions (and which are @add_arg_scope), classes."""

    def __init__(self, tf: TfNames, module: cst.Module) -> None:
        self.tf = tf
        self.functions: dict[str, cst.FunctionDef] = {}
        self.classes: dict[str, cst.ClassDef] = {}
        self.arg_scoped: set[str] = set()
        self.imported: set[str] = set()  # local names bound by non-TF imports
        self.plain_imports: set[str] = set()  # ... of libraries that cannot reach TF ops
        for stmt in module.body:
            if isinstance(stmt, cst.FunctionDef):
                self.functions[stmt.name.value] = stmt
                if any(self._is_add_arg_scope(d.decorator) for d in stmt.decorators):
                    self.arg_scoped.add(stmt.name.value)
            elif isinstance(stmt, cst.ClassDef):
                self.classes[stmt.name.value] = stmt
        self._imports(module)

    def _imports(self, module: cst.Module) -> None:
        for stmt in module.body:
            if not isinstance(stmt, cst.SimpleStatementLine):
                continue
            for small in stmt.body:
                if isinstance(small, cst.Import):
                    for alias in small.names:
                        full = dotted_name(alias.name) or ""
                        local = dotted_name(alias.asname.name) if alias.asname else full.split(".")[0]
                        self._note_import(local, full)
                elif isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
                    base = dotted_name(small.module) if small.module else ""
                    for alias in small.names:
                        local = dotted_name(alias.asname.name) if alias.asname else dotted_name(alias.name)
                        self._note_import(local, f"{base}.{dotted_name(alias.name)}" if base else "")

    def _note_import(self, local: str | None, full: str) -> None:
        if not local:
            return
        self.imported.add(local)
        if full.split(".")[0] in _PLAIN_MODULES:
            self.plain_imports.add(local)

    def _is_add_arg_scope(self, expr: cst.BaseExpression) -> bool:
        name = dotted_name(expr)
        return name is not None and name.rsplit(".", 1)[-1] == _ADD_ARG_SCOPE

    def api(self, expr: cst.BaseExpression) -> str | None:
        return self.tf.api(expr)

    def is_arg_scope(self, expr: cst.BaseExpression) -> bool:
        if not isinstance(expr, cst.Call):
            return False
        api = self.api(expr.func)
        return api in _ARG_SCOPE_APIS

    def op_key(self, expr: cst.BaseExpression) -> str | None:
        """arg_scope's key for an op expression: a contrib/slim op, or this file's @add_arg_scope."""
        api = self.api(expr)
        if api is not None:
            if api.startswith(_LIBRARIES) and api.count(".") == 2:
                name = api.rsplit(".", 1)[1]
                name = _ALIASES.get(name, name)
                return f"contrib:{name}" if name in _OP_PARAMS else None
            return None
        if isinstance(expr, cst.Name) and expr.value in self.arg_scoped:
            return f"local:{expr.value}"
        return None

    def params(self, key: str) -> tuple[str, ...] | None:
        kind, name = key.split(":", 1)
        if kind == "contrib":
            return _OP_PARAMS.get(name)
        fn = self.functions[name]
        ps = fn.params
        if ps.star_arg is not None and isinstance(ps.star_arg, cst.Param):
            return None
        return tuple(p.name.value for p in (*ps.posonly_params, *ps.params))


def line_mapper(original: str, rewritten: str):
    """A function new line -> (original line, column shift), from a line diff (the rewrite only
    removes `with` headers, dedents their bodies and lengthens calls)."""
    old = [l.strip() for l in original.splitlines()]
    new = [l.strip() for l in rewritten.splitlines()]
    old_raw, new_raw = original.splitlines(), rewritten.splitlines()
    mapping: dict[int, int] = {}
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for k in range(j2 - j1):
            mapping[j1 + k + 1] = min(i1 + k, max(i2 - 1, i1)) + 1
    indent = lambda s: len(s) - len(s.lstrip())  # noqa: E731

    def original_line(line: int) -> tuple[int, int]:
        old_line = mapping.get(line, line)
        shift = 0
        if 0 < old_line <= len(old_raw) and 0 < line <= len(new_raw):
            shift = indent(old_raw[old_line - 1]) - indent(new_raw[line - 1])
        return old_line, shift

    return original_line


class _Resolver(cst.CSTTransformer):
    """Finds outermost arg_scope blocks and replaces each resolvable one by its rewritten body."""

    def __init__(self, facts: _FileFacts, only: frozenset[str | None] | None) -> None:
        super().__init__()
        self.facts = facts
        self.only = only
        self.positions = None
        self.diagnostics: list[Diagnostic] = []
        self.resolved = 0
        self.regions: set[str | None] = set()
        self._stack: list[str] = []
        self._replacements: dict[int, cst.FlattenSentinel | cst.With] = {}

    def _region(self) -> str | None:
        """The qualname the codemod converts this code as: a top-level function or a method."""
        if not self._stack:
            return None
        kind, name = self._stack[0].split(":", 1)
        if kind == "F":
            return name
        if len(self._stack) > 1 and self._stack[1].startswith("F:"):
            return f"{name}.{self._stack[1][2:]}"
        return name  # a class body

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._stack.append("F:" + node.name.value)

    def leave_FunctionDef(self, original_node, updated_node):
        self._stack.pop()
        return updated_node

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._stack.append("C:" + node.name.value)

    def leave_ClassDef(self, original_node, updated_node):
        self._stack.pop()
        return updated_node

    def _line(self, node: cst.CSTNode) -> tuple[int, int]:
        try:
            pos = self.positions[node].start
            return pos.line, pos.column
        except (KeyError, TypeError):
            return 0, 0

    def visit_With(self, node: cst.With) -> bool:
        if not any(self.facts.is_arg_scope(item.item) for item in node.items):
            return True
        region = self._region()
        if self.only is not None and region not in self.only:
            return False  # its function stays TF1: the block stays as written
        block = _Block(self.facts, region.split(".")[0] if region and "." in region else None)
        try:
            replacement = block.resolve_with(node, {})
        except _Refused as refused:
            line, col = self._line(refused.node or node)
            with_line, with_col = self._line(node)
            end = self.positions[node].end.line if node in self.positions else with_line
            where = "" if with_line <= line <= end else f" (line {line})"
            if not where:
                with_line, with_col = line, col  # inside the block: point at the call itself
            self.diagnostics.append(Diagnostic(
                "contrib", f"arg_scope defaults kept (the block stays TF1): {refused}{where}",
                with_line, with_col, "error"))
            return False
        self._replacements[id(node)] = replacement
        self.resolved += block.scopes
        self.regions.add(region)
        line, col = self._line(node)
        self.diagnostics.append(Diagnostic(
            "contrib", f"arg_scope defaults written as explicit arguments into {block.calls} "
            f"call{'s' if block.calls != 1 else ''} (tf.contrib's arg_scope does not exist in TF2)",
            line, col, "info"))
        return False

    def leave_With(self, original_node: cst.With, updated_node: cst.With):
        return self._replacements.get(id(original_node), updated_node)


class _Block:
    """Rewrites one outermost arg_scope block (nested ones included), or raises _Refused."""

    def __init__(self, facts: _FileFacts, owner: str | None = None) -> None:
        self.facts = facts
        self.owner = owner  # the class of the method holding the block (`self.f()` is checked there)
        self.calls = 0
        self.scopes = 0
        self.assigned: set[str] = set()
        self._checked: set[tuple[str, frozenset[str]]] = set()

    # ------------------------------------------------------------------ the with statement
    def resolve_with(self, node: cst.With, outer: Scope):
        scope = outer
        kept_items = []
        if not self.assigned:
            self.assigned = _assigned_names(node.body)
        for item in node.items:
            if self.facts.is_arg_scope(item.item):
                if item.asname is not None:
                    raise _Refused("`with arg_scope(...) as name` keeps the scope object for later use", node)
                scope = self._enter(item.item, scope)
                self.scopes += 1
            else:
                kept_items.append(item)
        body = self._statements(node.body, scope)
        if kept_items:
            last = kept_items[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
            return node.with_changes(items=[*kept_items[:-1], last],
                                     body=node.body.with_changes(body=body))
        if isinstance(node.body, cst.SimpleStatementSuite):
            return cst.FlattenSentinel([cst.SimpleStatementLine(body=list(node.body.body),
                                                                leading_lines=node.leading_lines)])
        if body:
            body[0] = body[0].with_changes(leading_lines=[*node.leading_lines, *body[0].leading_lines])
        return cst.FlattenSentinel(body)

    def _enter(self, call: cst.Call, outer: Scope) -> Scope:
        if not call.args or call.args[0].keyword is not None or call.args[0].star:
            raise _Refused("arg_scope without an op list", call)
        ops = call.args[0].value
        if len(call.args) > 1 and call.args[1].keyword is None:
            raise _Refused("arg_scope with positional defaults", call)
        if not isinstance(ops, (cst.List, cst.Tuple)):
            what = "a scope object re-entered" if len(call.args) == 1 else "an op list held in a name"
            raise _Refused(f"arg_scope over {what} (`{_code(ops)}`) cannot be resolved statically", call)
        keys = []
        for element in ops.elements:
            if isinstance(element, cst.StarredElement):
                raise _Refused("arg_scope over a starred op list", call)
            key = self.facts.op_key(element.value)
            if key is None:
                raise _Refused(f"arg_scope lists `{_code(element.value)}`, not a known @add_arg_scope op", call)
            keys.append(key)
        defaults: dict[str, cst.BaseExpression] = {}
        for arg in call.args[1:]:
            if arg.star:
                raise _Refused("arg_scope(**kwargs): the defaults are not literal", call)
            self._check_stable(arg.value, arg.keyword.value, call)
            defaults[arg.keyword.value] = arg.value
        scope = {k: dict(v) for k, v in outer.items()}
        for key in keys:
            scope[key] = {**scope.get(key, {}), **defaults}  # innermost wins, keys merge
        return scope

    def _check_stable(self, value: cst.BaseExpression, keyword: str, where: cst.CSTNode) -> None:
        """The default is written into every call: it must mean the same there as at `with`."""
        problem = _unstable(value, self.facts, self.assigned)
        if problem:
            raise _Refused(f"arg_scope default {keyword}={_code(value)} {problem}", where)

    # ------------------------------------------------------------------ statements and calls
    def _statements(self, body: cst.BaseSuite, scope: Scope) -> list[cst.BaseStatement]:
        stmts = body.body if isinstance(body, cst.IndentedBlock) else [cst.SimpleStatementLine(list(body.body))]
        out: list[cst.BaseStatement] = []
        for stmt in stmts:
            new = self._statement(stmt, scope)
            if isinstance(new, cst.FlattenSentinel):
                out.extend(new.nodes)
            else:
                out.append(new)
        return out

    def _statement(self, stmt: cst.BaseStatement, scope: Scope):
        if isinstance(stmt, cst.With) and any(self.facts.is_arg_scope(i.item) for i in stmt.items):
            return self.resolve_with(stmt, scope)
        if isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
            self._check_deferred(stmt, scope)
            return stmt
        rewriter = _CallRewriter(self, scope)
        return stmt.visit(rewriter)

    def _check_deferred(self, node: cst.CSTNode, scope: Scope) -> None:
        """A def/lambda inside the block runs whenever it is called: refuse if it calls an op."""
        for call in _calls(node):
            key = self.facts.op_key(call.func)
            if key in scope:
                raise _Refused(f"`{_code(call.func)}` is called in a function defined inside the "
                               "block (arg_scope applies to calls made while the block runs)", call)

    def apply(self, call: cst.Call, scope: Scope, where: cst.Call) -> cst.Call:
        key = self.facts.op_key(call.func)
        if key is not None and key.startswith("local:"):
            self.check_callee(key.split(":", 1)[1], scope, where)
        defaults = scope.get(key) if key is not None else None
        if not defaults:
            return self._normalizer(call, scope, None)
        explicit = self._explicit(call, key, where)
        added = [cst.Arg(value=v.deep_clone(), keyword=cst.Name(k), equal=_NO_WS)
                 for k, v in defaults.items() if k not in explicit]
        if added:
            self.calls += 1
            call = _append_args(call, added)
        return self._normalizer(call, scope, key)

    def _explicit(self, call: cst.Call, key: str, where: cst.Call) -> set[str]:
        names = set()
        positional = 0
        for arg in call.args:
            if arg.star:
                raise _Refused(f"`{_code(call.func)}` is called with *args/**kwargs: which defaults "
                               "apply cannot be decided", where)
            if arg.keyword is None:
                positional += 1
            else:
                names.add(arg.keyword.value)
        if positional:
            params = self.facts.params(key)
            if params is None:
                raise _Refused(f"`{_code(call.func)}` takes *args: positional arguments cannot be matched", where)
            names.update(params[:positional])
        return names

    def _normalizer(self, call: cst.Call, scope: Scope, key: str | None) -> cst.Call:
        """normalizer_fn=<op> is called inside the call with normalizer_params: the scope's
        defaults for that op reach it; merge them into normalizer_params (explicit wins)."""
        args = {a.keyword.value: a for a in call.args if a.keyword is not None}
        fn = args.get("normalizer_fn")
        if fn is None:
            return call
        norm_key = self.facts.op_key(fn.value)
        defaults = scope.get(norm_key) if norm_key is not None else None
        if not defaults:
            return call
        params = args.get("normalizer_params")
        value = params.value if params is not None else None
        if value is None or (isinstance(value, cst.Name) and value.value == "None"):
            merged = cst.Dict([cst.DictElement(cst.SimpleString(repr(k)), v.deep_clone())
                               for k, v in defaults.items()])
        elif isinstance(value, cst.Dict) and all(isinstance(e, cst.DictElement) and isinstance(e.key, cst.SimpleString)
                                                 for e in value.elements):
            present = {e.key.evaluated_value for e in value.elements}
            extra = [cst.DictElement(cst.SimpleString(repr(k)), v.deep_clone())
                     for k, v in defaults.items() if k not in present]
            if not extra:
                return call
            elements = list(value.elements)
            if elements:
                elements[-1] = elements[-1].with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
            merged = value.with_changes(elements=[*elements, *extra])
        else:
            merged = cst.Dict([*(cst.DictElement(cst.SimpleString(repr(k)), v.deep_clone())
                                 for k, v in defaults.items()), cst.StarredDictElement(value)])
        self.calls += 1
        if params is None:
            return _append_args(call, [cst.Arg(value=merged, keyword=cst.Name("normalizer_params"), equal=_NO_WS)])
        return call.with_changes(args=[a.with_changes(value=merged) if a is params else a for a in call.args])

    def check_callee(self, name: str, scope: Scope, where: cst.CSTNode, method_of: str | None = None) -> None:
        """A function of this file called while the block runs: it must reach no listed op."""
        if not scope:
            return
        marker = (f"{method_of}.{name}" if method_of else name, frozenset(scope))
        if marker in self._checked:
            return
        self._checked.add(marker)
        node: cst.CSTNode | None
        if method_of is not None:
            node = _method(self.facts.classes.get(method_of), name)
        else:
            node = self.facts.functions.get(name) or self.facts.classes.get(name)
        if node is None:
            raise _Refused(f"`{name}` is called inside the block and cannot be seen", where)
        for call in _calls(node.body):
            key = self.facts.op_key(call.func)
            if key in scope:
                raise _Refused(f"`{name}`, called inside the block, calls `{_code(call.func)}`: arg_scope "
                               "applies to every call during the block, also in callees", where)
            self.classify(call, scope, owner=method_of if method_of else (name if name in self.facts.classes else None),
                          params=_param_names(node))

    def classify(self, call: cst.Call, scope: Scope, owner: str | None = None,
                 params: frozenset[str] = frozenset()) -> None:
        """Refuse calls that could reach a listed op out of sight; check visible callees."""
        func = call.func
        library = self.facts.api(func) is not None
        for arg in call.args:  # functions passed as values may be called during the call
            v = arg.value
            if self.facts.op_key(v) in scope and not (library and arg.keyword is not None
                                                      and arg.keyword.value == "normalizer_fn"):
                raise _Refused(f"`{_code(v)}` is passed to `{_code(func)}`, which may call it during the "
                               "block (arg_scope applies to every call during the block)", call)
            if isinstance(v, cst.Name) and (v.value in self.facts.functions or v.value in self.facts.classes):
                self.check_callee(v.value, scope, call)
            elif isinstance(v, cst.Lambda):
                self._check_deferred(v, scope)
        api = self.facts.api(func)
        if api is not None and api.rsplit(".", 1)[-1] in _CALLS_ITS_OP and api.startswith(_LIBRARIES):
            raise _Refused(f"`{_code(func)}` calls its op argument inside the block", call)
        if api is not None or self.facts.op_key(func) is not None:
            return  # TF itself, or an op of the scope (`apply` writes its defaults)
        if isinstance(func, cst.Name):
            name = func.value
            if name in self.facts.functions or name in self.facts.classes:
                self.check_callee(name, scope, call)
            elif name in _BUILTINS or name in self.facts.plain_imports or name in params:
                return  # a callee's own parameter: what the block passes there is checked above
            else:
                raise _Refused(f"`{name}(...)` is called inside the block: arg_scope applies to every "
                               "call during the block, also in callees, and this one cannot be seen", call)
            return
        if isinstance(func, cst.Attribute):
            root = func
            while isinstance(root, cst.Attribute):
                root = root.value
            if isinstance(root, cst.Name) and root.value in self.facts.plain_imports:
                return
            if func.attr.value in _PLAIN_METHODS:
                return
            if isinstance(func.value, cst.Name) and func.value.value == "self" and owner is not None:
                self.check_callee(func.attr.value, scope, call, method_of=owner)
                return
            raise _Refused(f"`{_code(func)}(...)` is called inside the block: arg_scope applies to every "
                           "call during the block, also in callees, and this one cannot be seen", call)
        if not isinstance(func, cst.Call):  # `layers[i](x)` may be a listed op; `f()(x)`: f is checked
            raise _Refused(f"`{_code(func)}(...)` is called inside the block and cannot be seen", call)


class _CallRewriter(cst.CSTTransformer):
    def __init__(self, block: _Block, scope: Scope) -> None:
        super().__init__()
        self.block = block
        self.scope = scope
        self._nested: dict[int, cst.FlattenSentinel | cst.With] = {}

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        self.block._check_deferred(node, self.scope)
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        self.block._check_deferred(node, self.scope)
        return False

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        self.block._check_deferred(node, self.scope)
        return False

    def visit_With(self, node: cst.With) -> bool:
        if any(self.block.facts.is_arg_scope(i.item) for i in node.items):
            # a nested arg_scope (under an if / for / another with): resolved on its own scope
            self._nested[id(node)] = self.block.resolve_with(node, self.scope)
            return False
        return True

    def leave_With(self, original_node: cst.With, updated_node: cst.With):
        return self._nested.get(id(original_node), updated_node)

    def visit_Call(self, node: cst.Call) -> bool:
        self.block.classify(node, self.scope, owner=self.block.owner)
        return True

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.Call:
        return self.block.apply(updated_node, self.scope, original_node)


_NO_WS = cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace(""))


def _append_args(call: cst.Call, added: list[cst.Arg]) -> cst.Call:
    """`call` with `added` keyword arguments at its end; a call written one argument per line
    gets its new arguments on lines of their own, indented like the others."""
    args = list(call.args)
    separator = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
    for arg in args[:-1]:
        if isinstance(arg.comma, cst.Comma) and isinstance(arg.comma.whitespace_after, cst.ParenthesizedWhitespace):
            separator = arg.comma
            break
    if args:
        last_comma = args[-1].comma
        args[-1] = args[-1].with_changes(comma=separator)
        if isinstance(last_comma, cst.Comma):  # `f(a,\n)`: keep the trailing comma and the layout
            added[-1] = added[-1].with_changes(comma=last_comma)
    for i, arg in enumerate(added[:-1]):
        added[i] = arg.with_changes(comma=separator)
    return call.with_changes(args=[*args, *added])


def _calls(node: cst.CSTNode) -> list[cst.Call]:
    found: list[cst.Call] = []

    class _Collect(cst.CSTVisitor):
        def visit_Call(self, call: cst.Call) -> None:
            found.append(call)

    node.visit(_Collect())
    return found


def _param_names(node: cst.CSTNode) -> frozenset[str]:
    if not isinstance(node, cst.FunctionDef):
        return frozenset()
    ps = node.params
    return frozenset(p.name.value for p in (*ps.posonly_params, *ps.params, *ps.kwonly_params))


def _method(cls: cst.ClassDef | None, name: str) -> cst.FunctionDef | None:
    if cls is None or not isinstance(cls.body, cst.IndentedBlock):
        return None
    for stmt in cls.body.body:
        if isinstance(stmt, cst.FunctionDef) and stmt.name.value == name:
            return stmt
    return None


def _assigned_names(node: cst.CSTNode) -> set[str]:
    names: set[str] = set()

    class _Collect(cst.CSTVisitor):
        def visit_AssignTarget(self, target: cst.AssignTarget) -> None:
            names.update(_target_names(target.target))

        def visit_AugAssign(self, stmt: cst.AugAssign) -> None:
            names.update(_target_names(stmt.target))

        def visit_AnnAssign(self, stmt: cst.AnnAssign) -> None:
            names.update(_target_names(stmt.target))

        def visit_For(self, stmt: cst.For) -> None:
            names.update(_target_names(stmt.target))

        def visit_AsName(self, node: cst.AsName) -> None:
            names.update(_target_names(node.name))

        def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
            names.update(_target_names(node.target))

    node.visit(_Collect())
    return names


def _target_names(target: cst.CSTNode) -> set[str]:
    if isinstance(target, cst.Name):
        return {target.value}
    if isinstance(target, (cst.Tuple, cst.List)):
        out: set[str] = set()
        for e in target.elements:
            out |= _target_names(e.value)
        return out
    if isinstance(target, cst.StarredElement):
        return _target_names(target.value)
    return set()


def _unstable(value: cst.BaseExpression, facts: _FileFacts, assigned: set[str]) -> str | None:
    """Why `value` may differ when evaluated at each call instead of once at `with` (or None)."""
    if isinstance(value, (cst.Integer, cst.Float, cst.Imaginary, cst.SimpleString, cst.ConcatenatedString)):
        return None
    if isinstance(value, cst.Name):
        return f"is reassigned inside the block" if value.value in assigned else None
    if isinstance(value, cst.Attribute):
        return _unstable(value.value, facts, assigned)
    if isinstance(value, (cst.UnaryOperation,)):
        return _unstable(value.expression, facts, assigned)
    if isinstance(value, cst.BinaryOperation):
        return _unstable(value.left, facts, assigned) or _unstable(value.right, facts, assigned)
    if isinstance(value, (cst.Tuple, cst.List)):
        for e in value.elements:
            why = _unstable(e.value, facts, assigned)
            if why:
                return why
        return None
    if isinstance(value, cst.Dict):
        for e in value.elements:
            parts = (e.key, e.value) if isinstance(e, cst.DictElement) else (e.value,)
            for p in parts:
                why = _unstable(p, facts, assigned)
                if why:
                    return why
        return None
    if isinstance(value, cst.Subscript):
        return _unstable(value.value, facts, assigned)
    if isinstance(value, cst.Call):
        # TF constructors (initializers, regularizers) give an equivalent object at every call
        if facts.api(value.func) is None:
            return "calls user code: evaluating it at every call could differ"
        for arg in value.args:
            why = _unstable(arg.value, facts, assigned)
            if why:
                return why
        return None
    return "is not a simple expression"


def _code(node: cst.CSTNode) -> str:
    text = cst.Module([]).code_for_node(node)
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."


def back_to_original(out, original: str, scoped: ArgScopeResult):
    """The transform of the resolved text, told in terms of the original text: diagnostics and
    function lines mapped back; when nothing but the arg_scope resolution changed (the code stays
    TF1), the original text unchanged (refused code stays byte-identical)."""
    import dataclasses

    from migrate.result import TransformOutput

    to_original = scoped.original_line(original)
    original_lines = original.splitlines()

    def moved(d: Diagnostic) -> Diagnostic:
        if not d.line:
            return d
        line, shift = to_original(d.line)
        d = dataclasses.replace(d, line=line, column=max(0, d.column + shift))
        return _at_named_token(d, original_lines)

    kept_tf1 = out.code == scoped.source
    own = [d for d in scoped.diagnostics if not (kept_tf1 and d.severity == "info")]
    functions = tuple(dataclasses.replace(
        f, line=to_original(f.line)[0],
        sites=tuple((attr, to_original(line)[0], why) for attr, line, why in f.sites)) for f in out.functions)
    diagnostics = list(dict.fromkeys([*own, *(moved(d) for d in out.diagnostics)]))
    return TransformOutput(code=original if kept_tf1 else out.code,
                           diagnostics=tuple(diagnostics),
                           functions=functions, parsed=out.parsed)


def transform_with_arg_scopes(transform, source: str, path: str):
    """`transform(text) -> TransformOutput` run on the text with arg_scope defaults made explicit.
    Blocks in functions the codemod then keeps as TF1 are put back as written (a second run of
    `transform` without them), so refused code changes only by its compat renames."""
    from migrate.codemod import text_passes
    from migrate.result import TransformOutput

    scoped = text_passes.arg_scopes(source, path)  # the planner's result, when it had this text
    if scoped.resolved:
        out = transform(scoped.source)
        converted = {f.legacy_name for f in out.functions}
        kept = {r for r in scoped.regions if r is not None and r not in converted}
        if None in scoped.regions and not converted:
            kept.add(None)
        if not kept:
            return back_to_original(out, source, scoped)
        scoped = resolve_arg_scopes(source, path, frozenset(scoped.regions - kept))
        if scoped.resolved:
            return back_to_original(transform(scoped.source), source, scoped)
    out = transform(source)
    if not scoped.diagnostics:
        return out
    return TransformOutput(code=out.code, diagnostics=(*scoped.diagnostics, *out.diagnostics),
                           functions=out.functions, parsed=out.parsed)


_NAMED = re.compile(r"^`([A-Za-z_][\w.]*)")
_DOTTED = re.compile(r"[A-Za-z_][\w.]*")


def _at_named_token(d: Diagnostic, lines: list[str]) -> Diagnostic:
    """A diagnostic about a name copied from an arg_scope default (`tf.truncated_normal_initializer`
    written into three calls) points at the name where the original text spells it: on its line,
    else on the nearest line that spells it (the arg_scope header)."""
    m = _NAMED.match(d.message)
    if m is None or not 0 < d.line <= len(lines):
        return d
    name = m.group(1).split("(")[0]
    tail = name.split(".", 1)[1] if "." in name else name

    last = tail.rsplit(".", 1)[-1]

    def spelled(text: str, column: int) -> bool:  # `slim.l2_regularizer` for tf.contrib.slim.l2_regularizer
        found = _DOTTED.match(text[column:])
        return bool(found) and found.group(0).rsplit(".", 1)[-1] == last and (
            found.group(0) == tail or tail.endswith(found.group(0).split(".", 1)[-1]))

    if d.column <= len(lines[d.line - 1]) and spelled(lines[d.line - 1], d.column):
        return d
    nearest = sorted(range(max(1, d.line - 40), min(len(lines), d.line + 40) + 1),
                     key=lambda line: (abs(line - d.line), line > d.line))
    for line in nearest:
        text = lines[line - 1]
        for found in _DOTTED.finditer(text):
            if spelled(text, found.start()):
                return dataclasses.replace(d, line=line, column=found.start())
    return d


def planning_text(source: str) -> str:
    """The text the project planner analyses: arg_scope defaults made explicit, as
    `transform_with_arg_scopes` will convert it (a resolvable block must not refuse its function)."""
    from migrate.codemod import text_passes

    return text_passes.arg_scopes(source, remember=True).source  # kept for the transform
