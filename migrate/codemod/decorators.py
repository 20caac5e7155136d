"""What a decorator on a variable-creating function does to its calls (issue 10, item 4).

A converted function becomes a class and its callers in the run call the class instead, so the
decorator is bypassed for them. That is only right when calling the decorated name is calling
the function itself:

- `transparent`: the library's `add_arg_scope` (an arg_scope default registry; the converted
  function is never listed in an arg_scope), dropped with the def;
- `returns-function`: the decorator returns its argument unchanged (a registry:
  `def register(name): def deco(fn): REGISTRY[name] = fn; return fn; return deco`, class-based
  `registry.register(...)`, `fn.pointwise = True; return fn`);
- `wrapper`: it returns a wrapper that calls the function once with the wrapper's own
  `*args, **kwargs` and returns that result, with side effects that create nothing (logging,
  timing, shape printing).

For the last two the registry's users (and the wrapper's) still call the TF1 def, so the def
stays beside its class with its decorator (the `kept-tf1` machinery). Anything else (a scope
opened around the call, arguments changed, state threaded through `self`, a decorator this file
does not define) is `refused`, with a sentence saying what the decorator does.

The file's own definitions are read (plain `ast`), and those of the run's other files the
project resolves the decorator to (`classify_foreign`, verdicts carried in the file's plan);
any other decorator is refused as unseen.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable, Mapping

from migrate.codemod.naming import class_name_for
from migrate.codemod.tfapi import TfNames, ast_dotted_name
from migrate.diagnostics import Diagnostic

if TYPE_CHECKING:  # (analyse imports this module)
    from migrate.codemod.analyse import FunctionInfo

# Library decorators that return the function, or a wrapper creating nothing, for variables.
_LIBRARY_TRANSPARENT = {"add_arg_scope"}
# Calls a wrapper may make around the call: they read tensors or report, and create nothing.
_QUIET_ROOTS = {"logging", "log", "logger", "_logger", "LOGGER", "LOG", "time", "timeit", "sys"}
_QUIET_BUILTINS = {"print", "len", "str", "repr", "format", "isinstance", "type", "id", "getattr",
                   "hasattr", "tuple", "list", "dict", "int", "float", "round", "min", "max", "sorted"}
_QUIET_METHODS = {"get_shape", "as_list", "format", "join", "debug", "info", "warning", "warn",
                  "error", "write", "flush", "append"}
_WRAPS = {"functools.wraps", "wraps", "six.wraps"}
# What a registry may do with the function besides returning it: store it, or add it to a container.
_STORING_METHODS = {"append", "add", "setdefault", "update", "__setitem__", "register"}
_FN_ATTRIBUTES = {"__name__", "__qualname__", "__doc__", "__module__"}


@dataclass(frozen=True)
class DecoratorVerdict:
    kind: str  # "transparent" | "returns-function" | "wrapper" | "refused"
    what: str  # a sentence about the decorator, for reports ("@register returns the function itself")
    seen: bool = True  # the decorator is the library's or defined in this file (its verdict is read, not guessed)

    @property
    def breaks_delegate(self) -> bool:
        """Kept on a method's delegate, it would still be wrong: it opens a scope around the call
        or threads state through the object (`@layer`). Other refusals leave a method's
        decorator on its delegate, as before (`@store_args` storing the arguments on self)."""
        return self.kind == "refused" and self.seen and (" opens " in self.what or " threads state " in self.what)

    @property
    def keeps_def(self) -> bool:
        """Calls through the decorated name still reach the TF1 def: it stays beside its class."""
        return self.kind in ("returns-function", "wrapper")


def decorator_name(deco: ast.expr) -> str:
    return ast_dotted_name(deco.func if isinstance(deco, ast.Call) else deco) or "a computed decorator"


def classify(deco: ast.expr, module: ast.Module, tf: TfNames, shown: str | None = None) -> DecoratorVerdict:
    """The verdict for one decorator of a top-level function of `module` (`shown`: how the
    decorated file spells it, when `module` is the file defining it)."""
    name = decorator_name(deco)
    shown = shown or f"@{name}"
    if name.rsplit(".", 1)[-1] in _LIBRARY_TRANSPARENT:
        return DecoratorVerdict("transparent", f"{shown} only registers the function for arg_scope")
    if name in ("staticmethod", "classmethod"):  # (the movable ones were moved: static_methods.py)
        return DecoratorVerdict("refused", f"{shown} stays a method: a static or class method converts as a "
                                "module-level function only when every use of its name is a call through "
                                "self / cls / the class in this file, and no other file mentions it", seen=False)
    target = _resolve(deco, module)
    if target is None:
        where = "not defined in this file" if name != "a computed decorator" else "computed"
        return DecoratorVerdict("refused", f"{shown} ({where}), which this tool cannot see through", seen=False)
    fn, param = target
    if param is None:
        return DecoratorVerdict("refused", f"{shown} does not return a decorator this tool can follow")
    return _judge(shown, fn, param, tf)


def foreign_key(deco: ast.expr) -> str:
    """How a file's decorator is looked up among other files' verdicts: `register()` for a call."""
    return decorator_name(deco) + ("()" if isinstance(deco, ast.Call) else "")


def classify_foreign(deco: ast.expr, remote: str, module: ast.Module, tf: TfNames) -> DecoratorVerdict:
    """A decorator another file of the run defines (`from registry import register`,
    `import registry` then `@registry.register(...)`): read where it is defined, as `remote`."""
    head: ast.expr = ast.Name(remote, ast.Load())
    if isinstance(deco, ast.Call):
        head = ast.Call(head, deco.args, deco.keywords)
    verdict = classify(head, module, tf, shown=f"@{decorator_name(deco)}")
    return verdict if verdict.seen else DecoratorVerdict("refused", verdict.what.replace("this file", "its file"), False)


def _resolve(deco: ast.expr, module: ast.Module) -> tuple[ast.FunctionDef, str | None] | None:
    """The def that receives the decorated function, and its parameter naming it."""
    factory = isinstance(deco, ast.Call)
    head = deco.func if factory else deco
    fn, skip_self = _definition(head, module)
    if fn is None:
        return None
    if factory:
        inner = _returned_def(fn)
        if inner is None:
            return fn, None
        return inner, _first_param(inner, False)
    return fn, _first_param(fn, skip_self)


def _definition(head: ast.expr, module: ast.Module) -> tuple[ast.FunctionDef | None, bool]:
    """`register` (a top-level def), `registry.register` (a method of a module-level instance)
    or `Registry.register` (a static or class method); (def, whether its first parameter is the
    instance or class)."""
    top = {s.name: s for s in module.body if isinstance(s, ast.FunctionDef)}
    classes = {s.name: s for s in module.body if isinstance(s, ast.ClassDef)}
    if isinstance(head, ast.Name):
        return top.get(head.id), False
    if not (isinstance(head, ast.Attribute) and isinstance(head.value, ast.Name)):
        return None, False
    owner = head.value.id
    cls = classes.get(owner)
    bound_to_instance = False
    if cls is None:
        instance_of = _instances(module).get(owner)
        cls = classes.get(instance_of) if instance_of else None
        bound_to_instance = True
    if cls is None:
        return None, False
    method = next((s for s in cls.body if isinstance(s, ast.FunctionDef) and s.name == head.attr), None)
    if method is None:
        return None, False
    kinds = {ast_dotted_name(d) for d in method.decorator_list}
    if "staticmethod" in kinds:
        return method, False
    if "classmethod" in kinds or bound_to_instance:
        return method, True
    return None, False  # an unbound instance method used on the class: not a decorator call


def _instances(module: ast.Module) -> dict[str, str]:
    """Module-level `registry = Registry(...)`: name -> class name."""
    out: dict[str, str] = {}
    for s in module.body:
        if isinstance(s, ast.Assign) and isinstance(s.value, ast.Call) and isinstance(s.value.func, ast.Name):
            for t in s.targets:
                if isinstance(t, ast.Name):
                    out[t.id] = s.value.func.id
    return out


def _first_param(fn: ast.FunctionDef, skip_self: bool) -> str | None:
    params = [*fn.args.posonlyargs, *fn.args.args]
    params = params[1:] if skip_self else params
    return params[0].arg if params else None


def _returned_def(factory: ast.FunctionDef) -> ast.FunctionDef | None:
    """A decorator factory's nested decorator: every `return` of the factory returns it."""
    nested = {s.name: s for s in factory.body if isinstance(s, ast.FunctionDef)}
    returns = [n for n in _own_nodes(factory) if isinstance(n, ast.Return)]
    names = {n.value.id if isinstance(n.value, ast.Name) else None for n in returns}
    if len(names) != 1 or None in names or next(iter(names)) not in nested:
        return None
    return nested[next(iter(names))]


def _own_nodes(fn: ast.FunctionDef):
    """Nodes of `fn`'s body, not entering nested defs, lambdas or classes."""
    stack = list(reversed(fn.body))
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        stack.extend(reversed(list(ast.iter_child_nodes(node))))


def _judge(shown: str, deco: ast.FunctionDef, param: str, tf: TfNames) -> DecoratorVerdict:
    returns = [n for n in _own_nodes(deco) if isinstance(n, ast.Return)]
    if returns and all(isinstance(r.value, ast.Name) and r.value.id == param for r in returns):
        problem = _registry_problem(deco, param)
        if problem is None:
            return DecoratorVerdict("returns-function", f"{shown} returns the function itself")
        return DecoratorVerdict("refused", f"{shown} {problem}")
    nested = {s.name: s for s in deco.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))}
    if returns and all(isinstance(r.value, ast.Name) and r.value.id in nested for r in returns) \
            and len({r.value.id for r in returns}) == 1:
        wrapper = nested[returns[0].value.id]
        problem = _wrapper_problem(wrapper, param, tf) or _outside_problem(deco, param, wrapper)
        if problem is None:
            return DecoratorVerdict("wrapper", f"{shown} wraps the function in a call that only logs or times it")
        return DecoratorVerdict("refused", f"{shown} {problem}")
    return DecoratorVerdict("refused", f"{shown} returns something other than the function or a plain wrapper")


def _registry_problem(deco: ast.FunctionDef, param: str) -> str | None:
    """The function may be stored, given attributes, named; never called, rebound or handed on."""
    allowed: set[int] = set()
    for node in _own_nodes(deco):
        if isinstance(node, ast.Return):
            allowed.add(id(node.value))
        elif isinstance(node, ast.Assign):
            if isinstance(node.value, ast.Name) and node.value.id == param \
                    and all(isinstance(t, (ast.Subscript, ast.Attribute)) for t in node.targets):
                allowed.add(id(node.value))  # REGISTRY[name] = fn / self._registry[name] = fn
            for t in node.targets:
                if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == param:
                    allowed.add(id(t.value))  # fn.pointwise = True
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in _STORING_METHODS and not _names_param(node.func.value, param):
            allowed.update(id(a) for a in node.args if isinstance(a, ast.Name) and a.id == param)
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == param \
                and node.attr in _FN_ATTRIBUTES:
            allowed.add(id(node.value))
    for node in ast.walk(deco):
        if isinstance(node, ast.Name) and node.id == param and id(node) not in allowed \
                and not isinstance(node.ctx, ast.Store):
            return "passes the function on or calls it, which this tool cannot see through"
        if isinstance(node, ast.Name) and node.id == param and isinstance(node.ctx, ast.Store):
            return "rebinds the function before returning it"
    return None


def _names_param(expr: ast.expr, param: str) -> bool:
    return any(isinstance(n, ast.Name) and n.id == param for n in ast.walk(expr))


def _outside_problem(deco: ast.FunctionDef, param: str, wrapper: ast.FunctionDef) -> str | None:
    """Outside its wrapper, the decorator itself may only name the function (`wraps(fn)`)."""
    inside = {id(n) for n in ast.walk(wrapper)} - {id(n) for d in wrapper.decorator_list for n in ast.walk(d)}
    for node in ast.walk(deco):
        if id(node) in inside or node is deco:
            continue
        if isinstance(node, ast.Name) and node.id == param and isinstance(node.ctx, ast.Store):
            return "rebinds the function before wrapping it"
    for d in wrapper.decorator_list:
        if not (isinstance(d, ast.Call) and ast_dotted_name(d.func) in _WRAPS):
            return f"decorates its wrapper with @{ast_dotted_name(d) or 'something'}, which this tool cannot see through"
    return None


def _wrapper_problem(wrapper: ast.FunctionDef, param: str, tf: TfNames) -> str | None:
    a = wrapper.args
    if a.vararg is None or a.kwarg is None or a.args or a.posonlyargs or a.kwonlyargs:
        if a.args:
            return (f"threads state through the object around the call ({_state_summary(wrapper, a.args[0].arg)})"
                    if a.args[0].arg in ("self", "cls")
                    else "changes the function's parameters (its wrapper takes named arguments)")
        return "changes the function's parameters (its wrapper does not take *args, **kwargs)"
    star, kw = a.vararg.arg, a.kwarg.arg
    calls = [n for n in _body_walk(wrapper) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
             and n.func.id == param]
    if len(calls) != 1:
        return "calls the function more than once" if calls else "never calls the function"
    call = calls[0]
    scope = next((n for n in _body_walk(wrapper) if isinstance(n, (ast.With, ast.AsyncWith))), None)
    if scope is not None:
        return f"opens {_context_text(scope, tf)} around the call"
    if not (len(call.args) == 1 and isinstance(call.args[0], ast.Starred) and _is_name(call.args[0].value, star)
            and len(call.keywords) == 1 and call.keywords[0].arg is None and _is_name(call.keywords[0].value, kw)):
        return f"calls the function with other arguments than its own *{star}, **{kw}"
    for node in _body_walk(wrapper):
        if isinstance(node, ast.Name) and node.id in (star, kw) and node not in (call.args[0].value, call.keywords[0].value):
            return f"reads or changes the call's arguments ({node.id}) around the call"
    result = _result_flow(wrapper, call)
    if result is not None:
        return result
    for node in _body_walk(wrapper):
        if isinstance(node, (ast.Try, ast.For, ast.While, ast.If, ast.AsyncFor)) and _contains(node, call):
            return "calls the function under a condition, loop or try block"
        if isinstance(node, (ast.Global, ast.Nonlocal)):
            return "changes state outside the call"
        if isinstance(node, ast.Call) and node is not call and not _quiet_call(node, tf):
            return f"also calls {ast_dotted_name(node.func) or 'a computed function'} around the call"
        if isinstance(node, ast.Name) and node.id == param and node is not call.func:
            parent_ok = any(isinstance(p, ast.Attribute) and p.value is node and p.attr in _FN_ATTRIBUTES
                            for p in _body_walk(wrapper))
            if not parent_ok:
                return "passes the function on besides calling it"
    return None


def _result_flow(wrapper: ast.FunctionDef, call: ast.Call) -> str | None:
    """`return fn(*args, **kwargs)`, or `out = fn(...)` ... `return out` (out never rebound)."""
    body = [s for s in wrapper.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
    returns = [n for n in _body_walk(wrapper) if isinstance(n, ast.Return)]
    if len(returns) != 1 or body[-1] is not returns[0]:
        return "does not simply return the function's result"
    value = returns[0].value
    if value is call:
        return None
    if not isinstance(value, ast.Name):
        return "returns something other than the function's result"
    assigns = [s for s in body if isinstance(s, ast.Assign)]
    binding = [s for s in assigns if any(_is_name(t, value.id) for t in s.targets)]
    stores = [n for n in _body_walk(wrapper) if isinstance(n, ast.Name) and n.id == value.id and isinstance(n.ctx, ast.Store)]
    if len(binding) != 1 or binding[0].value is not call or len(stores) != 1:
        return "returns something other than the function's result"
    return None


def _quiet_call(node: ast.Call, tf: TfNames) -> bool:
    name = ast_dotted_name(node.func)
    api = tf.api(node.func)
    if api is not None:
        return api.startswith(("logging.", "compat.v1.logging.")) or api in ("shape", "rank", "size")
    if name is None:
        return isinstance(node.func, ast.Attribute) and node.func.attr in _QUIET_METHODS
    root = name.split(".", 1)[0]
    return (name in _QUIET_BUILTINS or root in _QUIET_ROOTS
            or ("." in name and name.rsplit(".", 1)[-1] in _QUIET_METHODS))


def _context_text(node: ast.With | ast.AsyncWith, tf: TfNames) -> str:
    item = node.items[0].context_expr
    func = item.func if isinstance(item, ast.Call) else item
    api = tf.api(func)
    spelled = api or ast_dotted_name(func) or ""  # (a file without TF imports still spells tf.variable_scope)
    if spelled.endswith(("variable_scope", "name_scope", "Session")):
        return f"a {spelled.rsplit('.', 1)[-1]}"
    if api is not None:
        return f"tf.{api.removeprefix('compat.v1.')}"
    return f"`{ast.unparse(func)}`"


def _state_summary(wrapper: ast.FunctionDef, self_name: str) -> str:
    attrs = sorted({f"{self_name}.{n.attr}" for n in _body_walk(wrapper) if isinstance(n, ast.Attribute)
                    and isinstance(n.value, ast.Name) and n.value.id == self_name})
    return ", ".join(attrs[:3]) if attrs else "the object"


def _body_walk(fn: ast.FunctionDef | ast.AsyncFunctionDef):
    """Every node of the body (not the decorators or defaults)."""
    for stmt in fn.body:
        yield from ast.walk(stmt)


def _contains(outer: ast.AST, inner: ast.AST) -> bool:
    return any(n is inner for n in ast.walk(outer))


def _is_name(expr: ast.expr, name: str) -> bool:
    return isinstance(expr, ast.Name) and expr.id == name


def kept_defs(roots: Iterable[str], functions: Mapping[str, FunctionInfo], creators: set[str]) -> frozenset[str]:
    """The decorated defs that stay, closed over this file's creators they call (the kept def
    calls them by their TF1 names). Other files' helpers are kept by the project plan."""
    kept: set[str] = set()
    stack = sorted(roots)
    while stack:
        q = stack.pop()
        if q in kept:
            continue
        kept.add(q)
        for callee in sorted(functions[q].calls):
            info = functions.get(callee)
            if callee in creators and info is not None and info.external is None:
                stack.append(callee)
    return frozenset(kept)


def earlier_run_blocks(kept_by_decorator: dict[str, str], functions: Mapping[str, FunctionInfo],
                       creators: set[str], class_names: set[str]) -> None:
    """A second run: a decorated def whose class an earlier run wrote beside it stays as it is,
    with the defs it calls that were kept with it (a second run changes nothing)."""
    roots = {q for q in kept_by_decorator if class_name_for(q) in class_names and class_name_for(q) != q}
    for q in sorted(kept_defs(roots, functions, creators)):
        cls = class_name_for(q)
        if q in roots or ("." not in q and cls in class_names and cls != q):
            functions[q].blockers.append(Diagnostic(
                "kept-tf1", f"{q} stays as it is: class {cls} is already defined in this file (an earlier run "
                "kept this def beside it for its decorator's users)", functions[q].line, severity="info"))
        kept_by_decorator.pop(q, None)


def foreign_verdicts(tree: ast.Module, locate: Callable[[str], tuple[object, str] | None],
                     definition: Callable[[object], tuple[ast.Module, TfNames] | None]) -> tuple[tuple[str, str, str], ...]:
    """(foreign_key, kind, what) of the decorators this file's functions and methods take from
    other files of the run (`locate`: spelling -> (file, def name); `definition`: a file's
    tree and TF names). Plain data, for the file's plan."""
    out: dict[str, tuple[str, str, str]] = {}
    for stmt in tree.body:
        defs = [stmt] if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) else \
            [s for s in stmt.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))] \
            if isinstance(stmt, ast.ClassDef) else []
        for fn in defs:
            for deco in fn.decorator_list:
                key, target = foreign_key(deco), locate(decorator_name(deco))
                if target is None or key in out:
                    continue
                found = definition(target[0])
                if found is not None:
                    verdict = classify_foreign(deco, target[1], *found)
                    out[key] = (key, verdict.kind, verdict.what)
    return tuple(out[k] for k in sorted(out))
