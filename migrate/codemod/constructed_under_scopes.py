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


def derived_tensors_read_later(cls: ast.ClassDef, tf: TfNames,
                               creating: frozenset[str] = frozenset()) -> list[tuple[str, str, int]]:
    """(attribute, method, line) for each `self.attr = <computed tensor>` of `__init__` that another
    method taking inputs of its own reads (Kyubyong's transformer: `self.embeddings =
    tf.concat((zeros, table[1:]), 0)`, read by `logits(ids)`). TF1 recomputed the tensor from the
    variable on every run; a constructor converted into a module computes it once, so in eager
    code the method would read a stale value that no gradient reaches (P's H3)."""
    methods = {m.name: m for m in cls.body if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef))}
    init = methods.get("__init__")
    if init is None or not init.args.args:
        return []
    me = init.args.args[0].arg
    derived: dict[str, int] = {}
    from_variables: set[str] = set()  # locals and self attributes that hold a variable or a tensor of one
    assigns = sorted((n for n in ast.walk(init) if isinstance(n, ast.Assign)), key=lambda n: (n.lineno, n.col_offset))
    for node in assigns:
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
    if isinstance(value, ast.Call) and isinstance(value.func, (ast.Name, ast.Attribute)) \
            and tf.api(value.func) in ("get_variable", "Variable"):
        return False
    return any(isinstance(n, (ast.Call, ast.BinOp, ast.Subscript)) for n in ast.walk(value))
