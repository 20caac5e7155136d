"""Code that is not converted but uses converted functions: module-level scripts and host
functions (training drivers). Their calls get module instances as local names, created once
before the statement that first needs them; scope blocks of a script become classes."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import libcst as cst

from migrate.codemod.body import instance_site
from migrate.codemod.context import REUSED_HELPER_NAME, SCOPE_HELPER_NAME, VARIABLE_PARAMS, FileContext, code
from migrate.codemod.naming import NameAllocator, attr_name_for, class_name_for, literal_string
from migrate.codemod.scopes import ScopeCall, Unsupported, bind_call, is_reuse_statement, scope_items
from migrate.codemod.variables import get_variable_spec


class _HostCalls(cst.CSTTransformer):
    """Replaces calls of converted functions inside one top-level statement of a host."""

    def __init__(self, host: "HostState") -> None:
        self.host = host
        self.constructions: dict[tuple[str, ...], list[str]] = {}  # scope path -> instance lines
        self.nested = 0
        self.frame_counts: list[int] = []
        self.open_withs: list[cst.With] = []
        self.scopes_with_calls: set[int] = set()  # ids of host `with`s around converted calls
        self.in_def = 0  # inside a nested def the host rewrites

    @property
    def before(self) -> list[cst.BaseStatement]:
        """Instance constructions, each group inside the scopes where TF1 resolved its names."""
        out = []
        for path, lines in self.constructions.items():
            if not path:
                out.extend(cst.parse_statement(f"{line}\n") for line in lines)
                continue
            text = "".join(f"{line}\n" for line in lines)
            for scope in reversed(path):
                self.host.ctx.uses_scope_helper = True
                text = f"with {SCOPE_HELPER_NAME}({scope!r}):\n" + "".join(f"    {l}\n" for l in text.splitlines())
            out.append(cst.parse_statement(text))
        return out

    def visit_Lambda(self, node: cst.Lambda) -> None:
        self.nested += 1

    def leave_Lambda(self, original: cst.Lambda, updated: cst.Lambda) -> cst.Lambda:
        self.nested -= 1
        return updated

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        # nested definitions in a host are left alone, but for the host's own statement being
        # rewritten: a def whose calls run at the host's root scope (migrate.codemod.host_nested)
        if node is self.host.rewriting_def:
            self.in_def += 1
            return True
        return False

    def leave_FunctionDef(self, original: cst.FunctionDef, updated: cst.FunctionDef) -> cst.FunctionDef:
        if original is self.host.rewriting_def:
            self.in_def -= 1
        return updated

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return False

    def visit_With(self, node: cst.With) -> None:
        frames: list[tuple[str, str | None, bool]] = []
        for kind, call in scope_items(self.host.ctx.tf, node):
            if kind == "var" and call is not None:
                frames.append(self._var_frame(call))
            elif kind == "name":
                frames.append(("name", None, False))
        self.frame_counts.append(len(frames))
        self.host.frames.extend(frames)

    def _var_frame(self, call: cst.Call) -> tuple[str, str | None, bool]:
        tf = self.host.ctx.tf
        try:
            sc = ScopeCall.parse(call)
        except Unsupported:
            return ("dynamic", None, False)
        reuse = isinstance(sc.reuse, cst.Name) and sc.reuse.value == "True"
        if isinstance(sc.name, cst.Call) and tf.api(sc.name.func) == "get_variable_scope":
            return ("transparent", None, reuse)
        name = literal_string(sc.name)
        if name is None or sc.initializer is not None or sc.regularizer is not None or sc.dtype is not None:
            return ("dynamic", None, reuse)
        return ("var", name, reuse)

    def leave_With(self, original: cst.With, updated: cst.With) -> cst.With:
        count = self.frame_counts.pop()
        frames = self.host.frames[len(self.host.frames) - count:]
        del self.host.frames[len(self.host.frames) - count:]
        if id(original) not in self.scopes_with_calls:
            return updated  # no converted call inside: a naming scope, handled later
        items = []
        frame_iter = iter(frames)
        for (kind, _), item in zip(scope_items(self.host.ctx.tf, original), updated.items):
            if kind == "other":
                items.append(item)
                continue
            frame_kind, name, _ = next(frame_iter)
            if frame_kind == "var":
                self.host.ctx.uses_scope_helper = True
                items.append(item.with_changes(item=cst.parse_expression(f"{SCOPE_HELPER_NAME}({name!r})"),
                                               asname=None))
            # name scopes and re-entries of the current scope go: TF1 variable names ignore them
        if not items:
            return cst.FlattenSentinel(list(updated.body.body))
        items[-1] = items[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return updated.with_changes(items=items)

    def visit_With_body(self, node: cst.With) -> None:
        self.open_withs.append(node)

    def leave_With_body(self, node: cst.With) -> None:
        self.open_withs.pop()

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        ctx = self.host.ctx
        callee = ctx.is_converted_function_call(original)
        if callee is None:
            return updated
        if self.nested:
            raise Unsupported("unsupported-call", f"{callee} called inside a lambda", original)
        if self.in_def and ctx.sigs[callee].kind == "none" and _makes_variables_itself(ctx, callee):
            # its variables take the name scope of wherever the def runs (body of a tf.while_loop
            # inside a name_scope, say), which TF1's get_variable ignored
            raise Unsupported("unsupported-scope", f"{callee} (no scope of its own) called in a function nested "
                              f"in {self.host.where}", original)
        # TF1 shared the variables across runs of a host that may run again (a sampling function
        # called per graph): the module is built once per graph (REUSED_HELPER)
        per_graph = not self.host.script and (_auto_reuse(original) or any(
            _auto_reuse(item.item) for w in self.open_withs for item in w.items if isinstance(item.item, cst.Call))
            or _reuses_inside(ctx, callee) or callee in self.host.shared)
        frames = self.host.frames
        if any(kind == "dynamic" for kind, _, _ in frames):
            raise Unsupported("dynamic-scope", f"{callee} called inside a computed scope at script level", original)
        if any(kind == "name" for kind, _, _ in frames) and ctx.sigs[callee].kind == "none" and (
                callee in ctx.analysis.tf_variable_creators or ctx.analysis.functions[callee].external is not None):
            # (a name scope names tf.Variables, not get_variable's: the rewrite drops it around a
            # call of this file's helper, so get_variable's names come out as TF1's, pix2pix's
            # real/fake discriminators; another file's helper keeps the rule its own file decides by)
            raise Unsupported("unsupported-scope", f"{callee} (no scope of its own) called inside name_scope", original)
        self.scopes_with_calls.update(id(w) for w in self.open_withs)
        path = tuple(name for kind, name, _ in frames if kind == "var" and name is not None)
        self.host.path = path
        site = instance_site(ctx, callee, updated, self.host.unique_default, self.host.count_open)
        if site.shared_key is None:
            raise Unsupported("dynamic-scope", f"{callee} called with a computed scope name at script level", original)
        key = (path, callee, site.shared_key)
        name = self.host.instances.get(key)
        if name is None and any(p == path and k == site.shared_key and c != callee for p, c, k in self.host.instances):
            # (two modules built up front for one scope name, the branches of an `if` say: in a
            # graph the second would claim `online_1` where TF1 named it `online`; P's G8)
            raise Unsupported("unsupported-scope", f"{callee} and another function are both built for the scope "
                              f"{'/'.join([*path, site.shared_key])!r} in {self.host.where}", original)
        if name is None:
            if (site.reuse_true or any(reuse for _, _, reuse in frames)) and callee not in self.host.shared:
                raise Unsupported("unsupported-scope", f"{callee} reuses variables created elsewhere", original)
            name = self.host.names.take(attr_name_for("_".join([*path, site.attr_hint])))
            self.host.instances[key] = name
            ctor = site.ctor
            if per_graph:
                ctx.uses_reused_helper = True
                scope = "/".join([*path, site.shared_key])
                ctor = f"{REUSED_HELPER_NAME}({f'{scope}:{callee}'!r}, lambda: {site.ctor})"
            self.constructions.setdefault(path, []).append(f"{name} = {ctor}")
        return updated.with_changes(func=cst.Name(name), args=site.args)


def _makes_variables_itself(ctx: FileContext, callee: str) -> bool:
    """The callee's own body makes variables (not only through modules it builds, which take
    their names where the host builds them)."""
    info = ctx.analysis.functions.get(callee)
    if info is None or info.external is not None and info.external.implicit:
        return True
    return info.direct_creator if info.external is None else any(
        api in info.external.source for api in ("get_variable", "Variable(", "layers.", "slim.", "Cell("))


def _reuses_inside(ctx: FileContext, callee: str) -> bool:
    """The callee's own code asks for AUTO_REUSE (gpt-2's step(): model(..., reuse=tf.AUTO_REUSE)):
    TF1 shared its variables across runs of the host too."""
    info = ctx.analysis.functions.get(callee)
    if info is None:
        return False
    text = info.external.source if info.external is not None else code(info.node) if info.node is not None else ""
    return "AUTO_REUSE" in text


def _auto_reuse(call: cst.BaseExpression) -> bool:
    """`reuse=tf.AUTO_REUSE` (any spelling ending in AUTO_REUSE) among the call's arguments."""
    return isinstance(call, cst.Call) and any(
        a.keyword is not None and a.keyword.value == "reuse" and code(a.value).endswith("AUTO_REUSE")
        for a in call.args)


@dataclass
class HostState:
    ctx: FileContext
    names: NameAllocator
    instances: dict[tuple, str] = field(default_factory=dict)
    counts: dict[tuple[str, ...], Counter[str]] = field(default_factory=dict)
    frames: list[tuple[str, str | None, bool]] = field(default_factory=list)  # (kind, name, reuse)
    path: tuple[str, ...] = ()  # the variable scope path of the call being rewritten
    script: bool = True  # the module level (runs once), else a host function (may run again)
    rewriting_def: cst.FunctionDef | None = None  # the nested def being rewritten, if any
    where: str = "the module level"
    shared: frozenset[str] = frozenset()  # callees built once per graph with other hosts (reuse_hosts.py)

    def count_open(self, name: str) -> None:
        self.counts.setdefault(self.path, Counter())[name] += 1

    def unique_default(self, default: str, node: cst.CSTNode) -> str:
        counts = self.counts.setdefault(self.path, Counter())
        if counts[default] == 0:
            return default
        i = 1
        while counts[f"{default}_{i}"]:
            i += 1
        return f"{default}_{i}"


def rewrite_host_statements(ctx: FileContext, body: list[cst.BaseStatement], names: NameAllocator,
                            classes: NameAllocator, script: bool,
                            nested_defs: frozenset[str] = frozenset(),
                            nested_hosts: frozenset[str] = frozenset(),
                            shared: frozenset[str] = frozenset()) -> list[cst.BaseStatement]:
    """Rewrite the top-level statements of a host (the module, or a host function's body);
    `nested_defs`: the host's own defs whose calls it rewrites too (migrate.codemod.host_nested);
    `nested_hosts`: its defs that are hosts of their own (Estimator model_fns), rewritten inside;
    `shared`: callees whose module other hosts share, built once per graph (reuse_hosts.py)."""
    host = HostState(ctx, names, script=script, where="the module level" if script else "a host function",
                     shared=shared)
    blocks = ScriptBlocks(ctx, names, classes)
    out: list[cst.BaseStatement] = []
    for stmt in body:
        if isinstance(stmt, (cst.FunctionDef, cst.ClassDef, cst.SimpleStatementLine)) and _is_import(stmt):
            out.append(stmt)
            continue
        if isinstance(stmt, cst.FunctionDef) and stmt.name.value in nested_hosts and not script:
            inner = rewrite_host_statements(ctx, list(stmt.body.body), names, classes, script=False)
            out.append(stmt.with_changes(body=stmt.body.with_changes(body=inner)))
            continue
        if isinstance(stmt, (cst.FunctionDef, cst.ClassDef)) and not (
                isinstance(stmt, cst.FunctionDef) and stmt.name.value in nested_defs and not script):
            out.append(stmt)
            continue
        host.rewriting_def = stmt if isinstance(stmt, cst.FunctionDef) else None
        if script and isinstance(stmt, cst.With) and blocks.is_script_block(stmt):
            out.extend(blocks.convert(stmt))
            continue
        if script and _creates_outside_scope(ctx, stmt):
            stmt = stmt.visit(_InlineVariables(ctx))  # type: ignore[assignment]
        rewriter = _HostCalls(host)
        new = stmt.visit(rewriter)
        out.extend(rewriter.before)
        if isinstance(new, cst.FlattenSentinel):  # a top-level scope that went away
            nodes = list(new.nodes)
            if nodes and getattr(stmt, "leading_lines", None) and hasattr(nodes[0], "leading_lines"):
                # its comments stay above what was inside it (pix2pix's "create two copies of ...")
                nodes[0] = nodes[0].with_changes(leading_lines=[*stmt.leading_lines, *nodes[0].leading_lines])
            out.extend(nodes)
        elif not isinstance(new, cst.RemovalSentinel):
            out.append(new)  # type: ignore[arg-type]
    return out


def _is_import(stmt: cst.CSTNode) -> bool:
    return isinstance(stmt, cst.SimpleStatementLine) and any(
        isinstance(s, (cst.Import, cst.ImportFrom)) for s in stmt.body)


class _Finder(cst.CSTVisitor):
    def __init__(self, ctx: FileContext, apis: set[str]) -> None:
        self.ctx = ctx
        self.apis = apis
        self.found = False

    def visit_Call(self, node: cst.Call) -> None:
        if self.ctx.tf.api(node.func) in self.apis:
            self.found = True


def _contains_api(ctx: FileContext, node: cst.CSTNode, *apis: str) -> bool:
    finder = _Finder(ctx, set(apis))
    node.visit(finder)
    return finder.found


def _creates_outside_scope(ctx: FileContext, stmt: cst.BaseStatement) -> bool:
    return _contains_api(ctx, stmt, "get_variable")


class _InlineVariables(cst.CSTTransformer):
    """Script-level `get_variable` outside any scope: `tf.Variable` with TF1's defaults spelled."""

    def __init__(self, ctx: FileContext) -> None:
        self.ctx = ctx

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        if self.ctx.tf.api(original.func) == "get_variable":
            return cst.parse_expression(get_variable_spec(self.ctx, updated, []).create)
        return updated


@dataclass
class _Block:
    class_name: str
    scope_name: str
    init_lines: list[str] = field(default_factory=list)
    attrs: NameAllocator = field(default_factory=NameAllocator)
    var_attrs: dict[str, str] = field(default_factory=dict)
    tfvar_counts: Counter[str] = field(default_factory=Counter)
    children: list["_Block"] = field(default_factory=list)
    scope_counts: Counter[str] = field(default_factory=Counter)
    attr: str = ""  # the attribute holding this block in its parent


class ScriptBlocks:
    """`with tf.variable_scope('s'):` / `with tf.name_scope('s'):` blocks at script level that
    create variables -> one tf.Module class per scope, instantiated in place."""

    def __init__(self, ctx: FileContext, names: NameAllocator, classes: NameAllocator) -> None:
        self.ctx = ctx
        self.names = names
        self.classes = classes
        self.roots: dict[str, tuple[str, _Block]] = {}  # scope name -> (instance, block)
        self.counts: Counter[str] = Counter()

    def is_script_block(self, stmt: cst.With) -> bool:
        kinds = scope_items(self.ctx.tf, stmt)
        return (len(kinds) == 1 and kinds[0][0] in ("var", "name")
                and _contains_api(self.ctx, stmt.body, "get_variable", "Variable"))

    def _scope_name(self, kind: str, call: cst.Call, counts: Counter[str]) -> str:
        if kind == "name":
            text = literal_string(call.args[0].value) if call.args else None
        else:
            sc = ScopeCall.parse(call)
            text = literal_string(sc.name)
            if sc.name is None:
                default = literal_string(sc.default_name)
                if default is not None:
                    text = default
                    i = 1
                    while counts[text]:
                        text = f"{default}_{i}"
                        i += 1
        if text is None or not text.isidentifier():
            raise Unsupported("dynamic-scope", "a script-level scope without a static identifier name", call)
        counts[text] += 1
        return text

    def convert(self, stmt: cst.With) -> list[cst.BaseStatement]:
        kind, call = scope_items(self.ctx.tf, stmt)[0]
        assert call is not None
        name = self._scope_name(kind, call, self.counts)
        kept: list[cst.BaseStatement] = []
        if name in self.roots:
            instance, block = self.roots[name]
            before = len(block.init_lines)
            self._fill(block, stmt, kind, instance, kept, capture=_asname(stmt))
            if len(block.init_lines) != before:
                raise Unsupported("unsupported-scope", f"scope {name!r} re-entered to create new variables", stmt)
            return kept
        instance = self.names.take(attr_name_for(name))
        block = _Block(self.classes.take(class_name_for(name)), name)
        self.roots[name] = (instance, block)
        self._fill(block, stmt, kind, instance, kept, capture=_asname(stmt))
        classes = self._emit(block)
        two_blank = [cst.EmptyLine(), cst.EmptyLine()]
        classes = [c.with_changes(leading_lines=two_blank) for c in classes]
        first = cst.parse_statement(f"{instance} = {block.class_name}()\n").with_changes(leading_lines=two_blank)
        return [*classes, first, *kept]

    def _fill(self, block: _Block, stmt: cst.With, kind: str, path: str,
              kept: list[cst.BaseStatement], capture: str | None) -> None:
        for inner in stmt.body.body:
            if is_reuse_statement(self.ctx.tf, inner):
                continue
            if isinstance(inner, cst.With) and self.is_script_block(inner):
                ikind, icall = scope_items(self.ctx.tf, inner)[0]
                child_name = self._scope_name(ikind, icall, block.scope_counts)  # type: ignore[arg-type]
                existing = next((c for c in block.children if c.scope_name == child_name), None)
                child = existing or _Block(self.classes.take(class_name_for(child_name)), child_name,
                                           attr=block.attrs.take(attr_name_for(child_name)))
                attr = child.attr
                if existing is None:
                    block.children.append(child)
                    block.init_lines.append(f"self.{attr} = {child.class_name}()")
                self._fill(child, inner, ikind, f"{path}.{attr}", kept, capture=_asname(inner))
                continue
            if isinstance(inner, cst.With) and any(k != "other" for k, _ in scope_items(self.ctx.tf, inner)):
                raise Unsupported("unsupported-scope", "a nested scope mixing variables and other code", inner)
            kept.append(inner.visit(_BlockVariables(self, block, kind, path)))  # type: ignore[arg-type]

    def _emit(self, block: _Block) -> list[cst.BaseStatement]:
        out: list[cst.BaseStatement] = []
        for child in block.children:
            out.extend(self._emit(child))
        tf = self.ctx.tf_alias
        lines = [f"class {block.class_name}({tf}.Module):",
                 f"    def __init__(self, name={block.scope_name!r}):",
                 "        super().__init__(name=name)"]
        if block.init_lines:
            lines.append("        with self.name_scope:")
            lines += [f"            {line}" for line in block.init_lines]
        out.append(cst.parse_statement("\n".join(lines) + "\n"))
        return out


def _asname(stmt: cst.With) -> str | None:
    asname = stmt.items[0].asname
    if asname is not None and isinstance(asname.name, cst.Name):
        return asname.name.value
    return None


class _BlockVariables(cst.CSTTransformer):
    def __init__(self, blocks: ScriptBlocks, block: _Block, kind: str, path: str) -> None:
        self.blocks = blocks
        self.block = block
        self.kind = kind
        self.path = path

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        ctx = self.blocks.ctx
        api = ctx.tf.api(original.func)
        if ctx.is_converted_function_call(original):
            raise Unsupported("unsupported-scope", "a converted function called inside a script-level scope", original)
        if api == "get_variable":
            if self.kind == "name":
                raise Unsupported("unsupported-scope", "get_variable inside name_scope", original)
            spec = get_variable_spec(ctx, updated, [])
            literal = literal_string(spec.name)
            if literal is None:
                raise Unsupported("dynamic-scope", "a computed variable name at script level", original)
            attr = self.block.var_attrs.get(literal)
            if attr is None:
                attr = self.block.attrs.take(attr_name_for(literal))
                self.block.var_attrs[literal] = attr
                self.block.init_lines.append(f"self.{attr} = {spec.create}")
                if spec.regularizer is not None:
                    raise Unsupported("unsupported-call", "regularizer at script level", original)
            return cst.parse_expression(f"{self.path}.{attr}")
        if api == "Variable":
            bound = bind_call(updated, VARIABLE_PARAMS)
            name_expr = bound.get("name")
            literal = "Variable" if name_expr is None else literal_string(name_expr)
            if literal is None:
                raise Unsupported("dynamic-scope", "tf.Variable with a computed name", original)
            count = self.block.tfvar_counts[literal]
            self.block.tfvar_counts[literal] += 1
            unique = literal if count == 0 else f"{literal}_{count}"
            from migrate.codemod.body import _with_keyword

            new_call = updated if unique == literal else _with_keyword(updated, "name", cst.SimpleString(repr(unique)))
            attr = self.block.attrs.take(attr_name_for(unique))
            self.block.init_lines.append(f"self.{attr} = {code(new_call)}")
            return cst.parse_expression(f"{self.path}.{attr}")
        return updated
