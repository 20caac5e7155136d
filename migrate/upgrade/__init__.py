"""Stage 2 of the pipeline: body modernisation and tf_upgrade_v2 parity, on libcst.

`upgrade_module(module, skip_functions)` rewrites TF1 API spellings into native TF2 ones that
keep the values (tf.compat.v1 only where nothing native does, each place reported), makes
trivial Session blocks eager, and reports tf.contrib / tf.flags. It never imports TensorFlow:
tf_upgrade_v2's tables are read as data (see `tables.py`).
"""

from __future__ import annotations

import libcst as cst

from migrate.diagnostics import Diagnostic
from migrate.upgrade.helpers import helper_source
from migrate.upgrade.codegen import StatementLines
from migrate.upgrade.resolve import Binding, FileFacts, Prepass, _canonical_module, module_name, scan_statements
from migrate.upgrade.tables import load_tables
from migrate.upgrade.contrib_imports import drop_unused_contrib_imports, stub_class_first, stub_used_contrib_imports
from migrate.upgrade.transformer import Cleanup, Upgrader, diagnostics_for
from migrate.upgrade.walk import walk

__all__ = ["compat_renames_needed", "upgrade_module", "upgrade_source"]


def upgrade_module(
    module: cst.Module, skip_functions: frozenset[str] = frozenset(), lines: StatementLines | None = None,
    origin: tuple[cst.Module, str] | None = None, inherited: tuple[tuple[str, str], ...] = (),
) -> tuple[cst.Module, list[Diagnostic]]:
    """Upgrade one parsed file. Functions named in `skip_functions` ("f", "Cls.method") are code
    the structural stage left as TF1: they get compat renames only (what tf_upgrade_v2 would do,
    `tf.variable_scope` -> `tf.compat.v1.variable_scope`, reported `compat-v1-kept`), never the
    native rewrites. A file without TensorFlow imports comes back as the same object. `lines`
    (where the module's statements start in its text) lets diagnostics print only their own
    statements for their positions. `origin` (the module the structural stage started from and
    its source text) makes diagnostics point into that text rather than the intermediate one.
    `inherited`: TF names the file gets only from star imports of other files (local name ->
    full dotted name, migrate.project)."""
    tables = load_tables()
    facts = scan_statements(module)
    pins = _inherit(facts, inherited)
    if not facts.has_tf:
        return module, []
    if facts.v1_roots() or facts.star_v1:  # only then: does the file have to keep its v1 import?
        pre = Prepass(frozenset(skip_functions), tables)
        walk(module, pre)
        v1 = pre.finish()
        facts.v1_needed = v1.v1_needed
    keep_v1 = bool(facts.v1_roots()) and bool(facts.v1_needed)
    up = Upgrader(facts, tables, frozenset(skip_functions), keep_v1)
    up.module = module
    statement_of: dict[int, int] = {}
    counts = [0, 0, 0]

    def attribute(index: int) -> None:
        """Which top-level statement each node reported so far sits in."""
        for k, items in enumerate((up.found, up._deferred, up.pending_with_nodes)):
            for item in items[counts[k]:]:
                statement_of[id(item[2] if k < 2 else item[0])] = index
            counts[k] = len(items)

    new = walk(module, up, attribute if lines is not None else None)
    found = up.found

    replace: dict[int, list] = {}
    remove: set[int] = set()
    eager = not up.graph_needed and not keep_v1
    for original, updated, stmts in up.pending_with_nodes:
        if eager:
            replace[id(updated)] = stmts
        else:
            found.append(("session-loop", "Session block left as is: the file still builds a "
                          "graph (placeholders, other sessions or the v1 API)", original, "warning"))
    if not eager:
        found.extend(up._deferred)
    for stmt, name in up.disablers:
        if name == "tf.enable_eager_execution" and not keep_v1:
            remove.add(id(stmt))
        elif eager:
            remove.add(id(stmt))
    if replace or remove:
        new = new.visit(Cleanup(replace, remove))
        up.changed = True
    new, dropped = drop_unused_contrib_imports(new)  # tf.contrib would not import on TF2
    new, stubbed = stub_used_contrib_imports(new)  # (still used by kept code: stubs, so the file imports)
    if stubbed:
        up.helpers.add("_Tf1Contrib")
    up.changed = up.changed or dropped or stubbed

    helpers = up.helpers - facts.names_bound
    if pins and (up.changed or (origin is not None and module is not origin[0])):
        new = _pin_star_roots(new, pins)  # before _insert_top: helpers then go below the pin
        up.changed = True
    if helpers or up.new_tf_alias:
        new = _insert_top(new, helpers, up)
        up.changed = True
    if stubbed:
        new = stub_class_first(new)
    diagnostics = diagnostics_for(found, module, lines, statement_of if lines is not None else None, origin)
    return (new if up.changed else module), diagnostics


def compat_renames_needed(aliases: dict[str, str], inherited: tuple[tuple[str, str], ...] = ()) -> bool:
    """Some TensorFlow name of the file (local name -> full dotted module, from the analysis)
    is bound outside `tensorflow.compat.v1` / `.v2`. A refused file that reaches TensorFlow only
    through `tensorflow.compat.v1` runs on TF2's compat API as it is: it stays byte-identical,
    without a libcst parse. Not so when its `tf` comes from a star import (`inherited`): that
    module's own migration may change what `tf` is."""
    if any(b is not None and b.is_root and not b.v2 for b in (_canonical_module(full) for _, full in inherited)):
        return True
    return any(not full.startswith(("tensorflow.compat.v1", "tensorflow.compat.v2"))
               for full in aliases.values())


def _inherit(facts: FileFacts, inherited: tuple[tuple[str, str], ...]) -> list[str]:
    """Bind the TF names a star import brings (`from ops import *` where ops imports tf). A root
    alias is taken as plain `tensorflow` whatever ops imports, because ops's own migration may
    switch its `tensorflow.compat.v1` import to `tensorflow`: this file's `tf.*` uses then get the
    renames of a file importing tensorflow, and the file binds the alias itself (the roots
    returned are pinned with `import tensorflow as <root>` when the file changes)."""
    pins: list[str] = []
    for local, full in inherited:
        if local in facts.bindings or local in facts.names_bound:
            continue
        binding = _canonical_module(full)
        if binding is None or binding.v2:
            continue
        if binding.is_root:
            facts.bindings[local] = Binding("tf")
            pins.append(local)
        else:
            facts.bindings[local] = binding
    facts.has_tf = bool(facts.bindings) or facts.star_v1
    return pins


def _pin_star_roots(module: cst.Module, roots: list[str]) -> cst.Module:
    """`import tensorflow as tf` right after the last top-level star import (or the imports at
    the top), so the file's own binding is the one its upgraded uses assume."""
    body = list(module.body)
    idx = 0
    for i, stmt in enumerate(body):
        if _is_import(stmt) and any(isinstance(s, cst.ImportFrom) and isinstance(s.names, cst.ImportStar)
                                    for s in stmt.body):
            idx = i + 1
    if idx == 0:
        while idx < len(body) and _is_import(body[idx]):
            idx += 1
    pins = [cst.parse_statement(f"import tensorflow as {root}\n") for root in roots]
    body[idx:idx] = pins
    return module.with_changes(body=body)


def _is_import(stmt: cst.CSTNode) -> bool:
    return isinstance(stmt, cst.SimpleStatementLine) and all(
        isinstance(s, (cst.Import, cst.ImportFrom)) for s in stmt.body
    )


def _binds_tf(stmt: cst.CSTNode) -> bool:
    if not isinstance(stmt, cst.SimpleStatementLine):
        return False
    for s in stmt.body:
        if isinstance(s, cst.Import) and any(module_name(a.name).startswith("tensorflow") for a in s.names):
            return True
        if isinstance(s, cst.ImportFrom) and s.module is not None and module_name(s.module).startswith("tensorflow"):
            return True
    return False


def _insert_top(module: cst.Module, helpers: set[str], up: Upgrader) -> cst.Module:
    body = list(module.body)
    idx = 0
    for i, stmt in enumerate(body):
        is_doc = (i == 0 and isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1
                  and isinstance(stmt.body[0], cst.Expr)
                  and isinstance(stmt.body[0].value, (cst.SimpleString, cst.ConcatenatedString)))
        if is_doc or _is_import(stmt):
            idx = i + 1
        elif isinstance(stmt, (cst.Try, cst.If)) and all(_is_import(s) for s in stmt.body.body):
            idx = i + 1
        else:
            break
    for i, stmt in enumerate(body):
        if _binds_tf(stmt) and i >= idx:
            idx = i + 1
    new: list[cst.BaseStatement] = []
    if up.new_tf_alias:
        new.append(cst.parse_statement(f"import tensorflow as {up.new_tf_alias}\n"))
    if helpers:
        src = helper_source(helpers, up.tf2_alias())
        stmts = list(cst.parse_module(src).body)
        blank = [cst.EmptyLine(), cst.EmptyLine()]
        stmts[0] = stmts[0].with_changes(leading_lines=blank)
        new.extend(stmts)
    if idx < len(body):
        nxt = body[idx]
        lines = list(nxt.leading_lines)
        n_blank = 0
        for line in lines:
            if line.comment is None:
                n_blank += 1
            else:
                break
        if helpers and n_blank < 2:
            body[idx] = nxt.with_changes(leading_lines=[cst.EmptyLine()] * (2 - n_blank) + lines)
    body[idx:idx] = new
    return module.with_changes(body=body)


def upgrade_source(source: str, skip_functions: frozenset[str] = frozenset()):
    """Text in, (text, diagnostics) out. Raises libcst.ParserSyntaxError."""
    module = cst.parse_module(source)
    new, diags = upgrade_module(module, skip_functions)
    return (source if new is module else new.code), diags
