"""Undefined names, import-rooted attribute chains and imports of one module, on Python's `ast`.

A pass of our own, modelled on pyflakes' undefined-name check (see README "Verification"):

* scopes: module, function / lambda, class, comprehension; class scopes are not visible from
  the functions inside them; `global` / `nonlocal`;
* order: module and class bodies run top to bottom (a use before the binding is undefined);
  function bodies are visited after the whole module (they run later), so they see every
  module-level binding; inside a function a use of a name the function binds only later is
  undefined (pyflakes' "referenced before assignment");
* builtins and module dunders; `del` (not under a branch or loop) removes a binding;
* loads inside `try:` whose handlers catch `NameError` (or everything) are not reported;
* `from M import *` binds what `star_names(M)` says, else makes the module "open": no
  undefined name can be reported (like pyflakes, which only warns "may be undefined").

Besides the names, it records every attribute chain rooted at an import binding
(`tf.compat.v1.get_variable` for `import tensorflow.compat.v1 as tf`), resolved through the
scopes, so a local `tf` parameter is not mistaken for the module, and every import statement.
"""

from __future__ import annotations

import ast
import builtins
from dataclasses import dataclass, field
from typing import Callable, Iterable

BUILTINS = frozenset(dir(builtins)) | {
    "__file__", "__name__", "__doc__", "__spec__", "__loader__", "__package__", "__path__",
    "__builtins__", "__annotations__", "__cached__", "__debug__", "WindowsError",
}
CLASS_DUNDERS = frozenset({"__module__", "__qualname__", "__dict__"})
GUARD_EXCEPTIONS = frozenset({"NameError", "Exception", "BaseException"})

StarNames = Callable[[str], "set[str] | None"]  # module as written (".ops" when relative)


@dataclass(frozen=True)
class Use:
    name: str  # "foo", or a dotted chain "tensorflow.compat.v1.get_variable"
    line: int
    column: int
    spelling: str = ""  # a chain as written: "tf.get_variable"


@dataclass(frozen=True)
class ImportUse:
    module: str  # as written, with leading dots when relative (".ops")
    name: str | None  # None for `import M`; "*" for a star import
    line: int
    column: int


@dataclass
class ModuleNames:
    undefined: list[Use] = field(default_factory=list)
    chains: list[Use] = field(default_factory=list)  # full dotted path from the imported module
    imports: list[ImportUse] = field(default_factory=list)
    open: bool = False  # a star import we could not resolve: undefined names unknowable
    defined: set[str] = field(default_factory=set)  # bound at module level (functions' `global`s too)
    all_names: list[str] | None = None  # a literal `__all__`, when the module has one

    def undefined_names(self) -> set[str]:
        return set() if self.open else {u.name for u in self.undefined}


@dataclass
class _Binding:
    module: str | None = None  # the module path an import binds ("tensorflow.compat.v1")


@dataclass
class _Scope:
    kind: str  # "module" | "function" | "class" | "comprehension"
    bindings: dict[str, _Binding] = field(default_factory=dict)
    ever_bound: set[str] = field(default_factory=set)
    # function scopes: loads this body resolved outside itself, judged when the body ends
    # (a name the function binds further down is its local: unbound at that load)
    outer_loads: list[tuple[Use, bool]] = field(default_factory=list)  # (use, already reported)
    globals: set[str] = field(default_factory=set)
    nonlocals: set[str] = field(default_factory=set)


def scan(tree: ast.Module, star_names: StarNames | None = None) -> ModuleNames:
    walker = _Walker(star_names)
    walker.run(tree)
    return walker.out


class _Walker(ast.NodeVisitor):
    def __init__(self, star_names: StarNames | None) -> None:
        self.out = ModuleNames()
        self.star_names = star_names
        self.stack: list[_Scope] = []
        self.deferred: list[tuple[list[_Scope], Callable[[], None]]] = []
        self.guarded = 0  # depth of try bodies guarded against NameError
        self.branch = 0  # depth of if/for/while/try at the current scope (for `del`)
        self.declared_global: set[str] = set()

    # ------------------------------------------------------------------ driving

    def run(self, tree: ast.Module) -> None:
        self.stack = [_Scope("module")]
        self._body(tree.body)
        done = 0
        while done < len(self.deferred):  # functions run after the module: they see all of it
            stack, job = self.deferred[done]
            done += 1
            saved = self.stack, self.guarded, self.branch
            self.stack, self.guarded, self.branch = stack, 0, 0
            job()
            self.stack, self.guarded, self.branch = saved
        self.out.defined = set(self.stack[0].bindings) | self.declared_global
        self.out.all_names = _literal_all(tree)
        # pyflakes too: a name some function declares `global` may be bound by that function
        self.out.undefined = [u for u in self.out.undefined if u.name not in self.declared_global]

    def _body(self, stmts: Iterable[ast.stmt]) -> None:
        for stmt in stmts:
            self.visit(stmt)

    def _defer(self, job: Callable[[], None]) -> None:
        self.deferred.append((list(self.stack), job))

    # ------------------------------------------------------------------ binding / lookup

    @property
    def scope(self) -> _Scope:
        return self.stack[-1]

    def bind(self, name: str, binding: _Binding | None = None) -> None:
        scope = self.scope
        if name in scope.globals:
            self.stack[0].bindings[name] = binding or _Binding()
            return
        if name in scope.nonlocals:
            return
        scope.bindings[name] = binding or _Binding()
        scope.ever_bound.add(name)

    def lookup(self, name: str) -> tuple[bool, _Binding | None, _Scope | None]:
        """(found, binding, the running function scope the name was looked up past)."""
        current = self.scope
        if name in current.globals:
            binding = self.stack[0].bindings.get(name)
            return binding is not None or name in BUILTINS or self.out.open, binding, None
        passed: _Scope | None = None
        for i in range(len(self.stack) - 1, -1, -1):
            scope = self.stack[i]
            if scope.kind == "class" and scope is not current:
                continue
            if name in scope.bindings:
                return True, scope.bindings[name], passed
            if scope.kind == "class" and name in CLASS_DUNDERS:
                return True, None, passed
            if scope is current and name in scope.nonlocals:
                return True, None, passed
            if scope.kind == "function" and passed is None and name not in scope.globals:
                passed = scope  # the innermost function: the one running right now
        if name == "__class__" and any(s.kind == "class" for s in self.stack):
            return True, None, passed
        return name in BUILTINS or self.out.open, None, passed

    def load(self, node: ast.Name) -> _Binding | None:
        found, binding, passed = self.lookup(node.id)
        if self.guarded:
            return binding
        use = Use(node.id, node.lineno, node.col_offset)
        if not found:
            self.out.undefined.append(use)
        if passed is not None:
            passed.outer_loads.append((use, not found))
        return binding

    # ------------------------------------------------------------------ names

    def visit_Name(self, node: ast.Name) -> None:
        if isinstance(node.ctx, ast.Load):
            self.load(node)
        elif isinstance(node.ctx, ast.Store):
            self.bind(node.id)
        else:  # Del
            self.load(node)
            if not self.branch:
                self.scope.bindings.pop(node.id, None)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        parts: list[str] = []
        value: ast.expr = node
        while isinstance(value, ast.Attribute):
            parts.append(value.attr)
            value = value.value
        if not isinstance(value, ast.Name) or not isinstance(value.ctx, ast.Load):
            self.generic_visit(node)
            return
        binding = self.load(value)
        if binding is not None and binding.module is not None and isinstance(node.ctx, ast.Load):
            attrs = list(reversed(parts))
            dotted = ".".join([binding.module, *attrs])
            spelling = ".".join([value.id, *attrs])
            self.out.chains.append(Use(dotted, node.lineno, node.col_offset, spelling))

    def visit_NamedExpr(self, node: ast.NamedExpr) -> None:
        self.visit(node.value)
        # binds in the nearest scope that is not a comprehension
        for scope in reversed(self.stack):
            if scope.kind != "comprehension":
                scope.bindings[node.target.id] = _Binding()
                scope.ever_bound.add(node.target.id)
                break

    def visit_Constant(self, node: ast.Constant) -> None:
        pass  # (ast.NodeVisitor's own routes constants through deprecated visit_Num & co.)

    # ------------------------------------------------------------------ imports

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self.out.imports.append(ImportUse(alias.name, None, node.lineno, node.col_offset))
            if alias.asname:
                self.bind(alias.asname, _Binding(alias.name))
            else:
                top = alias.name.split(".")[0]
                self.bind(top, _Binding(top))

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = "." * node.level + (node.module or "")
        for alias in node.names:
            self.out.imports.append(ImportUse(module, alias.name, node.lineno, node.col_offset))
            if alias.name == "*":
                names = self.star_names(module) if self.star_names else None
                if names is None:
                    self.out.open = True
                else:
                    for name in names:
                        self.bind(name)
                continue
            target = f"{module}.{alias.name}" if not node.level else None
            self.bind(alias.asname or alias.name, _Binding(target))

    # ------------------------------------------------------------------ definitions

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        for deco in node.decorator_list:
            self.visit(deco)
        self._arguments_outside(node.args)
        if node.returns is not None:
            self._annotation(node.returns)
        self.bind(node.name)
        self._defer(lambda: self._function(node.args, node.body))

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node: ast.Lambda) -> None:
        self._arguments_outside(node.args)
        self._defer(lambda: self._function(node.args, [node.body]))

    def _arguments_outside(self, args: ast.arguments) -> None:
        """Defaults run where the function is defined; annotations are visited later."""
        for default in [*args.defaults, *args.kw_defaults]:
            if default is not None:
                self.visit(default)
        for arg in _all_args(args):
            if arg.annotation is not None:
                self._annotation(arg.annotation)

    def _annotation(self, node: ast.expr) -> None:
        # with `from __future__ import annotations` (or as strings) they run late, if ever
        self._defer(lambda: self.visit(node))

    def _function(self, args: ast.arguments, body: list) -> None:
        scope = _Scope("function")
        self.stack.append(scope)
        for arg in _all_args(args):
            self.bind(arg.arg)
        if len(body) == 1 and isinstance(body[0], ast.expr):  # a lambda
            self.visit(body[0])
        else:
            self._body(body)
        self.stack.pop()
        for use, reported in scope.outer_loads:
            if use.name in scope.ever_bound and not reported:
                self.out.undefined.append(use)  # referenced before assignment

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        for expr in [*node.decorator_list, *node.bases, *(k.value for k in node.keywords)]:
            self.visit(expr)
        scope = _Scope("class")
        self.stack.append(scope)
        saved = self.branch
        self.branch = 0
        self._body(node.body)
        self.branch = saved
        self.stack.pop()
        self.bind(node.name)

    # Python requires these before any use of the names in the scope: seen in order is enough
    def visit_Global(self, node: ast.Global) -> None:
        self.scope.globals.update(node.names)
        self.declared_global.update(node.names)

    def visit_Nonlocal(self, node: ast.Nonlocal) -> None:
        self.scope.nonlocals.update(node.names)

    # ------------------------------------------------------------------ comprehensions

    def _comprehension(self, generators: list[ast.comprehension], elements: list[ast.expr]) -> None:
        self.visit(generators[0].iter)  # the first iterable is evaluated outside
        self.stack.append(_Scope("comprehension"))
        for i, gen in enumerate(generators):
            if i:
                self.visit(gen.iter)
            self.visit(gen.target)
            for cond in gen.ifs:
                self.visit(cond)
        for element in elements:
            self.visit(element)
        self.stack.pop()

    def visit_ListComp(self, node: ast.ListComp) -> None:
        self._comprehension(node.generators, [node.elt])

    visit_SetComp = visit_GeneratorExp = visit_ListComp  # type: ignore[assignment]

    def visit_DictComp(self, node: ast.DictComp) -> None:
        self._comprehension(node.generators, [node.key, node.value])

    # ------------------------------------------------------------------ control flow

    def _branching(self, node: ast.AST) -> None:
        self.branch += 1
        self.generic_visit(node)
        self.branch -= 1

    visit_If = visit_While = _branching  # type: ignore[assignment]

    def visit_Try(self, node: ast.Try) -> None:
        self.branch += 1
        guarded = any(_catches_name_error(h) for h in node.handlers)
        self.guarded += guarded
        self._body(node.body)
        self.guarded -= guarded
        for handler in node.handlers:
            if handler.type is not None:
                self.visit(handler.type)
            if handler.name:
                self.bind(handler.name)
            self._body(handler.body)
        self._body(node.orelse)
        self._body(node.finalbody)
        self.branch -= 1

    visit_TryStar = visit_Try  # type: ignore[assignment]

    def visit_MatchAs(self, node: ast.MatchAs) -> None:
        if node.pattern is not None:
            self.visit(node.pattern)
        if node.name:
            self.bind(node.name)

    def visit_MatchStar(self, node: ast.MatchStar) -> None:
        if node.name:
            self.bind(node.name)

    def visit_MatchMapping(self, node: ast.MatchMapping) -> None:
        for key in node.keys:
            self.visit(key)
        for pattern in node.patterns:
            self.visit(pattern)
        if node.rest:
            self.bind(node.rest)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        # `x += 1` reads x first
        if isinstance(node.target, ast.Name):
            self.load(ast.Name(node.target.id, ast.Load(), lineno=node.lineno, col_offset=node.col_offset))
        self.visit(node.value)
        self.visit(node.target)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is not None:
            self.visit(node.value)
        self._annotation(node.annotation)
        if node.value is not None or not isinstance(node.target, ast.Name):
            self.visit(node.target)

    def visit_Assign(self, node: ast.Assign) -> None:
        self.visit(node.value)  # the value runs before the targets are bound
        for target in node.targets:
            self.visit(target)

    def visit_For(self, node: ast.For | ast.AsyncFor) -> None:  # type: ignore[override]
        self.visit(node.iter)
        self.branch += 1
        self.visit(node.target)
        self._body(node.body)
        self._body(node.orelse)
        self.branch -= 1

    visit_AsyncFor = visit_For  # type: ignore[assignment]


# ---------------------------------------------------------------------- helpers


def _all_args(args: ast.arguments) -> list[ast.arg]:
    out = [*args.posonlyargs, *args.args, *args.kwonlyargs]
    if args.vararg:
        out.append(args.vararg)
    if args.kwarg:
        out.append(args.kwarg)
    return out


def _catches_name_error(handler: ast.ExceptHandler) -> bool:
    if handler.type is None:
        return True
    types = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    for t in types:
        name = t.id if isinstance(t, ast.Name) else t.attr if isinstance(t, ast.Attribute) else ""
        if name in GUARD_EXCEPTIONS:
            return True
    return False


def _literal_all(tree: ast.Module) -> list[str] | None:
    for stmt in tree.body:
        if (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1
                and isinstance(stmt.targets[0], ast.Name) and stmt.targets[0].id == "__all__"
                and isinstance(stmt.value, (ast.List, ast.Tuple))
                and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in stmt.value.elts)):
            return [e.value for e in stmt.value.elts]
    return None
