"""Objects whose constructor makes variables, built under a variable scope whose settings the
converted constructor cannot follow.

The PTB tutorial builds its model three times: `with tf.variable_scope("Model", reuse=None,
initializer=init): m = PTBModel(...)`, then `reuse=True` for the valid and test models. TF1's
variable store gave the second object the first one's variables and drew them from the scope's
initializer. A converted constructor (`PTBModelInit`, a module per object) makes new variables
with its own initializers wherever it is built, so each such construction keeps the class TF1
(P's H8, H9, H10): reported, never converted into unshared models with other initial values.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass

from migrate.codemod.tfapi import TfNames, ast_dotted_name

# variable_scope settings a constructor converted into a module would not see
_SCOPE_SETTINGS = ("reuse", "initializer", "regularizer", "custom_getter", "partitioner", "dtype",
                   "caching_device", "constraint", "use_resource")


@dataclass(frozen=True)
class Construction:
    spelling: str  # how the file names the class (`PTBModel`, `ptb.PTBModel`)
    line: int
    why: str  # the scope setting, e.g. "reuse=True", or "reuse_variables()"


def constructions_under_scope_settings(tree: ast.Module, tf: TfNames, spellings: set[str]) -> list[Construction]:
    """Calls of the classes named in `spellings` made inside a `with tf.variable_scope(...)` that
    sets reuse / an initializer / ... , or in a function that calls `reuse_variables()`."""
    if not spellings:
        return []
    found: list[Construction] = []

    def walk(node: ast.AST, settings: tuple[str, ...]) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                # (a nested def runs where its parent calls it: the parent's scopes stay in force)
                walk(child, settings + (("reuse_variables()",) if _calls_reuse_variables(child) else ()))
                continue
            inner = settings
            if isinstance(child, (ast.With, ast.AsyncWith)):
                inner = settings + tuple(_settings_of(item.context_expr, tf) for item in child.items
                                         if _settings_of(item.context_expr, tf))
            if isinstance(child, ast.Call) and inner:
                name = ast_dotted_name(child.func)
                if name in spellings:
                    found.append(Construction(name, child.lineno, inner[-1]))
            walk(child, inner)

    walk(tree, ("reuse_variables()",) if _calls_reuse_variables(tree, top_level_only=True) else ())
    return found


def constructed_message(built: Construction, where: str = "") -> str:
    return (f"{built.spelling} is built under a variable scope with {built.why} "
            f"({where or 'line '}{built.line}): TF1 shared or initialized its variables through that scope, "
            "which its constructor converted into a module would not follow")


def _settings_of(expr: ast.expr, tf: TfNames) -> str:
    if not (isinstance(expr, ast.Call) and isinstance(expr.func, (ast.Name, ast.Attribute))):
        return ""
    if tf.api(expr.func) not in ("variable_scope", "variable_op_scope"):
        return ""
    for k in expr.keywords:
        if k.arg in _SCOPE_SETTINGS and not (isinstance(k.value, ast.Constant) and k.value.value in (None, False)):
            return f"{k.arg}={ast.unparse(k.value)}"
    return ""


def _calls_reuse_variables(node: ast.AST, top_level_only: bool = False) -> bool:
    nodes = ast.walk(node) if not top_level_only else (
        n for stmt in node.body if not isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        for n in ast.walk(stmt))
    return any(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "reuse_variables"
               for n in nodes)


def derived_tensors_read_later(cls: ast.ClassDef, tf: TfNames, creating: frozenset[str] = frozenset(),
                               helper_source: Callable[[str], str | None] = lambda name: None,
                               ) -> list[tuple[str, str, int]]:
    """(attribute, method, line) for each `self.attr = <computed tensor>` of `__init__` that another
    method taking inputs of its own reads (Kyubyong's transformer: `self.embeddings =
    tf.concat((zeros, table[1:]), 0)`, read by `logits(ids)`). TF1 recomputed the tensor from the
    variable on every run; a constructor converted into a module computes it once, so in eager
    code the method would read a stale value that no gradient reaches (P's H3).

    A tensor computed from the constructor's own tensor inputs is not one (XLNet's
    `self.output = transformer_xl(inp_k=input_ids, ...)`): the object is the model applied to
    those inputs, built again for each batch, and its constructor computes the output each time
    as TF1's graph did."""
    methods = {m.name: m for m in cls.body if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef))}
    init = methods.get("__init__")
    if init is None or not init.args.args:
        return []
    me = init.args.args[0].arg
    derived: dict[str, int] = {}
    from_variables: set[str] = set()  # locals and self attributes that hold a variable or a tensor of one
    assigns = sorted((n for n in ast.walk(init) if isinstance(n, ast.Assign)), key=lambda n: (n.lineno, n.col_offset))
    data = _tensor_inputs(init, tf, helper_source)
    data |= {name for name, items in _packed_arguments(init, data).items() if items}
    for node in assigns:
        if any(isinstance(n, ast.Name) and n.id in data for n in ast.walk(node.value)):
            data |= {t.id for target in node.targets for t in ast.walk(target) if isinstance(t, ast.Name)}
            continue  # (computed from this object's inputs: the model's output, not a stale tensor)
        uses = _reads_variables(node.value, tf, me, from_variables, creating)
        for target in node.targets:
            for t in (target.elts if isinstance(target, ast.Tuple) else [target]):
                if isinstance(t, ast.Name) and uses:
                    from_variables.add(t.id)
                elif isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == me and uses:
                    from_variables.add(f"self.{t.attr}")
                    if _computed(node.value, tf):
                        derived.setdefault(t.attr, node.lineno)
    out = []
    for name, method in methods.items():
        if name == "__init__" or not method.args.args or len(method.args.args) < 2:
            continue  # (a getter without inputs returns what the constructor computed: BERT's outputs)
        me = method.args.args[0].arg
        for node in ast.walk(method):
            if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load) and isinstance(node.value, ast.Name) \
                    and node.value.id == me and node.attr in derived:
                out.append((node.attr, name, node.lineno))
                break
    return out


def _tensor_inputs(init: ast.FunctionDef, tf: TfNames, helper_source: Callable[[str], str | None]) -> set[str]:
    """Constructor parameters used as tensors: passed as such to a TensorFlow op in the
    constructor, or to a helper that does (`tf.shape(inp_k)` in XLNet's transformer_xl). A size
    or a config value reaches ops only inside shapes and attributes, so it is not one."""
    params = {a.arg for a in [*init.args.args[1:], *init.args.kwonlyargs]}
    packed = _packed_arguments(init, params)
    found: set[str] = set()
    for call in (n for n in ast.walk(init) if isinstance(n, ast.Call)):
        passed = [(i, None, a.id) for i, a in enumerate(call.args) if isinstance(a, ast.Name) and a.id in params]
        passed += [(None, k.arg, k.value.id) for k in call.keywords
                   if k.arg and isinstance(k.value, ast.Name) and k.value.id in params]
        passed += [(None, key, name) for k in call.keywords if k.arg is None and isinstance(k.value, ast.Name)
                   for key, name in packed.get(k.value.id, ())]
        if not passed:
            continue
        if isinstance(call.func, (ast.Name, ast.Attribute)) and tf.api(call.func) is not None:
            if tf.api(call.func).rsplit(".", 1)[-1] not in _NOT_TENSOR_OPS:
                found |= _tensor_arguments(call, params)
            continue
        source = helper_source(ast_dotted_name(call.func) or "")
        callee = _parsed_def(source) if source else None
        if callee is None:
            continue
        names = [a.arg for a in [*callee.args.posonlyargs, *callee.args.args]]
        uses = _tensor_params(callee)
        for index, keyword, name in passed:
            param = keyword if keyword is not None else (names[index] if index < len(names) else None)
            if param in uses:
                found.add(name)
    return found


def _packed_arguments(fn: ast.FunctionDef, params: set[str]) -> dict[str, list[tuple[str, str]]]:
    """Dicts of keyword arguments holding parameters, by local name: (key, parameter) of
    `args = dict(k=param, ...)` / `{"k": param}`, with what `args.update(other)` merges in."""
    out: dict[str, list[tuple[str, str]]] = {}
    for node in ast.walk(fn):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            value = node.value
            if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "dict":
                pairs = [(k.arg, k.value) for k in value.keywords if k.arg]
            elif isinstance(value, ast.Dict):
                pairs = [(k.value, v) for k, v in zip(value.keys, value.values)
                         if isinstance(k, ast.Constant) and isinstance(k.value, str)]
            else:
                continue
            out[node.targets[0].id] = [(k, v.id) for k, v in pairs if isinstance(v, ast.Name) and v.id in params]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "update" \
                and isinstance(node.func.value, ast.Name) and len(node.args) == 1 \
                and isinstance(node.args[0], ast.Name) and node.args[0].id in out:
            out.setdefault(node.func.value.id, []).extend(out[node.args[0].id])
    return out


# what drives a graph rather than computes in it: sessions, savers, supervisors, summary writers
_GRAPH_DRIVERS = ("session", "saver", "supervisor", "writer")

# ops whose arguments are shapes, names and settings rather than tensors to compute with
_NOT_TENSOR_OPS = frozenset({"get_variable", "Variable", "placeholder", "variable_scope", "name_scope",
                             "zeros", "ones", "constant", "fill", "TensorShape"})


def _parsed_def(source: str) -> ast.FunctionDef | None:
    import textwrap

    try:
        tree = ast.parse(textwrap.dedent(source))
    except SyntaxError:
        return None
    return next((n for n in tree.body if isinstance(n, ast.FunctionDef)), None)


def _tensor_params(fn: ast.FunctionDef) -> set[str]:
    """Parameters the function passes, as they are, to a `tf.*` op that computes with tensors."""
    params = {a.arg for a in [*fn.args.posonlyargs, *fn.args.args, *fn.args.kwonlyargs]}
    found: set[str] = set()
    for call in (n for n in ast.walk(fn) if isinstance(n, ast.Call)):
        name = ast_dotted_name(call.func) or ""
        head, _, op = name.partition(".")
        if head not in ("tf", "tensorflow") or name.rsplit(".", 1)[-1] in _NOT_TENSOR_OPS:
            continue
        found |= _tensor_arguments(call, params)
    return found


# keywords of TensorFlow ops that take the tensors they compute with (the first positional
# argument does too); the others are rates, flags, sizes and names
_TENSOR_KEYWORDS = frozenset({"x", "y", "a", "b", "input", "inputs", "input_tensor", "tensor", "value", "values",
                              "ids", "params", "logits", "labels", "features", "hidden", "query", "keys"})


def _tensor_arguments(call: ast.Call, names: set[str]) -> set[str]:
    # (the ids of a lookup come second: `tf.nn.embedding_lookup(table, ids)`)
    lookup = (ast_dotted_name(call.func) or "").endswith("embedding_lookup")
    first = call.args[:2] if lookup else call.args[:1]
    values = [*first, *(k.value for k in call.keywords if k.arg in _TENSOR_KEYWORDS)]
    return {v.id for v in values if isinstance(v, ast.Name) and v.id in names}


def _reads_variables(value: ast.expr, tf: TfNames, me: str, from_variables: set[str],
                     creating: frozenset[str] = frozenset()) -> bool:
    """The expression makes a variable or reads one made earlier in the constructor; a call of a
    variable-creating function (`creating`: a helper returning `tf.concat((zeros, table[1:]), 0)`,
    P's H26) counts too."""
    for n in ast.walk(value):
        if isinstance(n, ast.Call) and isinstance(n.func, (ast.Name, ast.Attribute)):
            if tf.api(n.func) in ("get_variable", "Variable"):
                return True
            # (a helper function's result; a method of the class, wavenet's `self.variables =
            # self._create_variables()`, hands back its variables themselves and does not count)
            if ast_dotted_name(n.func) in creating:
                return True
        if isinstance(n, ast.Name) and n.id in from_variables:
            return True
        if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == me \
                and f"self.{n.attr}" in from_variables:
            return True
    return False


def _computed(value: ast.expr, tf: TfNames) -> bool:
    """An op on tensors (not a variable itself, a parameter or a constant)."""
    if isinstance(value, ast.IfExp):  # (BEGAN: `tf.Variable(...) if use_bias else 0`)
        return _computed(value.body, tf) or _computed(value.orelse, tf)
    if isinstance(value, ast.Call) and any(word in (ast_dotted_name(value.func) or "").lower()
                                           for word in _GRAPH_DRIVERS):
        return False  # (BEGAN's `self.sess = sv.prepare_or_wait_for_session(...)`: no tensor)
    if isinstance(value, ast.Call) and isinstance(value.func, (ast.Name, ast.Attribute)) \
            and tf.api(value.func) in ("get_variable", "Variable"):
        return False
    return any(isinstance(n, (ast.Call, ast.BinOp, ast.Subscript)) for n in ast.walk(value))
