"""tf.layers layer objects built where they are used, written as their functional creators:

- built and called in one expression: `h = tf.layers.Dense(64, name="fc")(x)` (or `.apply(x)`),
  also in a loop: `for i in range(3): h = tf.layers.Conv2D(32, 3)(h)`;
- a local list iterated once: `layers = [tf.layers.Dense(n) for n in sizes]` then
  `for layer in layers: h = layer(h)` (or `for i, layer in enumerate(layers)`), which becomes
  `for n in sizes: h = tf.layers.dense(h, n)`.

TF1 semantics (tf_keras legacy_tf_layers/base.py, verified in graph mode): a layer object made
nothing when it was built; its first call opened `variable_scope(None, default_name=<name or
dense/...>)` in the scope active there. A fresh layer called once is therefore exactly the
functional creator at that call (which builds the same class and calls it), provided a given
`name` is not one TF1 would have uniquified: a fixed name in a loop (TF1 made `fc`, `fc_1`, ...:
the functional creator would re-enter `fc`), or two sites of one function with the same literal
name. A computed name in a loop is accepted when it is provably different on every turn: one
`%d` / `{}` / `str(...)` of a target of the enclosing `for` over `range(...)` / `enumerate(...)`.
A list of layers iterated once calls each layer once, in list order: the comprehension's loop
moved to the `for` (names in list order, as TF1's first calls named them).

An unnamed (or fixed-named) layer built on every turn of a loop was uniquified by TF1: `dense`,
`dense_1`, ... in the loop's variable scope. The name is then written out
(`name="dense" + ("_%d" % i if i else "")`, k layers of one base per turn: index k·i + j), which
is exact when that scope is entered by this function with a name (a fresh counter: TF1 restarts
it whenever a named scope is left), the loop counts from 0 (`range(n)`, `enumerate(xs)`; a list's
loop is given `enumerate`), runs its layers on every turn (no `if`, `continue`, inner loop) and the
scope holds nothing else that could take the name: no other layer or string of that name, no
unnamed creator of that default name, no call of code the text does not show. Anything else is
left to migrate/codemod/layer_objects.py's rules or stays TF1 (the codemod's `implicit-creator`).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

import libcst as cst

from migrate.codemod.fastwalk import visit as fast_visit
from migrate.codemod.layerless import SAFE_BUILTINS, VALUE_METHODS
from migrate.diagnostics import Diagnostic

_ITER_CALLS = frozenset({"range", "len", "zip", "enumerate", "reversed", "list", "tuple"})
_COUNTERS = frozenset({"range", "enumerate"})


@dataclass
class _Inline:
    node: cst.Call  # the call of the constructed layer
    ctor: cst.Call
    api: str
    line: int
    loops: tuple[int, ...]
    loop_targets: tuple[frozenset[str], ...]  # the counter names of each enclosing loop
    fresh_scope: bool


@dataclass
class _ListBuild:
    name: str
    statement: cst.SimpleStatementLine
    comp: cst.ListComp
    ctor: cst.Call
    api: str
    line: int
    loops: tuple[int, ...]


@dataclass
class _ListFor:
    node: cst.For
    list_name: str
    target: str  # the layer's name in the loop
    index: cst.BaseAssignTargetExpression | None  # `i` of `for i, layer in enumerate(...)`
    line: int
    loops: tuple[int, ...]


@dataclass
class InlinePlan:
    removed: set[int] = field(default_factory=set)  # id(statement)
    calls: dict[int, cst.Call] = field(default_factory=dict)
    fors: dict[int, tuple[cst.BaseAssignTargetExpression, cst.BaseExpression]] = field(
        default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


_SAFE_CALLS = SAFE_BUILTINS
_VALUE_METHODS = VALUE_METHODS


@dataclass
class _ScopeEvents:
    """What, in one variable scope's own body, could take a uniquified layer name."""
    strings: list[tuple[str, int]] = field(default_factory=list)  # (value, id(node))
    unnamed: list[tuple[str, int]] = field(default_factory=list)  # (default name, id(call))
    layers: list[tuple[str, int]] = field(default_factory=list)  # (base name, id(ctor call))
    opaque: list[tuple[int, int]] = field(default_factory=list)  # (id(call), line): code not shown


class _Scan(cst.CSTVisitor):
    """One function body: inline constructions, list constructions, their loops, every name,
    and per variable scope what could take a layer's uniquified name."""

    def __init__(self, tf, positions, layer_classes: dict[str, str], bases: dict[str, str],
                 specs, layerless: frozenset[str] = frozenset()) -> None:
        self.tf = tf
        self.layerless = layerless  # the file's names whose calls open no scope (layerless.py)
        self.positions = positions
        self.classes = layer_classes
        self.functionals = frozenset(layer_classes.values())
        self.bases = bases  # layer class API -> its default base name
        self.specs = specs
        self.depth = 0
        self.loops: list[tuple[int, frozenset[str]]] = []
        self.nesting: list[str] = []
        self.path: list[tuple[str, int]] = []  # ("scope"/"with"/"for"/"while"/"comp"/"if"/"try", id)
        self.paths: dict[int, tuple[tuple[str, int], ...]] = {}  # id(call) -> path at the call
        self.fresh: set[int] = set()  # ids of scope withs entered by a name (a fresh counter)
        self.zero_counter: dict[int, str] = {}  # id(For) -> its counter from 0
        self.for_nodes: dict[int, cst.For] = {}
        self.call_nodes: dict[int, cst.Call] = {}  # id -> the calls of code not shown
        self.continues: set[int] = set()  # ids of loops a `continue` skips turns of
        self.events: dict[int | None, _ScopeEvents] = {}
        self.inline: list[_Inline] = []
        self.functional_sites: list[tuple[cst.Call, str, object, int]] = []  # unnamed, in loops
        self.functional_singles: list[tuple[cst.Call, str, object, int]] = []  # unnamed, no loop
        self.lists: dict[str, _ListBuild] = {}
        self.list_fors: list[_ListFor] = []
        self.calls_by_name: dict[str, list[tuple[cst.Call, tuple[int, ...]]]] = {}
        self.names: dict[str, list[int]] = {}  # name -> ids of its Name nodes (loads and stores)
        self.assigned: dict[str, list[int]] = {}
        self.literal_names: dict[str, int] = {}

    def _line(self, node: cst.CSTNode) -> int:
        return self.positions[node].start.line

    def _loop_ids(self) -> tuple[int, ...]:
        return tuple(i for i, _ in self.loops)

    def _scope(self) -> int | None:
        return next((i for kind, i in reversed(self.path) if kind == "scope"), None)

    def _events(self) -> _ScopeEvents:
        return self.events.setdefault(self._scope(), _ScopeEvents())

    # nesting ---------------------------------------------------------------------------
    def visit_FunctionDef(self, node) -> None:
        self.depth += 1

    def leave_FunctionDef(self, node) -> None:
        self.depth -= 1

    def visit_Lambda(self, node) -> None:
        self.depth += 1

    def leave_Lambda(self, node) -> None:
        self.depth -= 1

    def visit_ClassDef(self, node) -> None:
        self.depth += 1

    def leave_ClassDef(self, node) -> None:
        self.depth -= 1

    def visit_With(self, node: cst.With) -> None:
        scopes = [item.item for item in node.items if isinstance(item.item, cst.Call)
                  and self.tf.api(item.item.func) in ("variable_scope", "variable_op_scope")]
        for item in node.items:  # (evaluated in the enclosing scope)
            item.item.visit(_Strings(self._events().strings))
        self.nesting.append("scope" if scopes else "with")
        self.path.append(("scope" if scopes else "with", id(node)))
        if len(scopes) == 1 and _names_a_scope(scopes[0]):
            self.fresh.add(id(node))
        for item in node.items:
            if item.asname is not None:
                self._bind(item.asname.name, node)

    def leave_With(self, node) -> None:
        self.nesting.pop()
        self.path.pop()

    def visit_For(self, node: cst.For) -> None:
        self._bind(node.target, node)
        counters = frozenset()
        it = node.iter
        if isinstance(it, cst.Call) and isinstance(it.func, cst.Name) and it.func.value in _COUNTERS:
            if it.func.value == "range" and isinstance(node.target, cst.Name):
                counters = frozenset({node.target.value})
                if len(it.args) == 1 and it.args[0].keyword is None and not it.args[0].star:
                    self.zero_counter[id(node)] = node.target.value
            elif it.func.value == "enumerate" and isinstance(node.target, cst.Tuple) \
                    and node.target.elements and isinstance(node.target.elements[0].value, cst.Name):
                counters = frozenset({node.target.elements[0].value.value})
                if len(it.args) == 1:
                    self.zero_counter[id(node)] = node.target.elements[0].value.value
        if self.depth == 1:
            self._list_for(node)
        self.loops.append((id(node), counters))
        self.nesting.append("loop")
        self.path.append(("for", id(node)))
        self.for_nodes[id(node)] = node

    def leave_For(self, node) -> None:
        self.loops.pop()
        self.nesting.pop()
        self.path.pop()

    def _comprehension(self, node) -> None:
        self.loops.append((id(node), frozenset()))
        self.nesting.append("loop")
        self.path.append(("comp", id(node)))

    def _comprehension_end(self, node) -> None:
        self.loops.pop()
        self.nesting.pop()
        self.path.pop()

    visit_ListComp = visit_SetComp = visit_GeneratorExp = visit_DictComp = _comprehension
    leave_ListComp = leave_SetComp = leave_GeneratorExp = leave_DictComp = _comprehension_end

    def visit_While(self, node) -> None:
        self.loops.append((id(node), frozenset()))
        self.nesting.append("loop")
        self.path.append(("while", id(node)))

    def leave_While(self, node) -> None:
        self.loops.pop()
        self.nesting.pop()
        self.path.pop()

    def visit_If(self, node) -> None:
        self.path.append(("if", id(node)))

    def leave_If(self, node) -> None:
        self.path.pop()

    def visit_Try(self, node) -> None:
        self.path.append(("try", id(node)))

    def leave_Try(self, node) -> None:
        self.path.pop()

    def visit_Continue(self, node) -> None:
        loop = next((i for kind, i in reversed(self.path) if kind in ("for", "while")), None)
        if loop is not None:
            self.continues.add(loop)

    visit_Break = visit_Continue  # (a `break` ends the turns early: the count after is unknown)

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        value = _string(node)
        if value is not None:
            self._events().strings.append((value, id(node)))

    # names -----------------------------------------------------------------------------
    def _bind(self, target: cst.CSTNode, at: cst.CSTNode) -> None:
        for name in _bound_names(target):
            self.assigned.setdefault(name, []).append(self._line(at))

    def visit_Assign(self, node: cst.Assign) -> None:
        for t in node.targets:
            self._bind(t.target, node)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._bind(node.target, node)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._bind(node.target, node)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self._bind(node.target, node)

    def visit_Name(self, node: cst.Name) -> None:
        self.names.setdefault(node.value, []).append(id(node))

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        node.value.visit(self)  # (the attribute's own name is no variable)
        return False

    def visit_Arg(self, node: cst.Arg) -> bool:
        node.value.visit(self)  # (a keyword is no variable)
        return False

    # layers ----------------------------------------------------------------------------
    def _ctor_of(self, func: cst.BaseExpression) -> tuple[cst.Call, str] | None:
        if isinstance(func, cst.Attribute) and func.attr.value in ("apply", "__call__"):
            func = func.value
        if isinstance(func, cst.Call):
            api = self.tf.api(func.func)
            if api in self.classes:
                return func, api
        return None

    def _note_call(self, node: cst.Call, api: str | None) -> None:
        """What this call may do to the names of its variable scope."""
        events = self._events()
        if api in self.classes:
            name = _keyword(node, "name")
            events.layers.append((_string(name) if not _is_none(name) else self.bases[api],
                                  id(node)))
        elif api is not None:
            spec = self.specs.get(api)
            if spec is not None and _unnamed_creator(node, spec):
                events.unnamed.append((spec.default_name, id(node)))
        elif self._ctor_of(node.func) is None and not self._shown(node.func):
            events.opaque.append((id(node), self._line(node)))
            self.call_nodes[id(node)] = node

    def _shown(self, func: cst.BaseExpression) -> bool:
        """A builtin, or a method of a local value (`h.get_shape()`, `outputs.append`): no code
        of the run's that could make a layer."""
        if isinstance(func, cst.Name):
            return func.value in _SAFE_CALLS or func.value in self.layerless
        root = func
        while isinstance(root, (cst.Attribute, cst.Subscript)):
            root = root.value
        if isinstance(root, cst.Call):
            return True  # (a method of a call's result: judged at that call)
        if isinstance(root, (cst.SimpleString, cst.FormattedString)):
            return True
        if not isinstance(root, cst.Name) or root.value in ("self", "cls"):
            return False
        if root.value in self.layerless:
            return True  # (`np.prod(...)`)
        # a local value's method, or a tensor's / list's / dict's on anything but self
        return root.value in self.assigned or (
            isinstance(func, cst.Attribute) and func.attr.value in _VALUE_METHODS)

    def visit_Call(self, node: cst.Call) -> None:
        api = self.tf.api(node.func)
        self._note_call(node, api)
        if api in self.classes or api in self.functionals:  # a layer or its functional creator
            literal = _string(_keyword(node, "name"))
            if literal is not None:
                self.literal_names[literal] = self.literal_names.get(literal, 0) + 1
        if self.depth != 1:
            return
        self.paths[id(node)] = tuple(self.path)
        spec = self.specs.get(api) if api is not None else None
        if spec is not None and not self.loops and _unnamed_creator(node, spec):
            self.functional_singles.append((node, api, spec, self._line(node)))
        if spec is not None and self.loops and _unnamed_creator(node, spec) \
                and _keyword(node, spec.reuse_param or "reuse") is None \
                and not any(a.star for a in node.args):
            inner = self.nesting[len(self.nesting) - self.nesting[::-1].index("loop"):]
            if "scope" not in inner:  # (a scope per turn restarts TF1's counter: the codemod's case)
                self.functional_sites.append((node, api, spec, self._line(node)))
        found = self._ctor_of(node.func)
        if found is not None:
            ctor, api = found
            inner = self.nesting[len(self.nesting) - self.nesting[::-1].index("loop"):] \
                if "loop" in self.nesting else []
            self.inline.append(_Inline(node, ctor, api, self._line(node), self._loop_ids(),
                                       tuple(t for _, t in self.loops), "scope" in inner))
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value in ("apply", "__call__"):
            func = func.value
        if isinstance(func, cst.Name):
            self.calls_by_name.setdefault(func.value, []).append((node, self._loop_ids()))

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        if self.depth != 1 or len(node.body) != 1 or not isinstance(node.body[0], cst.Assign):
            return
        assign = node.body[0]
        if len(assign.targets) != 1 or not isinstance(assign.targets[0].target, cst.Name):
            return
        comp = assign.value
        if not isinstance(comp, cst.ListComp) or not isinstance(comp.elt, cst.Call):
            return
        api = self.tf.api(comp.elt.func)
        if api not in self.classes:
            return
        name = assign.targets[0].target.value
        if name in self.lists:
            self.lists[name] = None  # built twice: left alone
            return
        self.lists[name] = _ListBuild(name, node, comp, comp.elt, api, self._line(node),
                                      self._loop_ids())

    def _list_for(self, node: cst.For) -> None:
        it, target, index = node.iter, node.target, None
        if isinstance(it, cst.Call) and isinstance(it.func, cst.Name) \
                and it.func.value == "enumerate" and len(it.args) == 1 \
                and it.args[0].keyword is None and not it.args[0].star:
            if not (isinstance(target, cst.Tuple) and len(target.elements) == 2):
                return
            index, target = target.elements[0].value, target.elements[1].value
            it = it.args[0].value
        if isinstance(it, cst.Name) and isinstance(target, cst.Name):
            self.list_fors.append(_ListFor(node, it.value, target.value, index,
                                           self._line(node), self._loop_ids()))


class _Strings(cst.CSTVisitor):
    def __init__(self, into: list[tuple[str, int]]) -> None:
        self.into = into

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        value = _string(node)
        if value is not None:
            self.into.append((value, -1))


def _never_none_string(expr: cst.BaseExpression) -> bool:
    if isinstance(expr, (cst.SimpleString, cst.FormattedString, cst.ConcatenatedString)):
        return True
    if isinstance(expr, cst.BinaryOperation) and isinstance(expr.operator, (cst.Modulo, cst.Add)):
        return isinstance(expr.left, (cst.SimpleString, cst.FormattedString))
    return isinstance(expr, cst.Call) and isinstance(expr.func, cst.Attribute) \
        and expr.func.attr.value == "format" and isinstance(expr.func.value, cst.SimpleString)


def _names_a_scope(call: cst.Call) -> bool:
    """`variable_scope("name", ...)` (a string: a fresh name counter inside, TF1 resets it when
    a named scope is left) or `variable_scope(None, default_name=...)` (a new scope)."""
    first = call.args[0] if call.args and call.args[0].keyword is None else None
    value = first.value if first is not None else _keyword(call, "name_or_scope")
    if value is None:
        return False
    if _is_none(value):
        return _keyword(call, "default_name") is not None
    return _never_none_string(value)


def unnamed_creator_in_loop(tree: ast.Module, tf) -> bool:
    """Some `for` loop calls a functional creator without a name (TF1 numbered those calls,
    this module may write the numbers), or a list comprehension calls a creator or a function of
    this file (comprehension_loops.py may unroll it): a cheap ast test for the text passes (one
    walk of the tree)."""
    from migrate.codemod.creators import SPECS

    defs = {n.name for n in tree.body if type(n) is ast.FunctionDef}
    todo: list[tuple[ast.AST, bool, bool]] = [(tree, False, False)]  # (node, in a for, in a comp)
    while todo:
        node, in_for, in_comp = todo.pop()
        if type(node) is ast.Call:
            api = tf.api(node.func) if type(node.func) is ast.Attribute else None
            spec = SPECS.get(api) if api is not None else None
            if in_for and spec is not None \
                    and not any(k.arg == spec.scope_param for k in node.keywords):
                return True
            if in_comp and (spec is not None or (type(node.func) is ast.Name
                                                 and node.func.id in defs)):
                return True
        in_for = in_for or type(node) is ast.For
        in_comp = in_comp or type(node) is ast.ListComp
        todo.extend((child, in_for, in_comp) for child in ast.iter_child_nodes(node))
    return False


def _bound_names(target: cst.CSTNode) -> list[str]:
    if isinstance(target, cst.Name):
        return [target.value]
    if isinstance(target, (cst.Tuple, cst.List)):
        return [n for e in target.elements for n in _bound_names(e.value)]
    if isinstance(target, cst.StarredElement):
        return _bound_names(target.value)
    return []


def _string(expr: cst.BaseExpression | None) -> str | None:
    if isinstance(expr, cst.SimpleString):
        try:
            value = ast.literal_eval(expr.value)
        except (ValueError, SyntaxError):
            return None
        return value if isinstance(value, str) else None
    return None


def _unnamed_creator(call: cst.Call, spec) -> bool:
    """A functional creator's call that gives no name / scope (by keyword or position)."""
    index = spec.params.index(spec.scope_param)
    positional = [a for a in call.args if a.keyword is None]
    if len(positional) > index or any(a.star for a in positional):
        return False
    return _is_none(_keyword(call, spec.scope_param))


def _keyword(call: cst.Call, keyword: str) -> cst.BaseExpression | None:
    return next((a.value for a in call.args if a.keyword is not None
                 and a.keyword.value == keyword), None)


def _is_none(expr: cst.BaseExpression | None) -> bool:
    return expr is None or (isinstance(expr, cst.Name) and expr.value == "None")


def _distinct_per_turn(name: cst.BaseExpression, counters: frozenset[str]) -> bool:
    """`"fc%d" % i`, `"fc_{}".format(i)`, `f"fc{i}"`, `"fc" + str(i)` with `i` a counter: a
    fixed text around one integer, different on every turn."""
    def counter(expr: cst.BaseExpression) -> bool:
        return isinstance(expr, cst.Name) and expr.value in counters

    if isinstance(name, cst.BinaryOperation):
        if isinstance(name.operator, cst.Modulo) and _string(name.left) is not None:
            text = _string(name.left)
            right = name.right
            if isinstance(right, cst.Tuple) and len(right.elements) == 1:
                right = right.elements[0].value
            return text.count("%") == 1 and "%d" in text and counter(right)
        if isinstance(name.operator, cst.Add):
            def str_of_counter(e):
                return isinstance(e, cst.Call) and isinstance(e.func, cst.Name) \
                    and e.func.value == "str" and len(e.args) == 1 and counter(e.args[0].value)
            left, right = name.left, name.right
            return (_string(left) is not None and str_of_counter(right)) or (
                str_of_counter(left) and _string(right) is not None)
        return False
    if isinstance(name, cst.Call) and isinstance(name.func, cst.Attribute) \
            and name.func.attr.value == "format" and _string(name.func.value) is not None:
        text = _string(name.func.value)
        return text.count("{") == 1 and "{}" in text and len(name.args) == 1 \
            and name.args[0].keyword is None and counter(name.args[0].value)
    if isinstance(name, cst.FormattedString):
        holes = [p for p in name.parts if isinstance(p, cst.FormattedStringExpression)]
        return len(holes) == 1 and holes[0].format_spec is None and holes[0].conversion is None \
            and counter(holes[0].expression)
    return False


def _ctor_kwargs(ctor: cst.Call, params: tuple[str, ...]):
    """(reason, None) or (None, the constructor's arguments as keywords)."""
    kwargs = []
    for i, arg in enumerate(ctor.args):
        if arg.star:
            return "its constructor takes *args / **kwargs", None
        keyword = arg.keyword.value if arg.keyword is not None else (
            params[i] if i < len(params) else None)
        if keyword is None or keyword not in params:
            return f"constructor argument {keyword or i} has no functional counterpart", None
        kwargs.append((keyword, arg.value))
    return None, kwargs


def _call_ok(call: cst.Call, allowed: frozenset[str]) -> bool:
    args = call.args
    return bool(args) and args[0].keyword is None and not args[0].star and all(
        not a.star and a.keyword is not None and a.keyword.value in allowed for a in args[1:])


def _equal() -> cst.AssignEqual:
    return cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace(""))


def _functional(ctor: cst.Call, functional: str, call: cst.Call, kwargs) -> cst.Call:
    func = ctor.func
    assert isinstance(func, cst.Attribute)
    args = [call.args[0].with_changes(comma=cst.MaybeSentinel.DEFAULT)]
    args += [cst.Arg(value, keyword=cst.Name(k), equal=_equal()) for k, value in kwargs]
    args += [a.with_changes(comma=cst.MaybeSentinel.DEFAULT) for a in call.args[1:]]
    return cst.Call(func=func.with_changes(attr=cst.Name(functional.rsplit(".", 1)[-1])),
                    args=args)


def _why_name(name: cst.BaseExpression | None, counters: tuple[frozenset[str], ...],
              fresh_scope: bool, literal_names: dict[str, int]) -> tuple[str | None, bool]:
    """(reason it stays, None) or (None, whether TF1 uniquified the name on each turn)."""
    literal = _string(name)
    if literal is not None and literal_names.get(literal, 0) > 1:
        return f"two layers here are named {literal!r} (TF1 made {literal}, {literal}_1)", False
    if not counters or fresh_scope:
        return None, False
    if _is_none(name) or literal is not None:
        return None, True
    if _distinct_per_turn(name, counters[-1]):
        return None, False
    return ("it is built in a loop with a name not provably new on each turn and no variable "
            "scope of its own per iteration (TF1 uniquified it: name, name_1, ...)"), False


@dataclass
class _Candidate:
    call: cst.Call  # the call rewritten as the functional creator
    ctor: cst.Call
    api: str
    functional: str
    kwargs: list
    line: int
    loop: cst.For | None = None  # a list's loop (its header is rewritten)
    index: cst.BaseAssignTargetExpression | None = None  # that loop's enumerate counter
    list_build: _ListBuild | None = None
    counter: str | None = None  # the turn counter the written name uses
    header: tuple | None = None  # the loop's new (target, iterable), when decided by _number
    scope_param: str | None = None  # a functional creator's call: only its name is written
    default_name: str | None = None  # that creator's TF1 default name


def plan_function(function: cst.FunctionDef, tf, positions, layer_classes: dict[str, str],
                  ctor_params, call_keywords: dict[str, frozenset[str]], taken: set[int],
                  plan: InlinePlan, runs_again: bool = True, callers_fresh: bool = False,
                  layerless: frozenset[str] = frozenset()) -> bool:
    """Plan one function's inline layers and local lists; True when something is rewritten.
    `taken`: ids of calls another rule already rewrites. `runs_again`: the file calls the
    function more than once (or in a loop): a named layer must then be in a scope of its own.
    `callers_fresh`: every call of the function opens a fresh named variable scope
    (fresh_scope_helpers.py), so its own top level counts from 0 like a scope it entered.
    `layerless`: the file's names whose calls open no variable scope (layerless.py)."""
    from migrate.codemod.creators import SPECS

    bases = {api: SPECS[functional].default_name for api, functional in layer_classes.items()}
    scan = _Scan(tf, positions, layer_classes, bases, SPECS, layerless)
    fast_visit(function, scan)  # (a read-only scan: the same callbacks, faster)
    ready: list[_Candidate] = []
    uniquified: dict[tuple[int | None, str], list[_Candidate]] = {}  # (scope, base) -> layers
    for site in scan.inline:
        if id(site.node) in taken:
            continue
        functional = layer_classes[site.api]
        why, kwargs = _ctor_kwargs(site.ctor, ctor_params(functional))
        allowed = call_keywords.get(functional, frozenset())
        if why is None and not _call_ok(site.node, allowed):
            why = "its call passes more than its input" + (" (and training=)" if allowed else "")
        renamed = False
        if why is None:
            why, renamed = _why_name(dict(kwargs).get("name"), site.loop_targets,
                                     site.fresh_scope, scan.literal_names)
        if why is not None:
            plan.diagnostics.append(Diagnostic(
                "implicit-creator", f"`tf.{site.api}(...)(...)` is kept: {why}", site.line, 0,
                "info"))
            continue
        if why is None and not renamed and not _is_none(dict(kwargs).get("name")) \
                and runs_again and not _in_own_scope(scan, site.node):
            why = _CALLERS_SCOPE
        if why is not None:
            plan.diagnostics.append(Diagnostic(
                "implicit-creator", f"`tf.{site.api}(...)(...)` is kept: {why}", site.line, 0,
                "info"))
            continue
        candidate = _Candidate(site.node, site.ctor, site.api, functional, kwargs, site.line)
        if renamed:
            _group(uniquified, scan, candidate, bases)
        else:
            ready.append(candidate)
    for call, api, spec, line in scan.functional_sites:
        # `for i in range(3): h = tf.layers.dense(h, 64)`: TF1 made dense, dense_1, dense_2
        if id(call) not in taken:
            _group(uniquified, scan, _Candidate(call, call, api, api, [], line,
                                                scope_param=spec.scope_param,
                                                default_name=spec.default_name), bases)
    for loop in scan.list_fors:
        build = scan.lists.get(loop.list_name)
        if build is None:
            continue
        why = _why_not_list(build, loop, scan, layer_classes, ctor_params, call_keywords)
        if why is not None:
            plan.diagnostics.append(Diagnostic(
                "implicit-creator", f"the list of `tf.{build.api}` layers `{build.name}` is "
                f"kept: {why}", build.line, 0, "info"))
            continue
        functional = layer_classes[build.api]
        _, kwargs = _ctor_kwargs(build.ctor, ctor_params(functional))
        candidate = _Candidate(scan.calls_by_name[loop.target][0][0], build.ctor, build.api,
                               functional, kwargs, build.line, loop.node, loop.index, build)
        name = dict(kwargs).get("name")
        if _string(name) is None and not _is_none(name) and runs_again \
                and not _in_own_scope(scan, candidate.call):
            plan.diagnostics.append(Diagnostic(
                "implicit-creator", f"the list of `tf.{build.api}` layers `{build.name}` is "
                f"kept: {_CALLERS_SCOPE}", build.line, 0, "info"))
            continue
        if _is_none(name) or _string(name) is not None:
            _group(uniquified, scan, candidate, bases)
        else:
            ready.append(candidate)
    known = {id(c.call) for group in uniquified.values() for c in group} | {
        id(c.call) for c in ready}  # (calls of layers whose names this module decides)
    singles = _singles(scan, ready, bases)
    known |= {id(c.call) for group in singles.values() for c in group}
    for (scope, base), group in uniquified.items():
        alone = singles.get((scope, base), [])
        why = _why_not_numbered(scope, base, group, scan, known, alone, callers_fresh)
        if why is not None:
            for candidate in group:
                plan.diagnostics.append(Diagnostic(
                    "implicit-creator", f"`tf.{candidate.api}` layer built on every turn of a "
                    f"loop is kept: TF1 numbered it ({base}, {base}_1, ...) and {why}",
                    candidate.line, 0, "info"))
            continue
        _number(base, group, scan, alone)
        ready = [c for c in ready if c not in alone] + group + alone
    for candidate in ready:
        _emit(candidate, plan)
    return bool(ready)


_CALLERS_SCOPE = (
    "it has a name and runs in the caller's variable scope, and the function runs more than "
    "once: TF1 uniquified a layer object's name on every call (fc, fc_1), the functional "
    "creator would re-enter fc")


def _in_own_scope(scan: _Scan, call: cst.Call) -> bool:
    """The call's innermost variable scope is one this function enters by name (a second call
    of the function re-enters it: TF1 then reused or failed, never uniquified)."""
    path = scan.paths.get(id(call), ())
    scope = next((i for kind, i in reversed(path) if kind == "scope"), None)
    return scope is not None and scope in scan.fresh


def _singles(scan: _Scan, ready: list[_Candidate], bases: dict[str, str]):
    """(scope, base) -> the unnamed layers built once, outside loops: functional creators and
    layer objects built and called at once. They take a number of their own in TF1's count."""
    found: dict[tuple[int | None, str], list[_Candidate]] = {}
    for call, api, spec, line in scan.functional_singles:
        candidate = _Candidate(call, call, api, api, [], line, scope_param=spec.scope_param,
                               default_name=spec.default_name)
        _group(found, scan, candidate, bases)
    for candidate in ready:
        if candidate.list_build is None and not candidate.scope_param \
                and _is_none(dict(candidate.kwargs).get("name")) \
                and not any(kind in ("for", "while", "comp")
                            for kind, _ in scan.paths.get(id(candidate.call), ())):
            _group(found, scan, candidate, bases)
    return found


def _group(groups, scan: _Scan, candidate: _Candidate, bases: dict[str, str]) -> None:
    path = scan.paths.get(id(candidate.call), ())
    scope = next((i for kind, i in reversed(path) if kind == "scope"), None)
    name = _string(dict(candidate.kwargs).get("name"))
    base = candidate.default_name or bases[candidate.api]
    groups.setdefault((scope, name or base), []).append(candidate)


def _why_not_numbered(scope: int | None, base: str, group: list[_Candidate],
                      scan: _Scan, known: set[int], alone: list[_Candidate] = (),
                      callers_fresh: bool = False) -> str | None:
    """Why the numbers TF1 gave cannot be decided from the text, or None. `alone`: the unnamed
    layers of that name built once in the scope (before, between or after the loops)."""
    if scope is None and not callers_fresh:
        return "its variable scope is the caller's (which names came before is not known here)"
    if scope is not None and scope not in scan.fresh:
        return "its variable scope is not entered by a name here (its counter may not be fresh)"

    def below(path):  # (the part of a call's path inside the scope)
        return path if scope is None else path[[i for _, i in path].index(scope) + 1:]
    loops = set()
    for candidate in group:
        path = scan.paths[id(candidate.call)]
        rest = below(path)
        inner = [(kind, i) for kind, i in rest if kind != "with"]
        if len(inner) != 1 or inner[0][0] != "for":
            return "not every turn runs it exactly once (a branch, `try` or inner loop)"
        loops.add(inner[0][1])
    for candidate in alone:
        path = scan.paths[id(candidate.call)]
        rest = below(path)
        if any(kind != "with" for kind, _ in rest):
            return f"an unnamed {base!r} built once in the scope runs conditionally"
    for loop in loops:
        if loop in scan.continues:
            return "a `continue` or `break` may skip it"
        if any(c.loop is None for c in group if _loop_of(c, scan) == loop) \
                and loop not in scan.zero_counter \
                and scan.for_nodes[loop].asynchronous is not None:
            return "its loop has no counter from 0 (`range(n)`, `enumerate(...)`)"
    items = _items(group, alone, scan)
    for item in items[:-1]:  # (a loop followed by more layers of the name: its count is needed)
        if isinstance(item, int) and _turns(item, group, scan) is None:
            return ("a loop before other layers of that name has no count the text shows "
                    "unchanged (`range(n)`, `enumerate(xs)` with names not reassigned after)")
    events = scan.events.get(scope, _ScopeEvents())
    own = {id(v) for c in group for k, v in c.kwargs if k == "name"}
    if any((value == base or value.startswith(base + "_")) and node not in own
           for value, node in events.strings):
        return f"the scope holds another {base!r} name"
    calls = {id(c.call) for c in (*group, *alone)}
    if any(b == base and node not in calls for b, node in events.unnamed):
        return f"an unnamed creator in the scope also takes {base!r}"
    ctors = {id(c.ctor) for c in (*group, *alone)}
    if any(b == base and node not in ctors for b, node in events.layers):
        return f"another layer in the scope takes {base!r}"
    opaque = [line for node, line in events.opaque if node not in known]
    if opaque:
        return f"a call at line {min(opaque)} runs code that may make layers of that name"
    return None


def _loop_of(candidate: _Candidate, scan: _Scan) -> int:
    return next(i for kind, i in reversed(scan.paths[id(candidate.call)]) if kind == "for")


def _items(group: list[_Candidate], alone, scan: _Scan) -> list:
    """The loops (their ids) and the layers built once, in the order they run."""
    where: dict[object, tuple[int, int]] = {}
    for candidate in group:
        loop = _loop_of(candidate, scan)
        start = scan.positions[scan.for_nodes[loop]].start
        where[loop] = (start.line, start.column)
    for candidate in alone:
        end = scan.positions[candidate.call].end
        where[id(candidate)] = (end.line, end.column)
    by_id = {id(c): c for c in alone}
    return [by_id.get(key, key) for key in sorted(where, key=where.get)]


def _turns(loop: int, group: list[_Candidate], scan: _Scan) -> str | None:
    """The number of turns of a loop as an expression read unchanged after it, or None."""
    node = scan.for_nodes[loop]
    lists = [c for c in group if c.list_build is not None and id(c.loop) == loop]
    it = lists[0].list_build.comp.for_in.iter if lists else node.iter
    if isinstance(it, cst.Call) and isinstance(it.func, cst.Name) and len(it.args) == 1 \
            and it.args[0].keyword is None and it.func.value in ("range", "enumerate"):
        inner = it.args[0].value
        counted = _code(inner) if it.func.value == "range" else f"len({_code(inner)})"
        it = inner
    elif isinstance(it, (cst.List, cst.Tuple)) and not any(
            isinstance(e, cst.StarredElement) for e in it.elements):
        return str(len(it.elements))  # (`for size in [8, 8, 4]`)
    elif isinstance(it, (cst.Name, cst.Attribute, cst.Subscript)):
        counted = f"len({_code(it)})"  # (a list or tuple the loop read, unchanged after it)
    else:
        return None  # (len() of zip / reversed / a generator is no count)
    if not _pure(it):
        return None
    line = scan.positions[node].start.line
    if any(assigned >= line for n in _free(it) for assigned in scan.assigned.get(n, [])):
        return None
    return counted


def _code(expr: cst.CSTNode) -> str:
    return cst.Module(body=[]).code_for_node(expr)


def _number(base: str, group: list[_Candidate], scan: _Scan, alone=()) -> None:
    """Write TF1's uniquified names, in the order the scope runs them: the j-th of k layers of a
    loop's turn i is `base_{offset + k*i + j}`, a layer built once takes `base_{offset}` (`base`
    for 0); each loop moves the offset on by k times its turns."""
    const, terms = 0, []  # the offset: a constant and the loops' turns before
    items = _items(group, alone, scan)
    for position, item in enumerate(items):
        if isinstance(item, _Candidate):
            _set_name(item, _name_text(base, const, terms, None))
            const += 1
            continue
        members = sorted((c for c in group if _loop_of(c, scan) == item),
                         key=lambda c: (scan.positions[c.call].end.line,
                                        scan.positions[c.call].end.column))
        counter = _loop_counter(item, members, scan)
        k = len(members)
        turn = counter if k == 1 else f"{k} * {counter}"
        for j, candidate in enumerate(members):
            candidate.counter = counter
            _set_name(candidate, _name_text(base, const + j, [*terms, turn], counter))
        if position + 1 < len(items):
            turns = _turns(item, group, scan)
            if turns.isdigit():
                const += k * int(turns)
            else:
                terms.append(turns if k == 1 else f"{k} * {_parenthesized(turns)}")


def _parenthesized(text: str) -> str:
    return text if text.isidentifier() or text.isdigit() else f"({text})"


def _name_text(base: str, const: int, terms: list[str], counter: str | None) -> str:
    """The name expression of index const + sum(terms) (`base` for index 0, else `base_N`)."""
    if not terms:
        return f'"{base}"' if const == 0 else f'"{base}_{const}"'
    index = " + ".join([*terms, str(const)] if const else terms)
    if const:  # never 0
        return f'"{base}_%d" % ({index})'
    # 0 on the first turn of the first loop only: the counter alone says when
    when = counter if counter is not None and len(terms) == 1 else _parenthesized(index)
    return f'"{base}" + ("_%d" % {_parenthesized(index)} if {when} else "")'


def _set_name(candidate: _Candidate, text: str) -> None:
    if candidate.scope_param:
        candidate.kwargs = [(candidate.scope_param, cst.parse_expression(text))]
        return
    kwargs = [(k, v) for k, v in candidate.kwargs if k != "name"]
    candidate.kwargs = kwargs + [("name", cst.parse_expression(text))]


def _loop_counter(loop_id: int, members: list[_Candidate], scan: _Scan) -> str:
    """The loop's counter from 0, given to it when it has none (a list's loop, `for _ in`)."""
    counter = scan.zero_counter.get(loop_id)
    fresh = next(n for n in ("i", "index", "layer_index", "layer_index_") if n not in scan.names)
    lists = [c for c in members if c.loop is not None and c.list_build is not None]
    if lists:
        comp_for = lists[0].list_build.comp.for_in
        if lists[0].index is not None and isinstance(lists[0].index, cst.Name):
            return lists[0].index.value
        if _counts_from_zero(comp_for.iter) and isinstance(comp_for.target, cst.Name):
            # `[...(n) for _ in range(n)]`: the loop becomes `for i in range(n)`
            counter = comp_for.target.value if comp_for.target.value != "_" else fresh
            lists[0].header = (cst.Name(counter), comp_for.iter)
            return counter
        return fresh
    if counter == "_" and _count_names(scan.for_nodes[loop_id].body, "_") == 0:
        counter = fresh  # (`for _ in range(n)`: its turns are counted now)
        members[0].header = (cst.Name(counter), scan.for_nodes[loop_id].iter)
        members[0].loop = scan.for_nodes[loop_id]
    elif counter is None:  # `for size in hidden_sizes`: `for i, size in enumerate(hidden_sizes)`
        node = scan.for_nodes[loop_id]
        target = node.target.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()]) \
            if isinstance(node.target, cst.Tuple) else node.target
        counter = fresh
        members[0].header = (
            cst.Tuple([cst.Element(cst.Name(counter)), cst.Element(target)], lpar=[], rpar=[]),
            cst.Call(cst.Name("enumerate"), [cst.Arg(node.iter)]))
        members[0].loop = node
    return counter


def _counts_from_zero(it: cst.BaseExpression) -> bool:
    return isinstance(it, cst.Call) and isinstance(it.func, cst.Name) \
        and it.func.value == "range" and len(it.args) == 1 and it.args[0].keyword is None \
        and not it.args[0].star


def _emit(candidate: _Candidate, plan: InlinePlan) -> None:
    if candidate.scope_param:  # a functional creator's call: its arguments and TF1's name
        (keyword, value), = candidate.kwargs
        args = [a.with_changes(comma=cst.MaybeSentinel.DEFAULT) for a in candidate.call.args]
        plan.calls[id(candidate.call)] = candidate.call.with_changes(
            args=args + [cst.Arg(value, keyword=cst.Name(keyword), equal=_equal())])
        if candidate.header is not None:
            plan.fors[id(candidate.loop)] = candidate.header
        return
    plan.calls[id(candidate.call)] = _functional(candidate.ctor, candidate.functional,
                                                 candidate.call, candidate.kwargs)
    if candidate.header is not None:
        plan.fors[id(candidate.loop)] = candidate.header
        if candidate.list_build is not None:
            plan.removed.add(id(candidate.list_build.statement))
        return
    if candidate.list_build is None:
        return
    comp_for = candidate.list_build.comp.for_in
    target: cst.BaseAssignTargetExpression = comp_for.target
    iterable = comp_for.iter
    index = candidate.index
    if _shared_counter(candidate.list_build, _ListFor(candidate.loop, "", "", index, 0, ())):
        index = None  # (the comprehension's own enumerate counts the turns)
    elif index is None and candidate.counter is not None:
        index = cst.Name(candidate.counter)
    if index is not None:
        target = cst.Tuple([cst.Element(index), cst.Element(
            target.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
            if isinstance(target, cst.Tuple) else target)], lpar=[], rpar=[])
        iterable = cst.Call(cst.Name("enumerate"), [cst.Arg(iterable)])
    plan.fors[id(candidate.loop)] = (target, iterable)
    plan.removed.add(id(candidate.list_build.statement))


def _why_not_list(build: _ListBuild, loop: _ListFor, scan: _Scan, layer_classes, ctor_params,
                  call_keywords) -> str | None:
    comp = build.comp
    comp_for = comp.for_in
    if comp_for.inner_for_in is not None or comp_for.ifs or comp_for.asynchronous is not None:
        return "its comprehension has more than one `for` or an `if`"
    if len(scan.assigned.get(build.name, [])) != 1:
        return f"`{build.name}` is assigned more than once"
    if sum(1 for f in scan.list_fors if f.list_name == build.name) != 1 \
            or len(scan.names.get(build.name, [])) != 2:  # its assignment and the loop's iter
        return "it is used other than by iterating it once (TF1's layers are shared by a second use)"
    if loop.loops != build.loops or loop.line < build.line:
        return "the loop over it is not in the same loop nesting as its construction"
    calls = scan.calls_by_name.get(loop.target, [])
    inner = (*loop.loops, id(loop.node))
    if len(calls) != 1 or calls[0][1] != inner or len(scan.names.get(loop.target, [])) != 2:
        return (f"`{loop.target}` is not called exactly once per turn, and used only so, in the "
                "loop")
    if len(scan.assigned.get(loop.target, [])) != 1:
        return f"`{loop.target}` is assigned elsewhere too"
    functional = layer_classes[build.api]
    why, kwargs = _ctor_kwargs(build.ctor, ctor_params(functional))
    if why is not None:
        return why
    if not _call_ok(calls[0][0], call_keywords.get(functional, frozenset())):
        return "its call passes more than its input"
    comp_names = set(_bound_names(comp_for.target))
    if not comp_names:
        return "its comprehension's target is not a name or a tuple of names"
    shared = _shared_counter(build, loop)
    for n in comp_names - ({shared} if shared else set()):
        # the comprehension's variable becomes the loop's: it must be new to the function
        if scan.assigned.get(n) or len(scan.names.get(n, [])) != _count_names(comp, n):
            return f"`{n}` is also a name of the function"
    # the iterable and the constructor's arguments are read at the loop instead of at the
    # construction: none of their names may be rebound after it
    free = _free(comp_for.iter) | {n for _, v in kwargs for n in _free(v)} - comp_names
    late = [line for n in free for line in scan.assigned.get(n, []) if line >= build.line]
    if late:
        return f"a name it reads is reassigned at line {min(late)}"
    if not _pure(comp_for.iter):
        return "its iterable calls something other than range / len / zip / enumerate"
    name = dict(kwargs).get("name")
    if not _is_none(name) and _string(name) is None:
        counters = frozenset()
        it = comp_for.iter
        if isinstance(it, cst.Call) and isinstance(it.func, cst.Name):
            if it.func.value == "range" and isinstance(comp_for.target, cst.Name):
                counters = frozenset({comp_for.target.value})
            elif it.func.value == "enumerate" and isinstance(comp_for.target, cst.Tuple):
                first = comp_for.target.elements[0].value
                counters = frozenset({first.value}) if isinstance(first, cst.Name) else frozenset()
        if not _distinct_per_turn(name, counters):
            return "its layers' names are not provably different (TF1 uniquified them)"
    return None


def _shared_counter(build: _ListBuild, loop: _ListFor) -> str | None:
    """`[...(w, name="c%d" % i) for i, w in enumerate(ws)]` iterated by `for i, c in
    enumerate(layers)`: both `i` count the same turns, so the loop can be `for i, w in
    enumerate(ws)` as it is."""
    comp_for = build.comp.for_in
    it, target = comp_for.iter, comp_for.target
    if isinstance(it, cst.Call) and isinstance(it.func, cst.Name) and it.func.value == "enumerate" \
            and len(it.args) == 1 and isinstance(target, cst.Tuple) and len(target.elements) == 2 \
            and isinstance(target.elements[0].value, cst.Name) \
            and isinstance(loop.index, cst.Name) \
            and loop.index.value == target.elements[0].value.value:
        return loop.index.value
    return None


def _count_names(node: cst.CSTNode, name: str) -> int:
    count = 0

    class _Count(cst.CSTVisitor):
        def visit_Name(self, n: cst.Name) -> None:
            nonlocal count
            count += n.value == name

        def visit_Attribute(self, n: cst.Attribute) -> bool:
            n.value.visit(self)
            return False

        def visit_Arg(self, n: cst.Arg) -> bool:
            n.value.visit(self)
            return False

    node.visit(_Count())
    return count


def _free(expr: cst.CSTNode) -> set[str]:
    names: set[str] = set()

    class _Names(cst.CSTVisitor):
        def visit_Name(self, node: cst.Name) -> None:
            names.add(node.value)

        def visit_Attribute(self, node: cst.Attribute) -> bool:
            node.value.visit(self)
            return False

        def visit_Arg(self, node: cst.Arg) -> bool:
            node.value.visit(self)
            return False

    expr.visit(_Names())
    return names


def _pure(expr: cst.BaseExpression) -> bool:
    """Reading it has no effect: names, attributes, subscripts, literals, arithmetic and
    range / len / zip / enumerate / reversed / list / tuple calls of those."""
    if isinstance(expr, (cst.Name, cst.Integer, cst.Float, cst.SimpleString)):
        return True
    if isinstance(expr, cst.Attribute):
        return _pure(expr.value)
    if isinstance(expr, cst.Subscript):
        return _pure(expr.value) and all(
            isinstance(s.slice, cst.Index) and _pure(s.slice.value) for s in expr.slice)
    if isinstance(expr, (cst.Tuple, cst.List)):
        return all(_pure(e.value) for e in expr.elements)
    if isinstance(expr, cst.BinaryOperation):
        return _pure(expr.left) and _pure(expr.right)
    if isinstance(expr, cst.UnaryOperation):
        return _pure(expr.expression)
    if isinstance(expr, cst.Call):
        return isinstance(expr.func, cst.Name) and expr.func.value in _ITER_CALLS and all(
            not a.star and a.keyword is None and _pure(a.value) for a in expr.args)
    return False
