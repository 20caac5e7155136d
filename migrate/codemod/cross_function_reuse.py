"""One scope name opened with AUTO_REUSE by two functions: TF1 shares it, two modules would not.

`tf.layers.dense(h, 8, name="proj", reuse=tf.AUTO_REUSE)` in `encode` and again in `decode`
(or `with tf.variable_scope("proj", reuse=tf.AUTO_REUSE)` in two functions), both run under the
caller's `variable_scope("model")`: TF1 makes `model/proj/kernel` once and hands it to the second
one. The converter gives each function its own module, so the migration made two sets of
variables (W's 1a, a silent wrong). Which function creates and which reuses depends on the call
order, so the pair is refused (`unsupported-scope`); the methods of one owner whose *own* scope
is shared are reentry.py's (it refuses AUTO_REUSE peers, or re-enters a creator with reuse=True).

Only literal names count, seen where they name a scope: a variable_scope's name, a covered
creator's `name=` / `scope=`, and string arguments of calls that are not TF's (a helper opening
`variable_scope(name)`). A name made by a layer object pass for one object called in one method
(`name="embed", reuse=tf.AUTO_REUSE` twice in `__call__`) is one function's, and converts.
"""

from __future__ import annotations

import libcst as cst

from migrate.codemod.context import FileContext, code
from migrate.cstnames import dotted_name
from migrate.codemod.creators import SPECS
from migrate.codemod.fastwalk import visit as fast_visit
from migrate.codemod.naming import literal_string
from migrate.codemod.scopes import ScopeCall, Unsupported, bind_call


def _auto_reuse(expr: cst.BaseExpression | None) -> bool:
    return expr is not None and code(expr).endswith("AUTO_REUSE")


def auto_reuse_names(converter, original: cst.Call, callee: str | None,
                     site_name: str | None) -> list[tuple[str, cst.With | None]]:
    """The literal scope names the AUTO_REUSE that governs this creation site gives, each with
    the `with` block it opens (None for the call's own `reuse=tf.AUTO_REUSE`, named by the site):
    each enclosing AUTO_REUSE variable_scope, the function's own AUTO_REUSE scope."""
    names: list[tuple[str, cst.With | None]] = []
    sig = converter.ctx.sigs.get(callee) if callee is not None else None
    if sig is not None and sig.reuse_param and site_name is not None:
        reuse = next((a.value for a in original.args if a.keyword is not None
                      and a.keyword.value == sig.reuse_param), None)
        if _auto_reuse(reuse):
            names.append((site_name, None))
    for frame in converter.frames:
        if frame.kind == "var" and frame.call is not None and _auto_reuse(frame.call.reuse) \
                and frame.key[0] == "s" and frame.node is not None:
            names.append((frame.key[1], frame.node))
    own = converter.sig.own_call
    if own is not None and _auto_reuse(own.reuse) and converter.sig.literal is not None \
            and converter.sig.own_with is not None:
        names.append((converter.sig.literal, converter.sig.own_with))
    return names


class _ScopeNames(cst.CSTVisitor):
    """Literal names that name a scope in a function (or a block): variable_scope names, covered
    creators' names (their default name when unnamed), get_variable names, string arguments of
    calls that are not TF's; and each literal variable_scope block by name."""

    def __init__(self, ctx: FileContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.names: set[str] = set()
        self.blocks: dict[str, list[tuple[cst.With, bool]]] = {}  # name -> (block, opened with reuse)
        self.unknown = False  # calls a variable-creating function whose scope name is not known

    def visit_With(self, node: cst.With) -> None:
        for item in node.items:
            if isinstance(item.item, cst.Call) and self.ctx.tf.api(item.item.func) == "variable_scope":
                try:
                    call = ScopeCall.parse(item.item)
                except Unsupported:
                    continue
                literal = literal_string(call.name) if call.name is not None else None
                if literal is not None:
                    reuse = call.reuse is not None and code(call.reuse) not in ("None", "False")
                    self.blocks.setdefault(literal, []).append((node, reuse))

    def visit_Call(self, node: cst.Call) -> None:
        api = self.ctx.tf.api(node.func)
        if api == "variable_scope":
            try:
                call = ScopeCall.parse(node)
            except Unsupported:
                return
            literal = literal_string(call.name) if call.name is not None else None
            if literal is not None:
                self.names.add(literal)
            return
        if api == "get_variable":
            literal = literal_string(node.args[0].value) if node.args and node.args[0].keyword is None else next(
                (literal_string(a.value) for a in node.args if a.keyword is not None and a.keyword.value == "name"), None)
            if literal is not None:
                self.names.add(literal)
            return
        spec = SPECS.get(api) if api is not None else None
        if spec is not None:
            try:
                literal = literal_string(bind_call(node, list(spec.params)).get(spec.scope_param))
            except Unsupported:
                literal = None
            self.names.add(literal if literal is not None else spec.default_name)
            return
        if api is not None:
            return  # another TF call: its strings name ops or summaries, not scopes
        literals = [literal_string(arg.value) for arg in node.args]
        self.names.update(literal for literal in literals if literal is not None)
        callee = dotted_name(node.func)
        if callee is None or callee not in self.ctx.analysis.creators:
            return
        # A converted function called without a literal scope argument creates under its own
        # default name (XLNet's transformer_xl: scope="transformer"); no default: unknown.
        sig = self.ctx.sigs.get(callee)
        default = None
        if sig is not None:
            default = literal_string(sig.scope_param_default) if sig.scope_param_default is not None else None
            default = default or sig.literal
        if default is not None:
            self.names.add(default)
        elif not any(literals):
            self.unknown = True


def _scan(ctx: FileContext, node: cst.CSTNode) -> _ScopeNames:
    cache = ctx.__dict__.setdefault("_cross_reuse_scans", {})
    if id(node) not in cache:
        found = _ScopeNames(ctx)
        fast_visit(node, found)
        cache[id(node)] = (node, found)  # (the node kept alive: its id stays its own)
    return cache[id(node)][1]


def _conflict(ctx: FileContext, name: str, block: cst.With | None, other: cst.CSTNode) -> bool:
    """Would TF1 hand `other`'s variables under `name` to this AUTO_REUSE site (or ours to it)?
    A creator named `name` at the site: `other` names that scope anywhere. An AUTO_REUSE block:
    `other` creates there a name this block creates too, or opens `name` with reuse around
    creators whose names are not known (a re-entered scope that only adds new variables,
    `bias_scope/b` beside `bias_scope/w`, is fine)."""
    scan = _scan(ctx, other)
    if block is None:
        return name in scan.names
    mine = _scan(ctx, block.body)
    for their_block, reuse in scan.blocks.get(name, []):
        theirs = _scan(ctx, their_block.body)
        if mine.names & theirs.names:
            return True
        # (both opened with reuse but creating different names, XLNet's `model/transformer` in
        # __init__ and `model/sequnece_summary` in get_pooled_out: nothing is shared)
        if reuse and (mine.unknown or theirs.unknown or not mine.names or not theirs.names):
            return True
    return False


def check_shared_across_functions(converter, original: cst.Call, callee: str | None = None,
                                  site_name: str | None = None) -> None:
    """Raise Unsupported when a scope this creation site takes under AUTO_REUSE may share its
    variables with another converted function of the file."""
    names = auto_reuse_names(converter, original, callee, site_name)
    if not names:
        return
    ctx, me = converter.ctx, converter.info.qualname
    paths = _two_callers(ctx, me)
    if paths is not None:
        raise Unsupported("unsupported-scope", f"{me} creates under AUTO_REUSE (scope {names[0][0]!r}) and "
                          f"{paths[0]} is called by {paths[1]} and {paths[2]}: TF1 shares those variables "
                          "between the two when they run in the same scope, a module per caller would "
                          "make two sets", original)
    for q in sorted(ctx.analysis.converted):
        info = ctx.analysis.functions[q]
        if q == me or info.external is not None or info.node is None:
            continue
        for name, block in names:
            if _conflict(ctx, name, block, info.node):
                raise Unsupported("unsupported-scope", f"{me} and {q} both name scope {name!r}, {me} with "
                                  "AUTO_REUSE: TF1 shares one set of variables between them when they run in "
                                  "the same scope (whichever runs first creates it), which a module per "
                                  "function would not", original, also=frozenset({q}))


def check_owner_call_in_shared_scope(converter, original: cst.Call) -> None:
    """`self.net(x)` in a method whose own scope another method of the owner opens too (`left`
    and `right` both under variable_scope("enc"), with reuse=True or AUTO_REUSE): TF1 gives both
    calls enc/fc. The owner keys `net`'s modules by the current name scope, and the two method
    modules named `enc` get the name scopes `enc/` and `enc_1/` when built in a graph
    (tf.function): two sets of variables there (W's probe w_auto_reuse_blocks_call_method)."""
    from migrate.codemod import reentry

    info = converter.info
    func = original.func
    if info.owner is None or not isinstance(func, cst.Attribute) or not isinstance(func.value, cst.Name) \
            or func.value.value != converter.self_name:
        return
    method = f"{info.owner}.{func.attr.value}"
    if method not in converter.ctx.analysis.converted or not _makes_own_variables(converter.ctx, method, set()):
        return  # (a method running only the class's shared layer objects makes nothing per module)
    if any(frame.kind == "name" for frame in converter.frames):
        # TF1 variable names ignore a name_scope; the module the owner builds for the call is
        # keyed by the current name scope and takes it (probe r44: model/stage/body/fc, TF1
        # model/body/fc). A name_scope holding only such calls is dropped instead (body.py).
        raise Unsupported("unsupported-scope", f"{method} called inside name_scope", original)
    others = reentry.peers(converter.ctx, info.qualname)
    if others:
        raise Unsupported("unsupported-scope", f"{info.qualname} calls {method} in scope "
                          f"{converter.sig.literal!r}, which {', '.join(others)} opens too: TF1 shares the "
                          "variables it makes there, but its modules are kept per name scope, and a "
                          "second module of that scope name gets another one in a graph (_1)", original)


class _OwnCreations(cst.CSTVisitor):
    def __init__(self, ctx: FileContext, owner: str, self_name: str | None) -> None:
        super().__init__()
        self.ctx, self.owner, self.self_name = ctx, owner, self_name
        self.found = False
        self.methods: list[str] = []

    def visit_Call(self, node: cst.Call) -> None:
        from migrate.codemod.creators_rnn import LAYER_CALL_API, RUNNERS

        api = self.ctx.tf.api(node.func)
        if api is not None:
            if api in ("get_variable", "Variable") or api in SPECS or (api in RUNNERS and api != LAYER_CALL_API):
                self.found = True
            return
        func = node.func
        if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) and func.value.value == self.self_name:
            if f"{self.owner}.{func.attr.value}" in self.ctx.analysis.converted:
                self.methods.append(f"{self.owner}.{func.attr.value}")
            return
        if self.ctx.is_converted_function_call(node) is not None:
            self.found = True


def _makes_own_variables(ctx: FileContext, method: str, seen: set[str]) -> bool:
    """Does this converted method (or an owner method it calls) make variables of its own, not
    only run the class's shared layer objects (`tf.nn.rnn_cell.layer_call(self.fc, ...)`)?"""
    if method in seen:
        return False
    seen.add(method)
    info = ctx.analysis.functions[method]
    if info.node is None:
        return True
    found = _OwnCreations(ctx, info.owner or "", info.self_name)
    fast_visit(info.node, found)
    return found.found or any(_makes_own_variables(ctx, m, seen) for m in found.methods)


def _two_callers(ctx: FileContext, me: str) -> tuple[str, str, str] | None:
    """A module-level function (`me`, or one that calls it, up the call graph) called by two
    converted functions: each caller builds its own module of it (W's probe
    w_auto_reuse_helper_two_callers: left() and right() both ran shared()'s AUTO_REUSE scope).
    A method is not followed: its owner keeps its modules per calling name scope, as TF1 did."""
    functions = ctx.analysis.functions
    callers: dict[str, list[str]] = {}
    for q in sorted(ctx.analysis.converted):
        info = functions[q]
        if info.external is None:
            for callee in info.calls:
                callers.setdefault(callee, []).append(q)
    todo, seen = [me], {me}
    while todo:
        q = todo.pop()
        if functions[q].owner is not None:
            continue
        mine = callers.get(q, [])
        pair = _same_scope_pair(ctx, mine)
        if pair is not None:
            return q, pair[0], pair[1]
        for c in mine:
            if c not in seen:
                seen.add(c)
                todo.append(c)
    return None


def _same_scope_pair(ctx: FileContext, callers: list[str]) -> tuple[str, str] | None:
    """Two callers that may run the callee in one scope. Callers whose whole body is their own
    scope of distinct literal names (encoder/ and decoder/ around an AUTO_REUSE shared_table) make
    their own variables in TF1 as well: a module per caller is exact (explain case
    auto_reuse_two_parents), whatever scope they are called in."""
    for i, a in enumerate(callers):
        for b in callers[i + 1:]:
            sa, sb = ctx.sigs.get(a), ctx.sigs.get(b)
            distinct = sa is not None and sb is not None and sa.kind == sb.kind == "literal" \
                and sa.literal is not None and sb.literal is not None and sa.literal != sb.literal
            if not distinct:
                return a, b
    return None
