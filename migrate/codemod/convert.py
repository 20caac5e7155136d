"""Orchestrates the structural conversion of one parsed file."""

from __future__ import annotations

import ast
import copy
import keyword
import re
from dataclasses import dataclass

import libcst as cst

from migrate.codemod.dunder_all import rename_in_dunder_all
from migrate.codemod.library_clashes import alias_clashing_imports
from migrate.codemod.fastwalk import visit as fast_visit
from migrate.codemod.analyse import FileAnalysis, analyse_module, attach_nodes, components
from migrate.codemod.lines import LineIndex
from migrate.codemod.listing_leftovers import stale_listings
from migrate.codemod.body import BodyConverter
from migrate.codemod.context import REUSED_HELPER, SCOPE_HELPER, FileContext
from migrate.codemod.scope_paths import NAMED_HELPER
from migrate.codemod.own_variable_listings import own_listing_sites, rewrite_own_listings
from migrate.codemod.external import FilePlan, tf_names_of
from migrate.codemod.implicit import implicit_creators
from migrate.codemod.contrib_imports import drop_unused_contrib_imports
from migrate.codemod.creators import SPECS, library_closure, library_names, library_source
from migrate.codemod.rnn_cell_shared import build_library_cells
from migrate.codemod.normalizers import library_normalizers
from migrate.codemod.emit import (call_parameters, ctor_parameters, delegate_holder_init, docstring_of,
                                  emit_class, emit_delegate)
from migrate.codemod.hosts import rewrite_host_statements
from migrate.codemod.inherited_scopes import file_verdicts
from migrate.codemod.naming_scopes import rename_naming_scopes
from migrate.codemod.module_bases import as_module_root, assigned_on_self, module_base_chains, module_roots
from migrate.codemod.naming import RESERVED_ATTRS, NameAllocator, class_name_for
from migrate.codemod.recomputed_attributes import lazy_assignments, recompute_properties
from migrate.codemod.plan import ClassPlan, explain_fields
from migrate.codemod.scopes import Unsupported, scope_signature
from migrate.codemod.tfapi import TfNames, collect_tf_names
from migrate.cstnames import dotted_name
from migrate.diagnostics import Diagnostic
from migrate.result import ConvertedFunction


@dataclass(frozen=True)
class Conversion:
    module: cst.Module
    diagnostics: tuple[Diagnostic, ...]
    functions: tuple[ConvertedFunction, ...]
    skip_functions: frozenset[str]  # left unconverted: later stages keep them byte-identical


class _Creates(cst.CSTVisitor):
    def __init__(self, ctx_tf: TfNames, converted: set[str]) -> None:
        self.tf = ctx_tf
        self.converted = converted
        self.found = False

    def visit_Call(self, node: cst.Call) -> None:
        api = self.tf.api(node.func)
        if api in ("get_variable", "Variable") or api in SPECS:  # SPECS: another file's tf.layers call
            self.found = True
        elif isinstance(node.func, cst.Name) and node.func.value in self.converted:
            self.found = True
        elif isinstance(node.func, cst.Attribute) and node.func.attr.value in self.converted_methods:
            self.found = True
        elif self.converted_dotted and isinstance(node.func, cst.Attribute) and dotted_name(node.func) in self.converted_dotted:
            self.found = True

    converted_methods: set[str] = set()
    converted_dotted: set[str] = set()


def _all_names(tree: ast.Module) -> set[str]:
    """Every identifier the file spells (names, attributes, parameters, keywords, imported
    module parts), plus Python's keywords: generated names must clash with none of them."""
    names = set(keyword.kwlist) | set(keyword.softkwlist)
    for node in ast.walk(tree):
        t = type(node)
        if t is ast.Name:
            names.add(node.id)
        elif t is ast.Attribute:
            names.add(node.attr)
        elif t is ast.arg:
            names.add(node.arg)
        elif t is ast.keyword:
            if node.arg:
                names.add(node.arg)
        elif t in (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef):
            names.add(node.name)
        elif t is ast.alias:
            names.update(node.name.split("."))
            if node.asname:
                names.add(node.asname)
        elif t is ast.ImportFrom:
            if node.module:
                names.update(node.module.split("."))
        elif t in (ast.Global, ast.Nonlocal):
            names.update(node.names)
        elif t is ast.ExceptHandler:
            if node.name:
                names.add(node.name)
        elif t in (ast.MatchAs, ast.MatchStar):
            if node.name:
                names.add(node.name)
    return names


@dataclass(frozen=True)
class Preview:
    """What the analysis (on Python's ast, before any libcst tree exists) decided about a file."""

    tree: ast.Module
    tf: TfNames
    analysis: FileAnalysis | None  # None when the file imports no TensorFlow
    codemod_noop: bool  # the structural stage would leave the text exactly as it is
    skip_functions: frozenset[str]  # for a no-op: functions later stages keep byte-identical

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        return tuple(self.analysis.diagnostics) if self.analysis is not None else ()

    @property
    def blocked_only(self) -> bool:
        """Nothing converts and something was refused: the file stays byte-identical as a whole."""
        return self.codemod_noop and any(d.severity != "info" for d in self.diagnostics)


def preview(tree: ast.Module, source: str, pinned: frozenset[str] = frozenset(),
            plan: FilePlan | None = None) -> Preview:
    """Analyse a file on Python's ast; `codemod_noop` is decided conservatively (True only where
    `convert_module` provably returns the module unchanged). `plan`: the project's decisions for
    this file (other files' functions it calls, functions another file keeps TF1)."""
    tf = collect_tf_names(tree)
    if plan is not None and plan.tf_aliases:
        _inherit_tf_names(tf, plan)
    if not tf.aliases:
        return Preview(tree, tf, None, True, frozenset())
    externals = (plan.externals if plan else ()) + implicit_creators(tree, tf, plan is not None and plan.support == "module")
    if plan is not None and plan.kept_tf1:
        if "*" in pinned:  # a star import from a file the run cannot rewrite: every function
            pinned = frozenset(s.name for s in tree.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)))
        pinned = pinned - frozenset(plan.kept_tf1)  # their TF1 def stays for the importers
    foreign = plan.foreign_classes if plan else ()
    analysis = analyse_module(tree, tf, pinned, externals, plan.forced_blocks if plan else (),
                              frozenset(plan.known_plain) if plan else frozenset(),
                              frozenset(c for c, _ in foreign), frozenset(c for c, rerun in foreign if rerun),
                              plan.decorators if plan else (), frozenset(plan.used_elsewhere) if plan else frozenset(),
                              frozenset(plan.private_externals) if plan else frozenset())
    if plan is not None and plan.trial_error is not None:
        line, code, message = plan.trial_error
        analysis.diagnostics.append(Diagnostic(
            code, f"{message} (the run's trial conversion of this file stopped there: the file keeps its TF1 "
            "structure, and the other files' functions it calls keep their TF1 defs for it)", line))
    if plan is not None and plan.kept_tf1:
        analysis.kept_tf1 = (frozenset(plan.kept_tf1) | analysis.kept_tf1) & analysis.converted
        analysis.kept_why = {q: why for q, why in plan.kept_why if why}
    if analysis.script_creates:
        return Preview(tree, tf, analysis, False, frozenset())
    if not analysis.creators:
        noop = analysis.cross_file or "variable_scope" not in source or not analysis.naming_regions
        return Preview(tree, tf, analysis, noop, frozenset())
    if analysis.converted:
        return Preview(tree, tf, analysis, False, frozenset())
    # Every creator is blocked: no host has a converted call to rewrite; only naming scopes (in
    # functions the naming pass would enter) and a missing `import tensorflow as tf` could change.
    skip = frozenset(q for q in analysis.functions if q in analysis.blocked)
    entered = analysis.naming_regions - skip - analysis.creating_regions
    naming = not analysis.cross_file and bool(entered)
    return Preview(tree, tf, analysis, tf.tf_alias is not None and not naming, skip)


def _inherit_tf_names(tf: TfNames, plan: FilePlan) -> None:
    """TF names a star import of a sibling brings (`from ops import *` where ops imports tf)."""
    for local, full in plan.tf_aliases:
        tf.aliases.setdefault(local, full)
    if tf.tf_alias is None:
        inherited = tf_names_of(plan.tf_aliases)
        tf.tf_alias, tf.tf_alias_is_v1 = inherited.tf_alias, inherited.tf_alias_is_v1


def convert_module(module: cst.Module, source: str | None = None,
                   pinned: frozenset[str] = frozenset(), seen: Preview | None = None,
                   plan: FilePlan | None = None) -> Conversion:
    """Convert one file. `pinned` names top-level functions other files import: they (and what
    shares variables with them) stay as they are. `seen`: the file's `preview`, if already made."""
    if source is None:
        source = module.code
    if seen is None:
        seen = preview(ast.parse(source), source, pinned, plan)
    tf, analysis = seen.tf, seen.analysis
    if analysis is None:
        return Conversion(module, (), (), frozenset())
    attach_nodes(analysis, module)
    lines = LineIndex(module, source)
    analysis.base_chains = module_base_chains(seen.tree, {f.owner for f in analysis.functions.values() if f.owner})
    renames = _reserved_renames(analysis, seen.tree)
    if renames:
        # Owners that set `self.name` can only become tf.Modules with that attribute renamed;
        # keep the rename only if every method of theirs is converted.
        renamed = fast_visit(module, _RenameReserved(renames))
        renamed_analysis = _copy_without_nodes(analysis)
        attach_nodes(renamed_analysis, renamed)
        result = _convert(renamed, tf, renamed_analysis, LineIndex(renamed), source, seen.tree)
        converted = {f.legacy_name for f in result.functions}
        owners_done = all(q in converted for q, f in analysis.functions.items() if f.owner in renames
                          and q in analysis.converted)
        if owners_done and converted:
            return result
    return _convert(module, tf, analysis, lines, source, seen.tree)


def _copy_without_nodes(analysis: FileAnalysis) -> FileAnalysis:
    """A second, independent analysis to convert another tree with (libcst nodes not copied)."""
    return copy.deepcopy(analysis, {id(f.node): None for f in analysis.functions.values()})


def _convert(module: cst.Module, tf: TfNames, analysis: FileAnalysis, lines: LineIndex,
             source: str, tree: ast.Module) -> Conversion:
    if not analysis.creators and not analysis.script_creates:
        if analysis.cross_file or "variable_scope" not in source:
            return Conversion(module, tuple(analysis.diagnostics), (), frozenset())
        named = rename_naming_scopes(module, tf, tf.tf_alias or "tf", frozenset(),
                                     *_without_naming_scopes(module, analysis),
                                     inherited=file_verdicts(tree, analysis))  # (inherited_scopes.py)
        return Conversion(named, tuple(analysis.diagnostics), (), frozenset())
    diagnostics = list(analysis.diagnostics)
    names = _all_names(tree)
    for _ in range(len(analysis.functions) + 2):
        try:
            result = _convert_once(module, tf, analysis, lines, names)
        except _Blocked as blocked:
            component_of = components(analysis.converted, analysis.functions, analysis.extra_edges)
            comp = set(component_of.get(blocked.qualname, {blocked.qualname}))
            for other in sorted(blocked.error.also & analysis.converted):
                comp |= component_of.get(other, {other})
            grew = True
            while grew:  # callers of a refused function of another file (not linked to it) stay too
                refused_externals = {c for c in comp if analysis.functions[c].external is not None}
                more = set().union(*(component_of.get(q, {q}) for q in analysis.converted - comp
                                     if analysis.functions[q].calls & refused_externals))
                grew = bool(more - comp)
                comp |= more
            analysis.converted -= comp
            analysis.blocked |= comp
            diagnostics.append(Diagnostic(blocked.error.code, blocked.error.message,
                                          lines.line(blocked.error.node) if blocked.error.node else
                                          analysis.functions[blocked.qualname].line))
            for q in sorted(comp - {blocked.qualname}):
                diagnostics.append(Diagnostic("unconvertible-callee",
                                              f"{q} left unchanged: shares variables with {blocked.qualname} ({blocked.error.code})",
                                              analysis.functions[q].line))
            continue
        except _ScriptBlocked as blocked:
            diagnostics.append(Diagnostic(blocked.error.code, blocked.error.message,
                                          lines.line(blocked.error.node) if blocked.error.node else 0))
            return Conversion(module, tuple(diagnostics), (), frozenset(analysis.functions))
        new_module, functions = result
        skip = frozenset(q for q in analysis.functions if q in analysis.blocked or q in analysis.kept_tf1)
        skip |= _kept_nested_defs(analysis)
        diagnostics += [_kept_note(f, analysis) for f in functions if f.legacy_name in analysis.kept_tf1]
        own = own_listing_sites(tree, tf, functions)  # a model class's listing by its own name (P's H20)
        new_module = rewrite_own_listings(new_module, own)
        diagnostics += [d for d in stale_listings(tree, tf, analysis, functions)  # (migrate.codemod.listing_leftovers)
                        if (d.line, d.column) not in {(line, column) for line, column, _ in own.values()}]
        if not analysis.cross_file:
            refused = frozenset(q.rsplit(".", 1)[-1] for q in analysis.blocked)
            new_module = rename_naming_scopes(new_module, tf, tf.tf_alias or "tf", skip,
                                              *_without_naming_scopes(module, analysis), creators=refused,
                                              inherited=file_verdicts(tree, analysis))
        return Conversion(new_module, tuple(diagnostics), tuple(functions), skip)
    return Conversion(module, tuple(diagnostics), (), frozenset(analysis.functions))


def _kept_nested_defs(analysis: FileAnalysis) -> frozenset[str]:
    """A host's nested defs that it does not rewrite and that call variable-creating code stay
    TF1 code: compat renames only. (A second run, which sees their callees' kept TF1 defs as
    plain TF1 creators, refuses the host and gives them exactly that: t2t's testRecompute.layer.)"""
    out: set[str] = set()
    for q, f in analysis.functions.items():
        if not f.is_host or f.node is None or q in analysis.blocked or not isinstance(f.node.body, cst.IndentedBlock):
            continue
        rewritten = f.host_nested | f.host_model_fns
        for stmt in f.node.body.body:
            if isinstance(stmt, cst.FunctionDef) and stmt.name.value not in rewritten \
                    and _calls_any(stmt, analysis.creators):
                out.add(f"{q}.{stmt.name.value}")
    return frozenset(out)


def _calls_any(node: cst.CSTNode, names: set[str]) -> bool:
    """Some call in `node` spells one of `names` (`layer_norm`, `common_layers.layer_norm`)."""
    found = False

    class _Calls(cst.CSTVisitor):
        def visit_Call(self, call: cst.Call) -> None:
            nonlocal found
            spelled = dotted_name(call.func)
            if spelled is not None and spelled in names:
                found = True

    node.visit(_Calls())
    return found



def _kept_note(f, analysis: FileAnalysis) -> Diagnostic:
    """Why a converted function's TF1 def stays beside its class. Kept for a decorator's users
    (a registry): nothing to fix, an info note. Kept for TF1 callers elsewhere: the def's
    variable_scope / get_variable calls stay until those callers convert, so it is a warning that
    names the first such caller and its own reason (what the user has to fix)."""
    head = f"{f.legacy_name} became class {f.class_name}; its TF1 def stays beside it"
    if f.legacy_name in analysis.kept_by_decorator:
        return Diagnostic("kept-tf1", f"{head}, decorated: {analysis.kept_by_decorator[f.legacy_name]} (its users "
                          "still call the def)", f.line, 0, "info")
    why = analysis.kept_why.get(f.legacy_name)
    if why is None:
        return Diagnostic("kept-tf1", f"{head} for callers in other files that stay TF1", f.line, 0, "info")
    return Diagnostic("kept-tf1", f"{head}, and its TF1 code with it, for callers that stay TF1: {why}",
                      f.line, 0, "warning")


def _without_naming_scopes(module: cst.Module, analysis: FileAnalysis) -> tuple[frozenset[int], frozenset[int]]:
    """For the naming-scope pass, from the analysis: top-level statements of `module` (still the
    same objects after conversion, where nothing changed them) with no variable_scope and no
    reuse_variables; and functions it need not enter (nothing to rename, or they create)."""
    regions = analysis.naming_regions
    quiet_module_level = None not in regions and not analysis.script_creates
    out: set[int] = set()
    for stmt in module.body:
        if isinstance(stmt, cst.FunctionDef):
            info = analysis.functions.get(stmt.name.value)
            if info is not None and info.node is stmt and stmt.name.value not in regions:
                out.add(id(stmt))
        elif isinstance(stmt, cst.ClassDef):
            prefix = f"{stmt.name.value}."
            if quiet_module_level and not any(r is not None and r.startswith(prefix) for r in regions):
                out.add(id(stmt))
        elif quiet_module_level:
            out.add(id(stmt))
    quiet = frozenset(id(f.node) for q, f in analysis.functions.items()
                      if f.node is not None and (q not in regions or q in analysis.creating_regions))
    return frozenset(out), quiet


def _top_level_bindings(module: cst.Module) -> dict[str, int]:
    """How many top-level statements bind each name (defs, classes, assignments, imports)."""
    counts: dict[str, int] = {}
    for stmt in module.body:
        names: list[str] = []
        if isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
            names.append(stmt.name.value)
        elif isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                if isinstance(small, cst.Assign):
                    names += [t.target.value for t in small.targets if isinstance(t.target, cst.Name)]
                elif isinstance(small, (cst.Import, cst.ImportFrom)) and not isinstance(small.names, cst.ImportStar):
                    for alias in small.names:
                        bound = alias.asname.name if alias.asname is not None else alias.name
                        if isinstance(bound, cst.Name):
                            names.append(bound.value)
        else:
            names.append("")  # compound statements (if/try) may bind anything: counted by name below
        for name in names:
            counts[name] = counts.get(name, 0) + 1
    return counts


def _bound_once(counts: dict[str, int], name: str) -> bool:
    return counts.get(name, 0) == 1 and "" not in counts


def _owner_module_name(owner: str, methods: dict[str, ClassPlan], ctx: FileContext) -> str:
    """`name=` for an owner class's tf.Module base, when its default would take a name one of its
    own modules needs: in graph mode (a TF1 training script hosting the model) constructing a
    tf.Module claims its name scope, so `class Classifier` would push its method's
    `variable_scope("classifier")` module to `classifier_1/...`."""
    snake = re.sub(r"((?<=[a-z0-9])[A-Z]|(?!^)[A-Z](?=[a-z]))", r"_\1", owner).lower()
    if any(ctx.sigs[q].literal == snake for q in methods if q in ctx.sigs):
        return f"name={snake + '_object'!r}"
    return ""


class _Blocked(Exception):
    def __init__(self, qualname: str, error: Unsupported) -> None:
        self.qualname = qualname
        self.error = error


class _ScriptBlocked(Exception):
    def __init__(self, error: Unsupported) -> None:
        self.error = error


def _convert_once(module: cst.Module, tf: TfNames, analysis: FileAnalysis, lines: LineIndex,
                  module_names: set[str]):
    tf_alias = tf.tf_alias or "tf"
    ctx = FileContext(tf, tf_alias, analysis, lines)
    # The layer library's classes the file carries are taken too: a converted `def layer_norm`
    # (bert) or `def instance_norm` (UGATIT) must not become a second `class LayerNorm`.
    implicit = {f.external.class_ref for f in analysis.functions.values()
                if f.external is not None and f.external.implicit}
    classes = NameAllocator(module_names | library_closure(implicit & set(library_names())))
    local = {q for q in analysis.converted if analysis.functions[q].external is None}
    # `def GeneratorCNN` becomes `class GeneratorCNN`: the def it replaces frees the name (unless it stays)
    bindings = _top_level_bindings(module)
    classes.taken -= {q for q in local if "." not in q and class_name_for(q) == q and q not in analysis.kept_tf1
                      and _bound_once(bindings, q)}
    converted_methods = {analysis.functions[q].name for q in local if "." in q}
    external_dotted = {q for q in analysis.converted - local if "." in q}
    for q in sorted(analysis.converted - local):
        ext = analysis.functions[q].external
        callee_tf = tf_names_of(ext.tf_aliases)
        callee_creators = set(ext.callee_creators)

        def creates_there(stmt: cst.CSTNode, _tf=callee_tf, _conv=callee_creators) -> bool:
            v = _Creates(_tf, _conv)
            v.converted_dotted = {c for c in _conv if "." in c}  # (`ops.conv2d` in the callee's file)
            fast_visit(stmt, v)
            return v.found

        try:
            ctx.sigs[q] = scope_signature(callee_tf, analysis.functions[q].node, creates_there)
        except Unsupported as e:
            raise _Blocked(q, e)
        ctx.class_names[q] = ext.class_ref
    # Signatures and class names first: callers need them.
    for q in sorted(local, key=lambda q: ("." in q, q)):
        info = analysis.functions[q]
        finder_conv = {x for x in analysis.converted if "." not in x}

        def creates(stmt: cst.CSTNode, _conv=finder_conv) -> bool:
            v = _Creates(tf, _conv)
            v.converted_methods = converted_methods
            v.converted_dotted = external_dotted
            fast_visit(stmt, v)
            return v.found

        try:
            ctx.sigs[q] = scope_signature(tf, info.node, creates)
        except Unsupported as e:
            raise _Blocked(q, e)
        if info.owner and ctx.sigs[q].kind == "default_name" and info.name != "__init__":
            # (A constructor runs once per object: its one module takes the default name.)
            # TF1 makes out, out_1, ... on every call with name=None: no one module per caller.
            raise _Blocked(q, Unsupported("dynamic-scope", f"method {q} opens a default_name scope", info.node))
        base = class_name_for(info.name)
        if info.owner and (info.name.startswith("__") or base in classes.taken):
            base = class_name_for(f"{info.owner}_{info.name}")
        ctx.class_names[q] = classes.take(base)

    plans: dict[str, ClassPlan] = {}
    for q in sorted(local):
        info = analysis.functions[q]
        sig = ctx.sigs[q]
        plan = ClassPlan(q, ctx.class_names[q], info.line, owner=info.owner,
                         has_own_scope=sig.own_with is not None)
        attrs = NameAllocator({"owner", "self"})
        converter = BodyConverter(ctx, info, sig, plan, attrs)
        try:
            new_body = fast_visit(info.node.body, converter)
            new_body = library_normalizers(new_body, tf, ctx.library_classes)  # normalizer_fn=slim.batch_norm
        except Unsupported as e:
            raise _Blocked(q, e)
        stmts = list(new_body.body)  # type: ignore[attr-defined]
        doc = docstring_of(info.node)
        # (compared by value: the normalizer pass rebuilds every node)
        if doc is not None and stmts and (stmts[0] is doc or stmts[0].deep_equals(doc)):
            stmts = stmts[1:]
        plan.docstring = doc
        plan.call_body = stmts
        plan.call_params = call_parameters(info.node.params, sig.dropped_params, owner=info.owner is not None)
        plans[q] = plan

    # Module level and hosts.
    try:
        module = fast_visit(module, _Rewriter(ctx, plans, module_names, classes))
        if analysis.script_creates:
            body = rewrite_host_statements(ctx, list(module.body),
                                           NameAllocator(_host_taken(module_names, analysis) | (set(classes.taken) - module_names)),
                                           classes, script=True)
            module = module.with_changes(body=body)
    except Unsupported as e:
        raise _ScriptBlocked(e)
    module = rename_in_dunder_all(module, {q: plan.class_name for q, plan in plans.items()
                                           if "." not in q and plan.class_name != q}, analysis.kept_tf1)
    if ctx.uses_named_helper:  # (scope_paths.py)
        module = _add_scope_helper(module, tf_alias, NAMED_HELPER)
    if ctx.uses_reused_helper:
        module = _add_scope_helper(module, tf_alias, REUSED_HELPER)
    if ctx.uses_scope_helper:
        module = _add_scope_helper(module, tf_alias)
    # (cells kept on `self` for all methods: the constructor builds the library's, rnn_cell_shared.py)
    module = build_library_cells(module, tf, {p.owner for p in plans.values() if p.owner}, ctx.library_classes)
    if ctx.library_classes:
        module = alias_clashing_imports(module, ctx.library_classes, {plan.class_name for plan in plans.values()})
        module = _add_library(module, ctx.library_classes)
    module = _drop_unused_decorator_imports(module)
    module = drop_unused_contrib_imports(module)
    if tf.tf_alias is None:
        module = _add_tf_import(module)
    functions = []
    for q, plan in sorted(plans.items(), key=lambda kv: kv[1].line):
        ctor, _ = ctor_parameters(ctx.sigs[q])
        functions.append(ConvertedFunction(
            legacy_name=q, class_name=plan.class_name, line=plan.line,
            constructor_params=tuple(c.split("=")[0] for c in ctor),
            call_params=tuple(p for p in plan.call_param_names if p not in ("self",)),
            variables=tuple(plan.variables), submodules=tuple(plan.submodules),
            **explain_fields(plan, ctx.sigs[q])))
    return module, functions


class _Rewriter(cst.CSTTransformer):
    """Replaces converted functions by classes and converted methods by delegates."""

    def __init__(self, ctx: FileContext, plans: dict[str, ClassPlan], module_names: set[str],
                 classes: NameAllocator) -> None:
        self.ctx = ctx
        self.plans = plans
        self.module_names = module_names
        self.classes = classes
        self.depth = 0

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return False

    def leave_FunctionDef(self, original: cst.FunctionDef, updated: cst.FunctionDef):
        q = original.name.value
        plan = self.plans.get(q)
        if plan is not None and self.ctx.analysis.functions[q].node is original:
            cls = self._class(q, plan).with_changes(leading_lines=original.leading_lines)
            if q in self.ctx.analysis.kept_tf1:
                # other files' TF1 code still calls the def: it stays beside its class, as TF1
                spaced = original.with_changes(leading_lines=[cst.EmptyLine(indent=False), cst.EmptyLine(indent=False)])
                if len(original.leading_lines) >= 2 and all(l.comment is None for l in original.leading_lines):
                    spaced = original  # the same node: the upgrade stage's positions map into the source
                return cst.FlattenSentinel([cls, spaced])
            return cls
        info = self.ctx.analysis.functions.get(q)
        if info is not None and info.node is original and info.is_host and q not in self.ctx.analysis.blocked:
            names = NameAllocator(_host_taken(self.module_names, self.ctx.analysis) | (set(self.classes.taken) - self.module_names))
            body = rewrite_host_statements(self.ctx, list(updated.body.body), names, self.classes, script=False,
                                           nested_defs=info.host_nested, nested_hosts=info.host_model_fns,
                                           shared=info.host_shared)
            return updated.with_changes(body=updated.body.with_changes(body=body))
        return updated

    def _host_method(self, q: str, stmt: cst.FunctionDef) -> cst.FunctionDef:
        """A training-graph method (build_model) calls converted functions as a host does."""
        info = self.ctx.analysis.functions.get(q)
        if info is None or not info.is_host or q in self.ctx.analysis.blocked:
            return stmt
        names = NameAllocator(_host_taken(self.module_names, self.ctx.analysis) | (set(self.classes.taken) - self.module_names))
        body = rewrite_host_statements(self.ctx, list(stmt.body.body), names, self.classes, script=False,
                                       nested_defs=info.host_nested, nested_hosts=info.host_model_fns,
                                       shared=info.host_shared)
        return stmt.with_changes(body=stmt.body.with_changes(body=body))

    def _class(self, q: str, plan: ClassPlan) -> cst.ClassDef:
        ctor, super_name = ctor_parameters(self.ctx.sigs[q])
        plan.ctor_params = []
        return emit_class(self.ctx, plan, ctor, super_name)

    def leave_ClassDef(self, original: cst.ClassDef, updated: cst.ClassDef):
        owner = original.name.value
        methods = {q: p for q, p in self.plans.items() if p.owner == owner}
        if not methods and owner in module_roots(self.ctx.analysis.base_chains, {p.owner for p in self.plans.values()}):
            # a converted owner's base (module_bases.py), named as that owner's own base would be
            under = sorted(o for o, chain in self.ctx.analysis.base_chains.items() if chain[-1] == owner)
            names = [_owner_module_name(o, {q: p for q, p in self.plans.items() if p.owner == o}, self.ctx)
                     for o in under]
            return as_module_root(updated, self.ctx.tf_alias, next((n for n in names if n), ""))
        if not methods:
            body = [self._host_method(f"{owner}.{s.name.value}", s) if isinstance(s, cst.FunctionDef) else s
                    for s in updated.body.body]
            if all(a is b for a, b in zip(body, updated.body.body)):
                return updated
            return updated.with_changes(body=updated.body.with_changes(body=body))
        new_body: list[cst.BaseStatement] = []
        holders: list[str] = []
        has_init = False
        for stmt in updated.body.body:
            if isinstance(stmt, cst.FunctionDef):
                q = f"{owner}.{stmt.name.value}"
                if q in methods:
                    attr = ("_constructor_module" if stmt.name.value == "__init__"
                            else f"_{stmt.name.value.strip('_')}_module")
                    while any(attr in h for h in holders):  # `_init` and `init` would share one
                        attr = f"_{attr.strip('_')}_"
                    sig = self.ctx.sigs[q]
                    holders.append(delegate_holder_init(sig, attr))
                    new_body.append(emit_delegate(self.ctx, stmt, sig, methods[q].class_name, attr))
                    continue
                if stmt.name.value == "__init__":
                    has_init = True
                stmt = self._host_method(q, stmt)
            new_body.append(stmt)
        # A converted __init__ is itself the delegate: the holders go at its top.
        has_init = has_init or any(isinstance(s, cst.FunctionDef) and s.name.value == "__init__" for s in new_body)
        bases = list(updated.bases)
        add_module_base = (not bases or (len(bases) == 1 and isinstance(bases[0].value, cst.Name)
                                         and bases[0].value.value == "object")) and not _sets_reserved(original)
        tf = self.ctx.tf_alias
        prologue = ([f"super().__init__({_owner_module_name(owner, methods, self.ctx)})"] if add_module_base
                    else []) + holders
        if has_init and f"{owner}.__init__" in methods and prologue:
            # The converted constructor runs again on later calls of a converted caller (the
            # forward pass): the base and the module holders are set up only the first time.
            first = prologue[-1].split("=", 1)[0].strip().split(".", 1)[1]
            prologue = [f"if {first!r} not in self.__dict__:\n" + "".join(f"    {l}\n" for l in prologue)]
        if has_init:
            new_body = [_prepend_init(s, prologue) if isinstance(s, cst.FunctionDef) and s.name.value == "__init__"
                        else s for s in new_body]
        else:
            if bases and not add_module_base:
                # A subclass (a tf.test.TestCase, a user base): its constructor's arguments and
                # the base's own __init__ must still run.
                prologue = ["super().__init__(*args, **kwargs)"] + holders
                header = "def __init__(self, *args, **kwargs):\n"
            else:
                header = "def __init__(self):\n"
            init = cst.parse_statement(header + "".join(f"    {l}\n" for l in prologue))
            if new_body:
                new_body[0] = new_body[0].with_changes(leading_lines=[cst.EmptyLine(indent=False), *new_body[0].leading_lines])
            new_body.insert(0, init)
        changes: dict = {"body": updated.body.with_changes(body=new_body)}
        if add_module_base:
            changes["bases"] = [cst.Arg(cst.parse_expression(f"{tf}.Module"))]
            if updated.lpar is cst.MaybeSentinel.DEFAULT or not bases:
                changes["lpar"] = cst.LeftParen()
                changes["rpar"] = cst.RightParen()
        generated = [emit_class(self.ctx, plan, *self._ctor(q)).with_changes(leading_lines=original.leading_lines)
                     for q, plan in methods.items()]
        recomputed = self.ctx.analysis.recomputed_attrs.get(owner, frozenset())
        if recomputed and f"{owner}.__init__" in methods:
            at = list(methods).index(f"{owner}.__init__")
            generated[at] = lazy_assignments(generated[at], recomputed)
            after = next((i + 1 for i, s in enumerate(new_body)
                          if isinstance(s, cst.FunctionDef) and s.name.value == "__init__"), 0)
            properties = [p.with_changes(leading_lines=[cst.EmptyLine(indent=False)]) for p in recompute_properties(recomputed)]
            new_body = [*new_body[:after], *properties, *new_body[after:]]
            changes["body"] = updated.body.with_changes(body=new_body)
        for q, plan in methods.items():
            plan.ctor_params = []
        return cst.FlattenSentinel([*generated, updated.with_changes(**changes)])

    def _ctor(self, q: str) -> tuple[list[str], str]:
        return ctor_parameters(self.ctx.sigs[q])


def _reserved_renames(analysis: FileAnalysis, tree: ast.Module) -> dict[str, dict[str, str]]:
    """Owner classes (with converted methods) that assign tf.Module's own properties on self,
    in their own `__init__` or in that of a base class of this file that becomes the tf.Module
    (migrate/codemod/module_bases.py: the base and its other subclasses are renamed too)."""
    out: dict[str, dict[str, str]] = {}
    owners = {f.owner for q, f in analysis.functions.items() if f.owner and q in analysis.converted}
    for owner in sorted(owners):
        init = analysis.functions.get(f"{owner}.__init__")
        chain = analysis.base_chains.get(owner, [])
        assigned = _self_assigned(init.node) if init is not None and init.node is not None else set()
        for base in chain:
            assigned |= assigned_on_self(tree, base)
        clash = assigned & RESERVED_ATTRS
        if clash:
            renames = {attr: _free(f"scope_{attr}" if attr == "name" else f"{attr}_", assigned) for attr in clash}
            out[owner] = renames
            if chain:  # every class of the file under the same root reads the renamed attribute
                for cls, other in analysis.base_chains.items():
                    if other[-1] == chain[-1]:
                        out.setdefault(cls, renames)
                out.setdefault(chain[-1], renames)
    return out


def _free(name: str, taken: set[str]) -> str:
    while name in taken:
        name += "_"
    return name


def _self_assigned(fn: cst.FunctionDef) -> set[str]:
    self_name = fn.params.params[0].name.value if fn.params.params else "self"
    found: set[str] = set()

    class _V(cst.CSTVisitor):
        def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
            t = node.target
            if isinstance(t, cst.Attribute) and isinstance(t.value, cst.Name) and t.value.value == self_name:
                found.add(t.attr.value)

    fast_visit(fn, _V())
    return found


class _RenameReserved(cst.CSTTransformer):
    """`self.name` -> `self.scope_name` inside the given classes (every method's first param)."""

    def __init__(self, renames: dict[str, dict[str, str]]) -> None:
        self.renames = renames
        self.current: dict[str, str] | None = None
        self.self_names: list[str] = []

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        self.current = self.renames.get(node.name.value)
        return self.current is not None

    def leave_ClassDef(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.ClassDef:
        self.current = None
        return updated

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.self_names.append(node.params.params[0].name.value if node.params.params else "")

    def leave_FunctionDef(self, original: cst.FunctionDef, updated: cst.FunctionDef) -> cst.FunctionDef:
        self.self_names.pop()
        return updated

    def leave_Attribute(self, original: cst.Attribute, updated: cst.Attribute) -> cst.Attribute:
        if (self.current and self.self_names and isinstance(original.value, cst.Name)
                and original.value.value == self.self_names[-1] and original.attr.value in self.current):
            return updated.with_changes(attr=cst.Name(self.current[original.attr.value]))
        return updated


def _host_taken(module_names: set[str], analysis: FileAnalysis) -> set[str]:
    """Names a host may not reuse: converted functions' names are free (they became classes),
    unless the file also assigns that name somewhere."""
    free = {q for q in analysis.converted if "." not in q} - analysis.assigned_names
    return module_names - free


def _sets_reserved(cls: cst.ClassDef) -> bool:
    """A class assigning `self.name` (or another tf.Module property) cannot become a tf.Module."""
    found = False

    class _V(cst.CSTVisitor):
        def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
            nonlocal found
            t = node.target
            if isinstance(t, cst.Attribute) and isinstance(t.value, cst.Name) and t.attr.value in RESERVED_ATTRS:
                found = True

    fast_visit(cls, _V())
    return found


def _prepend_init(init: cst.FunctionDef, lines: list[str]) -> cst.FunctionDef:
    body = list(init.body.body)
    self_name = init.params.params[0].name.value if init.params.params else "self"
    stmts = [cst.parse_statement(line.replace("self.", f"{self_name}.") + "\n") for line in lines]
    insert_at = 1 if body and docstring_of(init) is not None else 0
    return init.with_changes(body=init.body.with_changes(body=[*body[:insert_at], *stmts, *body[insert_at:]]))


def _after_imports(body: list) -> int:
    """Where generated helpers go: after the leading imports (and the module docstring)."""
    index = 0
    for i, stmt in enumerate(body):
        if isinstance(stmt, cst.SimpleStatementLine) and (
                any(isinstance(s, (cst.Import, cst.ImportFrom)) for s in stmt.body)
                or (i == 0 and isinstance(stmt.body[0], cst.Expr))):
            index = i + 1
        elif i > index:
            break
    return index


def _add_scope_helper(module: cst.Module, tf_alias: str, text: str = SCOPE_HELPER) -> cst.Module:
    """The helper goes after the imports (and module docstring), once."""
    body = list(module.body)
    index = _after_imports(body)
    helper = cst.parse_statement(text.format(tf=tf_alias).strip() + "\n")
    helper = helper.with_changes(leading_lines=[cst.EmptyLine(), cst.EmptyLine()])
    body.insert(index, helper)
    return module.with_changes(body=body)


def _drop_unused_decorator_imports(module: cst.Module) -> cst.Module:
    """`from tensorflow.contrib.framework import add_arg_scope` whose last use went with the
    converted functions' decorators: removed (tf.contrib does not import on TF2)."""
    names = set()

    class _Uses(cst.CSTVisitor):
        def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
            return False

        def visit_Name(self, node: cst.Name) -> None:
            names.add(node.value)

    fast_visit(module, _Uses())
    if "add_arg_scope" in names:
        return module
    body = []
    changed = False
    for stmt in module.body:
        if isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1 and isinstance(stmt.body[0], cst.ImportFrom) \
                and not isinstance(stmt.body[0].names, cst.ImportStar):
            imp = stmt.body[0]
            kept = [a for a in imp.names if not (isinstance(a.name, cst.Name) and a.name.value == "add_arg_scope"
                                                and a.asname is None)]
            if len(kept) != len(imp.names):
                changed = True
                if not kept:
                    continue
                kept[-1] = kept[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
                stmt = stmt.with_changes(body=[imp.with_changes(names=kept)])
        body.append(stmt)
    return module.with_changes(body=body) if changed else module


def _add_library(module: cst.Module, classes: set[str]) -> cst.Module:
    """The plain-TF2 layer classes the file's converted code builds, after the imports, once."""
    source = library_source(sorted(classes))
    header, _, body = source.partition("import tensorflow as tf\n")
    library = cst.parse_module(body.lstrip("\n"))
    stmts = list(library.body)
    if stmts:
        stmts[0] = stmts[0].with_changes(leading_lines=[cst.EmptyLine(), cst.EmptyLine()])
    body_stmts = list(module.body)
    index = _after_imports(body_stmts)
    if "import math" in header and not any(
            isinstance(s, cst.SimpleStatementLine) and any(isinstance(x, cst.Import) and any(
                isinstance(a.name, cst.Name) and a.name.value == "math" and a.asname is None for a in x.names)
                for x in s.body) for s in body_stmts):
        body_stmts.insert(index, cst.parse_statement("import math\n"))
        index += 1
    body_stmts[index:index] = stmts
    return module.with_changes(body=body_stmts)


def _add_tf_import(module: cst.Module) -> cst.Module:
    body = list(module.body)
    index = 0
    for i, stmt in enumerate(body):
        if isinstance(stmt, cst.SimpleStatementLine) and any(isinstance(s, (cst.Import, cst.ImportFrom)) for s in stmt.body):
            index = i + 1
    body.insert(index, cst.parse_statement("import tensorflow as tf\n"))
    return module.with_changes(body=body)
