"""Source text in, migrated source text out: the codemod's one entry point (no I/O)."""

from __future__ import annotations

import ast
import dataclasses

import libcst as cst

from migrate import astparse
from migrate.codemod.arg_scopes import transform_with_arg_scopes
from migrate.codemod.dict_kwargs import transform_with_dict_kwargs
from migrate.codemod.function_aliases import transform_with_function_aliases
from migrate.codemod.helper_choices import transform_with_helper_choices
from migrate.codemod.nested_helpers import transform_with_nested_helpers
from migrate.codemod.layer_objects import transform_with_layer_objects
from migrate.codemod.convert import Conversion, convert_module, preview
from migrate.codemod.external import FilePlan
from migrate.codemod.implicit import join_library, split_library
from migrate.codemod.import_renames import rename_imports
from migrate.codemod.leftovers import leftover_notes
from migrate.cstparse import parse_module
from migrate.diagnostics import Diagnostic, anchor_columns
from migrate.result import TransformOutput
from migrate.upgrade import compat_renames_needed, upgrade_module
from migrate.upgrade.codegen import derived_lines, module_code, statement_lines


def transform_source(source: str, path: str = "<string>", pinned: frozenset[str] = frozenset(),
                     plan: FilePlan | None = None) -> TransformOutput:
    """Migrate one Python source text. Raises libcst.ParserSyntaxError if it does not parse.

    `pinned`: top-level names other files import from this one that must stay (files the project
    cannot see through); `plan`: the project's cross-file decisions for this file (migrate.project).
    """
    # slim.arg_scope defaults made explicit first (migrate/codemod/arg_scopes.py), layer objects
    # that are their functional creator written as it (codemod/layer_objects.py), and a helper
    # chosen by a condition written as the two calls (codemod/helper_choices.py); before them all,
    # helper defs nested in a function that use nothing of it moved out (codemod/nested_helpers.py)
    # and plain aliases of network functions (self.discriminator = discriminator) called directly
    # (codemod/function_aliases.py), outermost
    # and before everything a literal dict unpacked into the next call (`**params`) written as its
    # keywords (codemod/dict_kwargs.py)
    out = transform_with_dict_kwargs(lambda unpacked: transform_with_function_aliases(lambda aliased: transform_with_nested_helpers(
        lambda moved: transform_with_arg_scopes(lambda text: transform_with_layer_objects(
            lambda t: transform_with_helper_choices(lambda u: _transform_source(u, path, pinned, plan), t, path),
            text, path), moved, path), aliased, path,
        None if plan is None or plan.moved_defs is None else frozenset(plan.moved_defs)), unpacked, path,
        only=None if plan is None or plan.aliases is None else frozenset(plan.aliases)), source, path)
    anchored = anchor_columns(out.diagnostics, source)  # function-level reasons: not column 0
    return out if anchored is out.diagnostics else dataclasses.replace(out, diagnostics=anchored)


def _transform_source(source: str, path: str, pinned: frozenset[str], plan: FilePlan | None) -> TransformOutput:
    out = _transform(source, path, pinned, plan)
    if plan is not None and plan.import_renames:
        code = rename_imports(out.code, plan.import_renames)
        if code != out.code:
            out = TransformOutput(code=code, diagnostics=out.diagnostics, functions=out.functions, parsed=True)
    if plan is not None:
        left = _stale_references(out.code, plan)
        if left:
            # another file's function became a class, but a call here was not rewritten (a nested
            # function of a host, say): keep the file, and let the project plan keep the callee
            line, spelling = left[0]
            diag = Diagnostic("internal-error", f"verification failed: stale-reference: {spelling} is still "
                              f"called at line {line} of the output after its conversion", 0, 0, "error", path)
            return TransformOutput(code=source, diagnostics=(diag, *out.diagnostics), parsed=True)
    return out


def _stale_references(code: str, plan: FilePlan) -> list[tuple[int, str]]:
    """Uses of converted externals' old spellings (`linear`, `ops.linear`) left in the output."""
    spellings = {e.spelling for e in plan.externals if e.blocked_reason is None and not e.implicit and not e.kept_tf1
                 and e.class_ref != e.spelling}  # (`def GeneratorCNN` -> `class GeneratorCNN`: the same spelling)
    if not spellings:
        return []
    found = []

    def walk(node: ast.AST, local: frozenset[str]) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            # a name the function assigns is its own (a host's `generator = Generator()`)
            local = local | {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
        if isinstance(node, ast.Name) and node.id in spellings and isinstance(node.ctx, ast.Load) \
                and node.id not in local:
            found.append((node.lineno, node.id))
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                and f"{node.value.id}.{node.attr}" in spellings and node.value.id not in local:
            found.append((node.lineno, f"{node.value.id}.{node.attr}"))
        for child in ast.iter_child_nodes(node):
            walk(child, local)

    walk(astparse.parse(code), frozenset())
    return sorted(found)


def _transform(source: str, path: str, pinned: frozenset[str], plan: FilePlan | None) -> TransformOutput:
    try:
        tree = astparse.parse(source)  # shared with the verification stage (migrate/astparse.py)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        cst.parse_module(source)  # raises ParserSyntaxError where libcst agrees it does not parse
        return TransformOutput(code=source)  # libcst-only syntax: nothing safe to do
    # The analysis runs on Python's ast (fast); a libcst tree is built only when something changes.
    seen = preview(tree, source, pinned, plan)
    inherited = plan.tf_aliases if plan is not None else ()  # TF names from star imports
    uses_tf = _mentions_tf(source) or bool(inherited)
    if (seen.blocked_only and not compat_renames_needed(seen.tf.aliases, inherited)) or (seen.codemod_noop and not uses_tf):
        kept = [*seen.diagnostics, *_leftovers(tree, seen.tf, seen.diagnostics, frozenset(), False)]
        return TransformOutput(code=source, diagnostics=tuple(d.with_path(path) for d in kept), parsed=True)
    module = parse_module(source)
    lines = statement_lines(module, tree, source)  # lets printing copy untouched statements
    if seen.codemod_noop:
        conversion = Conversion(module, seen.diagnostics, (), seen.skip_functions)
    else:
        conversion = convert_module(module, source, pinned, seen, plan)
    new_module = conversion.module
    diagnostics = list(conversion.diagnostics)
    refused = not conversion.functions and any(d.severity != "info" for d in diagnostics)
    converted_code = None  # the codemod's module printed, when the check below needs it
    if refused and new_module is not module:
        converted_code = module_code(new_module, lines, module)
    # Refused variable code (`skip_functions`, also in a file where nothing converts) stays TF1,
    # with only the compat renames tf_upgrade_v2 would give it, so it still runs on TF2.
    if uses_tf:
        # Diagnostics positions: when the upgrade reads the text as parsed, the ast says where
        # each statement starts (no need to print the whole module to find out).
        before_split = new_module
        new_module, library = split_library(new_module)  # generated TF2 layer code: never upgraded
        upgrade_lines = lines if new_module is module or lines is None else derived_lines(lines, module, new_module)
        upgraded, upgrade_diagnostics = upgrade_module(new_module, conversion.skip_functions, upgrade_lines,
                                                       origin=(module, source), inherited=inherited)
        diagnostics.extend(upgrade_diagnostics)
        if upgraded is not new_module:
            new_module, converted_code = join_library(upgraded, library), None
        else:
            new_module = before_split
    if new_module is module:
        code = source
    else:
        code = converted_code if converted_code is not None else module_code(new_module, lines, module)
    if uses_tf or seen.tf.aliases:
        converted = frozenset(f.legacy_name for f in conversion.functions)
        kept = converted & (frozenset(plan.kept_tf1 if plan is not None else ()) |
                            (seen.analysis.kept_tf1 if seen.analysis is not None else frozenset()))
        hosts = frozenset(q for q, f in seen.analysis.functions.items() if f.is_host and f.external is None) \
            if seen.analysis is not None else frozenset()
        diagnostics.extend(_leftovers(tree, seen.tf, diagnostics, converted,
                                      bool(converted) and seen.analysis is not None and seen.analysis.script_creates,
                                      kept, hosts))
    return TransformOutput(code=code, diagnostics=tuple(d.with_path(path) for d in diagnostics),
                           functions=conversion.functions, parsed=True)


def _mentions_tf(source: str) -> bool:
    return "tensorflow" in source


def _leftovers(tree: ast.Module, tf, diagnostics, converted: frozenset[str], script_converted: bool,
               kept: frozenset[str] = frozenset(), hosts: frozenset[str] = frozenset()) -> list[Diagnostic]:
    """Every variable_scope / get_variable the run leaves is accounted for on its own line, with
    the reason its function stays TF1 (migrate/codemod/leftovers.py)."""
    return leftover_notes(tree, tf, diagnostics, converted, script_converted, kept, hosts)
