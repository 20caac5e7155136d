"""The text passes run before the codemod (arg_scope defaults made explicit,
migrate/codemod/arg_scopes.py; layer objects written as their functional creators,
migrate/codemod/layer_objects.py; helper choices written as `if`s, helper_choices.py), computed
once per text for the whole run.

The project planner runs both passes on every file it summarises (the text it analyses is their
output), and each file's transform runs them again on the same text: two libcst parses and
visits of the same file, a second or more on a large one. The planner's results are kept here,
by text (also those of the planner's pool workers, migrate/planning_texts.py, sent back); the
transforms, in the same process or in workers forked after the plan (copy-on-write, as
migrate/astparse.py shares its trees), find them. The passes are pure functions of
(text, `only`): the file's path only labels their diagnostics, so it is applied on the way out.
Only the planner stores (one result per file of the run; at most `_LIMIT`, then the oldest
run's are dropped): a worker's memory does not grow with the files it transforms.
"""

from __future__ import annotations

import ast
import dataclasses
from typing import Callable

from migrate import astparse
from migrate.codemod.arg_scopes import _ARG_SCOPE_APIS, ArgScopeResult, resolve_arg_scopes
from migrate.codemod.tfapi import collect_tf_names

_Pass = Callable[..., ArgScopeResult]
_results: dict[tuple[str, str], ArgScopeResult | None] = {}  # (pass name, text) -> result, path-less
# (None: the pass's cheap entry test turned the text away: unchanged, no diagnostic; kept too,
# so the workers' transforms and the planner do not test it again)
_UNTOUCHED = None
_LIMIT = 16384  # results kept (up to five per planned file): memory stays bounded over many runs


def forget() -> None:
    """A new plan: the last one's texts are not needed."""
    _results.clear()


def arg_scopes(source: str, path: str = "<string>", only: frozenset[str | None] | None = None, *,
               remember: bool = False) -> ArgScopeResult:
    """`resolve_arg_scopes(source, path, only)`."""
    if only is None and _turned_away("arg_scopes", source, _may_hold_arg_scope_block, remember):
        return ArgScopeResult(source)
    return _run("arg_scopes", resolve_arg_scopes, source, path, only, remember)


def layer_objects(source: str, path: str = "<string>", only: frozenset[str | None] | None = None, *,
                  remember: bool = False) -> ArgScopeResult:
    """`resolve_layer_objects(source, path, only)`."""
    from migrate.codemod.layer_objects import resolve_layer_objects

    if only is None and _turned_away("layer_objects", source, _may_hold_layer_object, remember):
        return ArgScopeResult(source)
    return _run("layer_objects", resolve_layer_objects, source, path, only, remember)


def helper_choices(source: str, path: str = "<string>", only: frozenset[str | None] | None = None, *,
                   remember: bool = False) -> ArgScopeResult:
    """`resolve_helper_choices(source, path, only)` (its entry test is an ast walk: not kept)."""
    from migrate.codemod.helper_choices import resolve_helper_choices

    return _run("helper_choices", resolve_helper_choices, source, path, only, remember)


def _turned_away(name: str, source: str, may_hold: Callable[[str], bool], remember: bool) -> bool:
    """The pass's entry test said no (now, or when the planner or the pool ran it on this text)."""
    found = _results.get((name, source), _results)
    if found is not _results:
        return found is _UNTOUCHED
    if may_hold(source):
        return False
    if remember:
        _keep((name, source), _UNTOUCHED)
    return True


def _keep(key: tuple[str, str], result: ArgScopeResult | None) -> None:
    if len(_results) >= _LIMIT:
        _results.clear()
    _results[key] = result


def _run(name: str, run: _Pass, source: str, path: str, only, remember: bool) -> ArgScopeResult:
    if only is not None:  # a second, narrower run for one file: nothing to share
        return run(source, path, only)
    found = _results.get((name, source))
    if found is None:
        found = run(source)
        if remember:
            _keep((name, source), found)
    return _labelled(found, path)


def take_all() -> list[tuple[tuple[str, str], ArgScopeResult | None]]:
    """What was stored since the last `forget` (a pool worker's planning chain, sent back to
    the parent: migrate/planning_texts.py), and forget it."""
    found = list(_results.items())
    _results.clear()
    return found


def keep_all(found: list[tuple[tuple[str, str], ArgScopeResult | None]]) -> None:
    """Keep a worker's `take_all` as if this process had run its passes."""
    for key, result in found:
        _keep(key, result)


def _labelled(result: ArgScopeResult, path: str) -> ArgScopeResult:
    """A copy with the file's path on its diagnostics (callers may change the copy)."""
    return dataclasses.replace(result, diagnostics=[d.with_path(path) for d in result.diagnostics],
                               regions=set(result.regions))


def _may_hold_arg_scope_block(source: str) -> bool:
    """False only when `resolve_arg_scopes` would return the text unchanged with no diagnostic:
    the resolver acts on `with` statements one of whose items calls an arg_scope API (through
    the file's TF imports, `collect_tf_names`) and on nothing else. Costs an `ast.parse` shared
    with the planner and the transform (migrate/astparse.py) instead of a libcst parse and visit."""
    if "arg_scope" not in source:
        return False
    try:
        tree = astparse.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return True  # the resolver decides (it gives up too)
    tf = None
    for node in ast.walk(tree):
        if type(node) is ast.With or type(node) is ast.AsyncWith:
            for item in node.items:
                if type(item.context_expr) is ast.Call:
                    tf = tf or collect_tf_names(tree)
                    if tf.api(item.context_expr.func) in _ARG_SCOPE_APIS:
                        return True
    return False


def _may_hold_layer_object(source: str) -> bool:
    """False only when `resolve_layer_objects` would return the text unchanged with no
    diagnostic: everything it rewrites or explains is a call of a `LAYER_CLASSES` API (through
    the file's TF imports: local layer objects, layers on `self`, lists of them) or an RNN cell
    (`Cell(` in the text). A sonnet file's `snt.Conv2D(...)` no longer costs a libcst parse.
    Keep this in step with resolve_layer_objects' own entry tests."""
    from migrate.codemod.layer_objects import LAYER_CLASSES

    from migrate.codemod.layer_inline import unnamed_creator_in_loop

    if "Cell(" in source or "repeat(" in source or "stack(" in source:  # (slim.repeat / stack too)
        return True
    loops = "for " in source  # unnamed creators numbered in loops (layer_inline.py)
    if not loops and not any(cls.split(".", 1)[1] + "(" in source for cls in LAYER_CLASSES):
        return False
    try:
        tree = astparse.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return True  # the resolver decides (it gives up too)
    tf = collect_tf_names(tree)
    if tf.tf_alias is None and not tf.aliases:
        return False
    return any(type(node) is ast.Call and tf.api(node.func) in LAYER_CLASSES
               for node in ast.walk(tree)) or (loops and unnamed_creator_in_loop(tree, tf))
