"""Stage 0 of the project plan: each file's planning text, the text `project.summarise` analyses.

The chain of planner passes (dict kwargs inlined, plain aliases called directly, nested and
static helpers hoisted, arg_scope defaults made explicit, layer objects as functional creators,
helper choices written out) is a pure function of one file's text and of the words the run's
other files spell. Its libcst parses are most of the plan's cost, so with `jobs > 1` it runs in a
pool of forked workers (largest texts first), which return plain data: the text, the moved defs,
the aliases, and the text-pass results (migrate/codemod/text_passes.py) the chain stored, which
the parent keeps for the transforms as if it had run the chain itself. The word indexes are
built once before the fork, so the workers share them instead of each reading every file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from migrate import astparse
from migrate.codemod import text_passes
from migrate.codemod.arg_scopes import planning_text
from migrate.codemod.dict_kwargs import dict_kwargs_planning_text
from migrate.codemod.function_aliases import planned_aliases, resolve_function_aliases
from migrate.codemod.helper_choices import helper_choice_planning_text
from migrate.codemod.layer_objects import layer_planning_text
from migrate.codemod.nested_helpers import hoist_nested_helpers

_WORDS = r"[A-Za-z_]\w*"
# an attribute (`model.discriminator`) or getattr's string (`getattr(m, "discriminator")`): how another file
# reaches an alias attribute (the function's own file defines the name: that is no use of it)
ATTRIBUTE_WORDS = r"(?:(?<=\.)\s*|attr\(\s*[^,()]+,\s*['\"])([A-Za-z_]\w*)"


@dataclass(frozen=True)
class PlanningText:
    text: str  # what summarise parses
    moved: frozenset[str]  # nested / static defs the text moved to module level (nested_helpers.py)
    aliases: tuple[str, ...] | None  # functions whose plain aliases are called directly (function_aliases.py)


class WordsElsewhere:
    """`word in it`: another file of the run or the repository mentions the word (static_methods.py
    and function_aliases.py rewrite nothing another file may reach). The words are read once, on
    the first question of the run (or before the pool's fork: `fill`)."""

    def __init__(self, sources: dict[Path, str], outside: dict[Path, str] | None, path: Path,
                 cache: dict[Path, frozenset[str]], pattern: str = _WORDS) -> None:
        self.sources, self.outside, self.path, self.cache = sources, outside or {}, path, cache
        self.pattern = pattern

    def fill(self) -> None:
        if not self.cache:
            self.cache.update((p, frozenset(re.findall(self.pattern, t)))
                              for p, t in [*self.sources.items(), *self.outside.items()])

    def __contains__(self, word: object) -> bool:
        self.fill()
        return any(word in words for p, words in self.cache.items() if p != self.path)


@dataclass
class _Inputs:
    """What every file's chain reads besides its own text (shared with the forked workers)."""
    sources: dict[Path, str]
    outside: dict[Path, str] | None
    words: dict[Path, frozenset[str]]
    attribute_words: dict[Path, frozenset[str]]


_INPUTS: _Inputs | None = None  # set in the parent just before the pool forks


def planning_texts(paths: list[Path], sources: dict[Path, str], outside: dict[Path, str] | None,
                   jobs: int) -> dict[Path, PlanningText]:
    """The planning text of each of `paths` (files of `sources`)."""
    global _INPUTS
    inputs = _Inputs(sources, outside, {}, {})
    if jobs <= 1 or len(paths) < 2:
        return {path: _chain(path, inputs)[0] for path in paths}
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    try:
        context = multiprocessing.get_context("fork")
    except ValueError:  # no fork here: the parent runs the chain itself
        return {path: _chain(path, inputs)[0] for path in paths}
    WordsElsewhere(sources, outside, Path(), inputs.words).fill()  # once, before the fork
    WordsElsewhere(sources, outside, Path(), inputs.attribute_words, ATTRIBUTE_WORDS).fill()
    todo = sorted(paths, key=lambda p: len(sources[p]), reverse=True)
    out: dict[Path, PlanningText] = {}
    _INPUTS = inputs
    try:
        with ProcessPoolExecutor(max_workers=min(jobs, len(todo)), mp_context=context) as pool:
            for path, planned, found in pool.map(_in_worker, todo, chunksize=1):
                out[path] = planned
                text_passes.keep_all(found)
    finally:
        _INPUTS = None
    return {path: out[path] for path in paths}


def _in_worker(path: Path) -> tuple[Path, PlanningText, list]:
    """In a worker: the chain, and the text-pass results it stored (for the parent's transforms)."""
    assert _INPUTS is not None
    text_passes.forget()  # (the parent's copy: only what this file's chain stores goes back)
    planned, hoisted = _chain(path, _INPUTS)
    # The transforms run the same passes on the original text wherever the plan moves no helper
    # and inlines no dict (transform_with_nested_helpers, transform_with_dict_kwargs): kept for
    # them too, in the pool (measured on tf1/: 20 s of the transforms' CPU without them; the text
    # with only the dicts and aliases written, tried too, saved them 1 s for 14 s).
    if _INPUTS.sources[path] != hoisted:
        layer_planning_text(planning_text(_INPUTS.sources[path]))
    found = text_passes.take_all()
    astparse.forget()
    return path, planned, found


def _chain(path: Path, inputs: _Inputs) -> tuple[PlanningText, str]:
    """The planning text, and the text the arg_scope and layer passes ran on."""
    source = inputs.sources[path]
    elsewhere = WordsElsewhere(inputs.sources, inputs.outside, path, inputs.words)
    attributes = WordsElsewhere(inputs.sources, inputs.outside, path, inputs.attribute_words, ATTRIBUTE_WORDS)
    text = dict_kwargs_planning_text(source)  # (`**params` of a literal dict: its keywords)
    aliases = planned_aliases(text, attributes)  # (self.discriminator = discriminator: direct calls)
    aliased = resolve_function_aliases(text, str(path), frozenset(aliases), attributes) if aliases else None
    moved = hoist_nested_helpers(aliased.source if aliased else text, str(path), foreign=elsewhere)
    # arg_scope defaults made explicit, layer objects as their functional creators
    final = helper_choice_planning_text(layer_planning_text(planning_text(moved.source)))
    return PlanningText(final, frozenset(r for r in moved.regions if r), aliases), moved.source
