"""A tensor the constructor derives from its variables, recomputed on every read.

Kyubyong's transformer stores `self.embeddings = get_token_embeddings(vocab, d_model,
zero_pad=True)` (`tf.concat((zeros, table[1:]), 0)`) and reads it in `encode(xs)` / `decode(ys)`.
TF1's graph recomputed that tensor from the variable on every run; a constructor converted into a
module computes it once, so eager code would read a stale value no gradient reaches (P's H3).

When the derivation is a pure function of variables (no dropout or random op, no local tensor
computed earlier in the constructor, assigned once, in the constructor only), the converted
constructor stores how to compute it and the class reads it through a property:

    owner._compute_embeddings = lambda: self.shared_weight_matrix(owner.hp.vocab_size, ...)
    owner._compute_embeddings()  # makes the variables here, under the constructor's scopes

    @property
    def embeddings(self):
        return self._compute_embeddings()

Other derived tensors keep the class TF1 (analyse.py reports them).
"""

from __future__ import annotations

import ast
from collections.abc import Callable

import libcst as cst

from migrate.codemod.tfapi import TfNames

# (a second evaluation would draw other values than the one TF1 shared between its readers)
_IMPURE_WORDS = ("dropout", "random", "shuffle", "sample", "noise", "multinomial", "categorical")


def recomputable(cls: ast.ClassDef, attr: str, tf: TfNames, helper_source: Callable[[str], str | None]) -> bool:
    """`self.<attr> = <expr>` is the attribute's only assignment in the class, a statement of the
    constructor (under `with` blocks at most), and `<expr>` recomputes the same value: it calls no
    impure op, its helpers (by `helper_source`, the called name's source) neither, and it reads no
    local the constructor computed from its variables (a lambda would hold that stale tensor)."""
    init = next((m for m in cls.body if isinstance(m, ast.FunctionDef) and m.name == "__init__"), None)
    if init is None or not init.args.args:
        return False
    sites = [n for n in ast.walk(cls) if isinstance(n, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete))
             and any(_is_self_attr(t, attr) for t in _targets(n))]
    if len(sites) != 1 or not isinstance(sites[0], ast.Assign) or len(sites[0].targets) != 1 \
            or not isinstance(sites[0].targets[0], ast.Attribute):
        return False
    site = sites[0]
    if not _plain_statement_of(init.body, site):
        return False
    if _mentions_impure(ast.unparse(site.value)):
        return False
    for call in (n for n in ast.walk(site.value) if isinstance(n, ast.Call)):
        source = helper_source(ast.unparse(call.func))
        if source is not None and _mentions_impure(source):
            return False
    computed_locals = _computed_locals(init, site, tf)
    return not any(isinstance(n, ast.Name) and n.id in computed_locals for n in ast.walk(site.value))


def _targets(node: ast.AST) -> list[ast.expr]:
    if isinstance(node, ast.Assign):
        return [e for t in node.targets for e in (t.elts if isinstance(t, (ast.Tuple, ast.List)) else [t])]
    if isinstance(node, ast.Delete):
        return list(node.targets)
    return [node.target]  # type: ignore[attr-defined]


def _is_self_attr(node: ast.expr, attr: str) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == attr and isinstance(node.value, ast.Name) \
        and node.value.id == "self"


def _plain_statement_of(body: list[ast.stmt], site: ast.stmt) -> bool:
    for stmt in body:
        if stmt is site:
            return True
        if isinstance(stmt, (ast.With, ast.AsyncWith)) and _plain_statement_of(stmt.body, site):
            return True
    return False


def _mentions_impure(text: str) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in _IMPURE_WORDS)


def _computed_locals(init: ast.FunctionDef, before: ast.stmt, tf: TfNames) -> set[str]:
    """Locals of the constructor bound to anything but a variable itself, a parameter or a
    constant before `before` (a conservative superset of the tensors computed from variables)."""
    out: set[str] = set()
    for node in ast.walk(init):
        if isinstance(node, ast.Assign) and node.lineno < before.lineno:
            value = node.value
            is_variable = isinstance(value, ast.Call) and isinstance(value.func, (ast.Name, ast.Attribute)) \
                and tf.api(value.func) in ("get_variable", "Variable")
            if is_variable or isinstance(value, (ast.Constant, ast.Name, ast.Attribute)):
                continue
            for t in _targets(node):
                if isinstance(t, ast.Name):
                    out.add(t.id)
    return out


def compute_attr(attr: str) -> str:
    return f"_compute_{attr}"


class _LazyAssignments(cst.CSTTransformer):
    def __init__(self, attrs: frozenset[str]) -> None:
        self.attrs = attrs

    def leave_SimpleStatementLine(self, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine):
        if len(updated.body) != 1 or not isinstance(updated.body[0], cst.Assign):
            return updated
        assign = updated.body[0]
        target = assign.targets[0].target if len(assign.targets) == 1 else None
        if not (isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name)
                and target.value.value == "owner" and target.attr.value in self.attrs):
            return updated
        compute = compute_attr(target.attr.value)
        store = updated.with_changes(body=[cst.Assign(
            targets=[cst.AssignTarget(cst.Attribute(cst.Name("owner"), cst.Name(compute)))],
            value=cst.Lambda(params=cst.Parameters(), body=assign.value))])
        first = cst.parse_statement(f"owner.{compute}()  # makes its variables here, under the constructor's scopes\n")
        return cst.FlattenSentinel([store, first])


def lazy_assignments(init_module: cst.ClassDef, attrs: frozenset[str]) -> cst.ClassDef:
    """The generated constructor module with `owner.<attr> = <expr>` stored as a computation."""
    return init_module.visit(_LazyAssignments(attrs))  # type: ignore[return-value]


def recompute_properties(attrs: frozenset[str]) -> list[cst.FunctionDef]:
    out = []
    for attr in sorted(attrs):
        out.append(cst.parse_statement(
            "@property\n"
            f"def {attr}(self):\n"
            "    # TF1's graph recomputed this tensor from the variables on every run\n"
            f"    return self.{compute_attr(attr)}()\n"))
    return out  # type: ignore[return-value]
