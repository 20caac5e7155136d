"""The project model: which functions of the whole run convert, decided once, across files.

Pass 1 (`summarise`): each file on Python's `ast`: its top-level functions, its imports resolved
to the run's own files *by path and package* (`import a.b as c`, `from . import x`,
`from .ops import *`, re-exports through `__init__.py`), its TensorFlow names (inherited through
star imports too), and its variable-creating functions (`analyse_module`, repeated until the
creators reachable through other files stop growing).
Pass 2 (`link`): one graph of variable-creating functions over all files; a component converts
as a whole or not at all. The result is a `FilePlan` per file (plain data: migrate.codemod.external)
which the emit stage (`transform_source`, in worker processes) reads.
Files that do not parse cannot be seen through: what they import (by the old text index, matched
on the module's last name component) is pinned, i.e. stays TF1.
"""

from __future__ import annotations

import ast
import dataclasses
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Collection, Iterable

from migrate import astparse
from migrate.codemod.analyse import FileAnalysis, analyse_module
from migrate.codemod.decorators import foreign_verdicts
from migrate.codemod.constructed_under_scopes import constructed_message, constructions_under_scope_settings
from migrate.codemod.external import ExternalCallee, FilePlan
from migrate.codemod.implicit import implicit_creators
from migrate.codemod.naming import class_name_for
from migrate.codemod.tfapi import TfNames, collect_tf_names
from migrate.planning_texts import planning_texts

_FROM = re.compile(r"^[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]+)", re.M)
_IMPORT = re.compile(r"^[ \t]*import[ \t]+([^\n#;]+)", re.M)
_STAR = "*"
_MAX_ROUNDS = 8

Node = tuple[Path, str]  # (file, qualname)


# ---------------------------------------------------------------- pass 1: summaries


@dataclass(frozen=True)
class Binding:
    kind: str  # "name" (from M import x), "star" (from M import *), "module" (import M / from P import M)
    local: str  # the local spelling ("" for star); `import a.b` binds "a.b"
    target: Path  # the run's file the import resolves to
    remote: str = ""  # for "name": the imported name


@dataclass
class Summary:
    path: Path
    source: str
    tree: ast.Module
    tf: TfNames
    defs: dict[str, ast.FunctionDef | ast.AsyncFunctionDef]
    bindings: list[Binding]
    names: set[str]  # identifiers the file binds at module level (class-name clashes)
    classes: set[str] = field(default_factory=set)  # top-level classes
    plain_nested: set[str] = field(default_factory=set)  # functions defined under a top-level if/try
    lines: list[str] | None = None  # the source's lines, once needed
    _loaded: set[str] | None = None
    _implicit: tuple | None = None
    moved_defs: frozenset[str] = frozenset()  # nested helper defs the planning text moved out (nested_helpers.py)
    static_planned: bool = False  # static / class methods were considered (static_methods.py): the plan says which move
    aliases: tuple[str, ...] | None = None  # functions whose plain aliases are called directly (function_aliases.py)

    @property
    def loaded(self) -> set[str]:
        """Names read anywhere, and `name.attr` pairs (computed once, when needed)."""
        if self._loaded is None:
            loaded: set[str] = set()
            for node in ast.walk(self.tree):
                if type(node) is ast.Name:
                    loaded.add(node.id)
                elif type(node) is ast.Attribute and type(node.value) is ast.Name:
                    loaded.add(f"{node.value.id}.{node.attr}")
            self._loaded = loaded
        return self._loaded
    analysis: FileAnalysis | None = None
    analysed_with: tuple | None = None  # analyse_module's inputs besides the tree, for `analysis`
    creators: set[str] = field(default_factory=set)  # local qualnames that create variables


def summarise(path: Path, source: str, files: Collection[Path], root: Path) -> Summary | None:
    """None when the file does not parse (it is then seen through the text index only)."""
    try:
        tree = astparse.parse(source)  # the text passes' entry tests parsed it already (read-only)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    defs = {s.name: s for s in tree.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))}
    names: set[str] = set(defs)
    bindings: list[Binding] = []
    for stmt in _top_statements(tree.body):
        if isinstance(stmt, ast.ClassDef):
            names.add(stmt.name)
        elif isinstance(stmt, ast.Assign):
            names.update(t.id for t in stmt.targets if isinstance(t, ast.Name))
        elif isinstance(stmt, ast.Import):
            for alias in stmt.names:
                names.add((alias.asname or alias.name).split(".")[0])
                target = resolve_module(path, alias.name, 0, files, root)
                if target is not None:
                    bindings.append(Binding("module", alias.asname or alias.name, target))
        elif isinstance(stmt, ast.ImportFrom):
            module = stmt.module or ""
            if module == "tensorflow" or module.startswith("tensorflow."):
                continue
            base = resolve_module(path, module, stmt.level, files, root)
            for alias in stmt.names:
                if alias.name == _STAR:
                    if base is not None:
                        bindings.append(Binding("star", "", base))
                    continue
                local = alias.asname or alias.name
                names.add(local)
                sub = resolve_module(path, f"{module}.{alias.name}" if module else alias.name, stmt.level, files, root)
                if sub is not None:
                    bindings.append(Binding("module", local, sub))
                elif base is not None:
                    bindings.append(Binding("name", local, base, alias.name))
    classes = {st.name for st in tree.body if isinstance(st, ast.ClassDef)}
    nested = set()  # `if hasattr(tf, "concat_v2"): def concat(...)`: plain helpers, when they create nothing
    for stmt in _top_statements(tree.body):
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and stmt.name not in defs:
            segment = ast.get_source_segment(source, stmt) or "get_variable"
            if not _CREATOR_HINT.search(segment):
                nested.add(stmt.name)
    return Summary(path, source, tree, collect_tf_names(tree), defs, bindings, names, classes=classes,
                   plain_nested=nested)


def _top_statements(body: list[ast.stmt]) -> Iterable[ast.stmt]:
    """Module-level statements, looking into `try` / `if` blocks (guarded imports)."""
    for stmt in body:
        yield stmt
        if isinstance(stmt, (ast.Try, ast.If)):
            for block in (stmt.body, stmt.orelse, getattr(stmt, "finalbody", []),
                          *[h.body for h in getattr(stmt, "handlers", [])]):
                yield from _top_statements(block)


_RESOLVED: dict[tuple, Path | None] = {}


def resolve_module(importer: Path, module: str, level: int, files: Collection[Path], root: Path) -> Path | None:
    key = (importer.parent, module, level, id(files), root)
    if key not in _RESOLVED:
        _RESOLVED[key] = _resolve_module(importer, module, level, files, root)
    return _RESOLVED[key]


def _resolve_module(importer: Path, module: str, level: int, files: Collection[Path], root: Path) -> Path | None:
    """The run's file that `import module` (or `from .module`) names from `importer`: relative
    imports from the importer's package; absolute ones from the importer's directory (how a
    script sees its siblings) and then each enclosing directory up to the run's root."""
    parts = [p for p in module.split(".") if p] if module else []
    if level:
        base = importer.parent
        for _ in range(level - 1):
            base = base.parent
        return _module_file(base, parts, files)
    if not parts:
        return None
    for base in _roots(importer, root):
        found = _module_file(base, parts, files)
        if found is not None:
            return found
    return None


def _roots(importer: Path, root: Path) -> Iterable[Path]:
    base = importer.parent
    while True:
        yield base
        if base == root or base.parent == base or root not in base.parents:
            return
        base = base.parent


def _module_file(base: Path, parts: list[str], files: Collection[Path]) -> Path | None:
    target = base.joinpath(*parts)
    candidates = [target / "__init__.py"] if not parts else [target.with_name(target.name + ".py"), target / "__init__.py"]
    for candidate in candidates:
        if candidate in files:
            return candidate
    return None


# ---------------------------------------------------------------- what a file can call


@dataclass
class Project:
    summaries: dict[Path, Summary]
    pins: dict[Path, frozenset[str]]  # names unparsable files import: they stay TF1
    root: Path  # imports resolve from here (above the run's directory when it is inside a package)
    display_root: Path  # the run's common directory: where messages name files from
    # spelling -> (file, function) that a file could call, resolved through imports
    reachable: dict[Path, dict[str, Node]] = field(default_factory=dict)
    tf_inherited: dict[Path, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    _stars: dict[Path, dict[str, Node]] = field(default_factory=dict)
    shared_support: frozenset[Path] = frozenset()  # files whose support code goes to a shared module
    kept: set[Node] = field(default_factory=set)  # converted functions whose TF1 def stays (the last link)
    kept_why: dict[Node, str] = field(default_factory=dict)  # kept node -> which TF1 code still calls it, and why
    plain_sources: dict[Path, str] = field(default_factory=dict)  # files not summarised (no TF): decorators
    _words: dict[Path, frozenset[str]] = field(default_factory=dict)  # identifiers per file (words_elsewhere)
    _used: dict[Path, frozenset[str]] = field(default_factory=dict)  # names a file's code spells (_names_used)
    _elsewhere: dict[Path, frozenset[str]] = field(default_factory=dict)  # words_elsewhere's answers
    _private: dict[Path, frozenset[str]] = field(default_factory=dict)  # private_externals' answers

    def words_elsewhere(self, path: Path) -> frozenset[str]:
        """The top-level functions of `path` that another file of the run mentions, as a word
        (conservative: a mention may be a call, an import or a string). Only asked for files that
        pass `reuse=True`: migrate/codemod/reuse_hosts.py shares a creator only no one else sees."""
        s = self.summaries[path]
        if "reuse=True" not in s.source:
            return frozenset()
        if path in self._elsewhere:
            return self._elsewhere[path]
        if not self._words:
            for other, text in [*((p, o.source) for p, o in self.summaries.items()), *self.plain_sources.items()]:
                self._words[other] = frozenset(re.findall(r"[A-Za-z_]\w*", text))
        self._elsewhere[path] = frozenset(name for name in s.defs
                                          if any(name in words for other, words in self._words.items() if other != path))
        return self._elsewhere[path]

    def private_externals(self, path: Path) -> frozenset[str]:
        """Other files' top-level functions `path` calls (as it spells them) that no third file
        mentions and their own file does not use: migrate/codemod/reuse_hosts.py may share their
        module between `path`'s hosts. Only asked for files that pass `reuse=True`."""
        s = self.summaries[path]
        if "reuse=True" not in s.source:
            return frozenset()
        if path in self._private:  # (asked on every analysis of the file; its inputs are fixed)
            return self._private[path]
        self.words_elsewhere(path)  # (fills the word index)
        out = set()
        for spelling, (target, name) in self.reachable.get(path, {}).items():
            owner = self.summaries.get(target)
            if owner is None or target == path or name not in owner.defs or "." in name:
                continue
            if any(name in words for other, words in self._words.items() if other not in (path, target)):
                continue
            if name in self._names_used(target):
                continue  # its own file calls it (or passes it on)
            out.add(spelling)
        self._private[path] = frozenset(out)
        return self._private[path]

    def _names_used(self, path: Path) -> frozenset[str]:
        """Every name and attribute `path`'s own code spells (one walk per file: private_externals
        asks it for each name a star import makes reachable)."""
        used = self._used.get(path)
        if used is None:
            used = self._used[path] = frozenset(
                n.id if isinstance(n, ast.Name) else n.attr
                for n in ast.walk(self.summaries[path].tree) if isinstance(n, (ast.Name, ast.Attribute)))
        return used

    def resolve_name(self, path: Path, name: str, depth: int = 0) -> Node | None:
        """The function `name` denotes in `path`'s namespace (following re-exports)."""
        return self._resolve(path, name, lambda s, n: n in s.defs, depth)

    def resolve_class(self, path: Path, name: str, depth: int = 0) -> Node | None:
        """The class `name` denotes in `path`'s namespace (following re-exports)."""
        return self._resolve(path, name, lambda s, n: n in s.classes, depth)

    def _resolve(self, path: Path, name: str, defines, depth: int) -> Node | None:
        """Where `name` comes from in `path`: defined there, imported by name, or through a star
        import (public names only), at most 8 re-exports deep."""
        s = self.summaries.get(path)
        if s is None or depth > 8:
            return None
        if defines(s, name):
            return (path, name)
        for b in s.bindings:
            if b.kind == "name" and b.local == name:
                return self._resolve(b.target, b.remote, defines, depth + 1)
        if name.startswith("_"):
            return None
        for b in s.bindings:
            if b.kind == "star":
                found = self._resolve(b.target, name, defines, depth + 1)
                if found is not None:
                    return found
        return None

    def creating_classes(self, s: Summary) -> dict[str, Node]:
        """Other files' classes whose methods create variables that `s` reads (constructs or
        calls): classes are not converted across files, so what uses them stays."""
        out: dict[str, Node] = {}
        for name in s.loaded:
            head, _, attr = name.partition(".")
            if attr:
                b = next((b for b in s.bindings if b.kind == "module" and b.local == head), None)
                node = self.resolve_class(b.target, attr) if b is not None else None
            elif name in s.classes or name in s.defs:
                continue
            else:
                node = self.resolve_class(s.path, name)
            if node is None or node[0] == s.path:
                continue
            if self.creating_methods(node):
                out[name] = node
        return out

    def creating_methods(self, cls: Node) -> list[Node]:
        """The methods of class `cls` that create variables."""
        path, name = cls
        return [(path, q) for q in sorted(self.summaries[path].creators) if q.startswith(f"{name}.")]

    def foreign_classes(self, s: Summary,
                        blocked: dict[Node, str] | None = None) -> dict[str, tuple[Node, bool]]:
        """Other files' classes with converting methods that `s` uses, as `s` spells them, and
        whether their constructor converts too. Without `blocked` (pass 1): every such class."""
        out: dict[str, tuple[Node, bool]] = {}
        for name, node in self.creating_classes(s).items():
            methods = self.creating_methods(node)
            if blocked is not None and any(m in blocked for m in methods):
                continue
            out[name] = (node, (node[0], f"{node[1]}.__init__") in methods)
        return out

    def class_name(self, node: Node) -> str:
        """The class a converted top-level function becomes in its own file: its name in
        CamelCase, numbered past the layer library's classes the file uses (bert's
        `def layer_norm` next to contrib's layer_norm becomes `LayerNorm_2`), as the emit
        stage's allocator numbers it."""
        from migrate.codemod.creators import library_closure, library_names
        from migrate.codemod.naming import NameAllocator

        base = class_name_for(node[1])
        implicit = {e.class_ref for e in (self.summaries[node[0]]._implicit or ())}
        taken = set(library_closure(implicit & set(library_names())))
        if base == node[1] and node in self.kept:
            taken.add(base)  # `def GeneratorCNN` stays beside its class: `class GeneratorCNN_2`
        return NameAllocator(set(taken)).take(base) if base in taken else base

    def depends_on(self, path: Path) -> set[Node]:
        """Other files' creators whose conversion this file's own rewrite must follow."""
        s = self.summaries.get(path)
        if s is None:
            return set()
        out = {n for n in self.reachable.get(path, {}).values() if n[1] in self.summaries[n[0]].creators}
        for b in s.bindings:
            if b.kind == "name":
                node = self.resolve_name(b.target, b.remote)
                if node is not None and node[1] in self.summaries[node[0]].creators:
                    out.add(node)
        return {n for n in out if n[0] != path}

    def known_plain(self, s: Summary) -> tuple[str, ...]:
        """Names `s` imports from the run's own files that create no variables when called."""
        out = []
        for name, node in self.reachable.get(s.path, {}).items():
            if node[1] not in self.summaries[node[0]].creators:  # (`utils.helper` too)
                out.append(name)
        for b in s.bindings:
            target = self.summaries.get(b.target)
            if target is None:
                out.extend(self._plain_file_names(b))
                continue
            if b.kind == "star":
                out.extend(n for n in target.plain_nested if not n.startswith("_"))
            elif b.kind == "name" and b.remote in target.plain_nested:
                out.append(b.local)
            elif b.kind == "module":  # `utils.Config(...)`, `utils.helper(...)` (a nested plain def)
                out.extend(f"{b.local}.{n}" for n in target.plain_nested)
                out.extend(f"{b.local}.{c}" for c in target.classes
                           if not any(q.startswith(f"{c}.") for q in target.creators))
        for b in s.bindings:
            if b.kind == "name":
                cls = self.resolve_class(b.target, b.remote)
                if cls is not None and not any(q.startswith(f"{cls[1]}.") for q in self.summaries[cls[0]].creators):
                    out.append(b.local)
        return tuple(sorted(set(out)))

    def _plain_file_names(self, b: Binding) -> list[str]:
        """What a binding takes from a run's file with no TF code that imports none of the run's
        modules (tacotron's `from util.infolog import log`): nothing it defines can create a
        variable, so a scope around its calls can be modelled."""
        source = self.plain_sources.get(b.target)
        if source is None:
            return []
        defined = _TOP_LEVEL_DEF.findall(source)
        if b.kind == "name":
            return [b.local] if b.remote in defined else []
        if b.kind == "module":
            return [f"{b.local}.{n}" for n in defined]
        return [n for n in defined if not n.startswith("_")]  # (star)

    def star_exports(self, path: Path, depth: int = 0) -> dict[str, Node]:
        """Functions `from path import *` brings: public defs, re-exports, nested star imports."""
        cached = self._stars.get(path)
        if cached is not None:
            return cached
        out = self._star_exports(path, depth)
        if depth == 0:
            self._stars[path] = out
        return out

    def _star_exports(self, path: Path, depth: int) -> dict[str, Node]:
        s = self.summaries.get(path)
        if s is None or depth > 8:
            return {}
        out: dict[str, Node] = {}
        for b in s.bindings:
            if b.kind == "star":
                out.update(self.star_exports(b.target, depth + 1))
        for b in s.bindings:
            if b.kind == "name" and not b.local.startswith("_"):
                found = self.resolve_name(b.target, b.remote, depth + 1)
                if found is not None:
                    out[b.local] = found
        for name in s.defs:
            if not name.startswith("_"):
                out[name] = (path, name)
        return out

    def star_tf_names(self, path: Path, depth: int = 0) -> dict[str, str]:
        s = self.summaries.get(path)
        if s is None or depth > 8:
            return {}
        out: dict[str, str] = {}
        for b in s.bindings:
            if b.kind == "star":
                out.update(self.star_tf_names(b.target, depth + 1))
        out.update({k: v for k, v in s.tf.aliases.items() if not k.startswith("_")})
        return out


def _reachable(project: Project, s: Summary) -> dict[str, Node]:
    out: dict[str, Node] = {}
    for b in s.bindings:
        if b.kind == "star":
            for name, node in project.star_exports(b.target).items():
                if name not in s.defs:
                    out.setdefault(name, node)
    for b in s.bindings:
        if b.kind == "name":
            node = project.resolve_name(b.target, b.remote)
            if node is not None:
                out[b.local] = node
        elif b.kind == "module":
            target = project.summaries.get(b.target)
            if target is not None:
                # `import pkg; pkg.fc(...)`: what pkg/__init__.py re-exports is an attribute too
                for name, node in project.star_exports(b.target).items():
                    out.setdefault(f"{b.local}.{name}", node)
                for name in target.defs:
                    out[f"{b.local}.{name}"] = (b.target, name)
    return out


# ---------------------------------------------------------------- the plan


@dataclass
class ProjectPlan:
    files: dict[Path, FilePlan]
    converted: dict[Path, frozenset[str]]  # local qualnames each file is expected to convert
    cross_file: set[Path]  # files whose conversion depends on another file's (checked by a trial)
    blocked: dict[Node, tuple[str, str]] = field(default_factory=dict)  # extra blocks found by trials

    def plan_for(self, path: Path) -> FilePlan | None:
        return self.files.get(path)


def build_project(sources: dict[Path, str], outside: dict[Path, str] | None = None,
                  shared_support: frozenset[Path] = frozenset(), jobs: int = 1) -> Project:
    """`outside`: Python files of the same repository that are not part of the run; what they
    import from the run's files (by the text index) stays as it is. `shared_support`: files whose
    generated support code goes to their directory's module (migrate/support_module.py).
    `jobs`: the planning texts' pool (migrate/planning_texts.py)."""
    files = set(sources)
    root = display_root = _common_root(files)
    while (root / "__init__.py").is_file() and root.parent != root:
        root = root.parent  # a run inside a package: `from pkg.sub import mod` resolves from above it
    _RESOLVED.clear()
    summaries: dict[Path, Summary] = {}
    unparsable: dict[Path, str] = {}
    plain: dict[Path, str] = {}
    stems = {p.parent.name if p.name == "__init__.py" else p.stem for p in files}
    planned: list[Path] = []
    for path, source in sources.items():
        if "tensorflow" not in source and not _imports_a_stem(source, stems):
            plain[path] = source  # (read only for the decorators it may define: _foreign_decorators)
            continue  # neither TF code nor a user of the run's modules: nothing to plan
        planned.append(path)
    texts = planning_texts(planned, sources, outside, jobs)
    for path in planned:
        source, text = sources[path], texts[path]
        s = summarise(path, text.text, files, root)
        if s is None:
            unparsable[path] = source
        else:
            s.moved_defs = text.moved
            s.static_planned = "staticmethod" in source or "classmethod" in source
            s.aliases = text.aliases
            summaries[path] = s
    pins = _pins_from_text(unparsable, files)
    for path, names in _local_import_pins(summaries, files, root).items():
        pins[path] = pins.get(path, frozenset()) | names
    if outside:
        for path, names in _outside_pins(outside, files).items():
            pins[path] = pins.get(path, frozenset()) | names
    project = Project(summaries, pins, root, display_root, shared_support=shared_support, plain_sources=plain)
    _pin_re_exports(project)
    for path, s in summaries.items():
        project.reachable[path] = _reachable(project, s)
        if any(b.kind == "star" for b in s.bindings):
            inherited = {k: v for k, v in project.star_tf_names(path).items() if k not in s.tf.aliases}
            if inherited:
                project.tf_inherited[path] = tuple(sorted(inherited.items()))
    _find_creators(project)
    return project


_TOP_LEVEL_DEF = re.compile(r"^(?:async[ \t]+)?(?:def|class)[ \t]+(\w+)", re.M)
_IMPORT_LINE = re.compile(r"^[ \t]*(?:from[ \t]+([.\w]+)[ \t]+import[ \t]+([^\n#;]+)|import[ \t]+([^\n#;]+))", re.M)


def _pin_re_exports(project: Project) -> None:
    """A pinned name a package's `__init__.py` only re-exports (`import nets; nets.resnet_small`
    from a file outside the run) pins the def it comes from, whose module would lose it."""
    for path, names in list(project.pins.items()):
        s = project.summaries.get(path)
        if s is None:
            continue
        wanted = set(project.star_exports(path)) if _STAR in names else set(names)
        for name in sorted(wanted - set(s.defs)):
            node = project.resolve_name(path, name)
            if node is not None and node[0] != path:
                project.pins[node[0]] = project.pins.get(node[0], frozenset()) | {node[1]}


def _imports_a_stem(source: str, stems: set[str]) -> bool:
    if "import" not in source:
        return False
    for module, names, plain in _IMPORT_LINE.findall(source):
        words = re.findall(r"\w+", f"{module} {names} {plain}")
        if any(w in stems for w in words):
            return True
    return False


def _common_root(files: Collection[Path]) -> Path:
    parents = [p.parent for p in files]
    if not parents:
        return Path(".")
    root = parents[0]
    for p in parents[1:]:
        while root != p and root not in p.parents:
            root = root.parent
    return root


def _analyse(project: Project, s: Summary, externals: tuple[ExternalCallee, ...],
             forced: tuple[tuple[str, str, str], ...] = ()) -> FileAnalysis:
    tf = s.tf
    inherited = project.tf_inherited.get(s.path)
    if inherited:
        from migrate.codemod.convert import _inherit_tf_names

        tf = TfNames(dict(s.tf.aliases), s.tf.tf_alias, s.tf.tf_alias_is_v1)
        _inherit_tf_names(tf, FilePlan(tf_aliases=inherited))
    if s._implicit is None:
        s._implicit = implicit_creators(s.tree, tf, s.path in project.shared_support) \
            if _CREATOR_HINT.search(s.source) else ()
    externals = externals + s._implicit
    foreign = project.foreign_classes(s)
    inputs = (project.pins.get(s.path, frozenset()), externals, forced, frozenset(project.known_plain(s)),
              frozenset(foreign), frozenset(n for n, (_, rerun) in foreign.items() if rerun),
              _foreign_decorators(project, s), project.words_elsewhere(s.path), project.private_externals(s.path))
    if s.analysis is not None and s.analysed_with == inputs:
        # (_find_creators re-analyses every importer of a file whose creators grew; many see
        # the same inputs again: analyse_module is a pure function of the tree and these)
        return s.analysis
    analysis = analyse_module(s.tree, tf, *inputs)
    s.analysed_with = inputs
    return analysis


def _foreign_decorators(project: Project, s: Summary) -> tuple[tuple[str, str, str], ...]:
    """Verdicts on the decorators s takes from the run's other files (codemod/decorators.py)."""
    if "@" not in s.source or not s.bindings:
        return ()
    reach = project.reachable.get(s.path, {})
    names = {b.local: (b.target, b.remote) for b in s.bindings if b.kind == "name"}
    modules = {b.local: b.target for b in s.bindings if b.kind == "module"}

    def locate(spelling: str) -> Node | None:
        head, _, attr = spelling.rpartition(".")
        return reach.get(spelling) or names.get(spelling) or (
            (modules[head], attr) if head in modules else None)

    def definition(path: Path):
        t = project.summaries.get(path)
        if t is not None:
            return t.tree, t.tf
        source = project.plain_sources.get(path)  # (a file with no TF code: a registry module)
        try:
            tree = astparse.parse(source) if source is not None and "def " in source else None
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return None
        return (tree, collect_tf_names(tree)) if tree is not None else None
    return foreign_verdicts(s.tree, locate, definition)


_CREATOR_HINT = re.compile(r"get_variable|variable_scope|Variable\b|layers|slim|contrib|rnn|make_template|keras")


def _relevant(s: Summary, project: Project) -> bool:
    """Files that may create variables: TF names and a creator's spelling, or calls into the run."""
    if project.reachable.get(s.path):
        return True
    return bool(s.tf.aliases or project.tf_inherited.get(s.path)) and bool(_CREATOR_HINT.search(s.source))


def _externals(project: Project, s: Summary, blocked: dict[Node, str] | None = None,
               kept: Collection[Node] = frozenset()) -> tuple[ExternalCallee, ...]:
    out = []
    for spelling, (target, name) in sorted(project.reachable.get(s.path, {}).items()):
        t = project.summaries[target]
        if name not in t.creators or target == s.path:
            continue
        callee = _callee(project, s, spelling, target, name, (blocked or {}).get((target, name)))
        if (target, name) in kept:
            callee = dataclasses.replace(callee, kept_tf1=True)
        out.append(callee)
    return tuple(out)


def _callee(project: Project, s: Summary, spelling: str, target: Path, name: str, reason: str | None) -> ExternalCallee:
    t = project.summaries[target]
    fn = t.defs[name]
    class_name = project.class_name((target, name))
    if "." in spelling:
        class_ref = f"{spelling.rsplit('.', 1)[0]}.{class_name}"
    else:
        local_alias = next((b for b in s.bindings if b.kind == "name" and b.local == spelling), None)
        class_ref = class_name_for(spelling) if local_alias is not None and local_alias.local != local_alias.remote \
            else class_name
    tf_aliases = dict(project.tf_inherited.get(target, ()))
    tf_aliases.update(t.tf.aliases)
    analysis = t.analysis
    return ExternalCallee(
        spelling=spelling,
        origin=f"{_display(target, project.display_root)}:{fn.lineno}",
        function=name,
        source=_segment(t, fn),
        class_ref=class_ref,
        tf_aliases=tuple(sorted(tf_aliases.items())),
        # (and the other files' creators it calls, as it spells them: `conv2d` after `from ops
        # import *`, `ops.conv2d`; else a scope holding only those looks empty to the caller)
        callee_creators=tuple(sorted({q for q in t.creators if "." not in q} | {
            sp for sp, node in project.reachable.get(target, {}).items()
            if node[0] != target and node[1] in project.summaries[node[0]].creators})),
        creates_tf_variable=analysis is not None and name in analysis.tf_variable_creators,
        blocked_reason=reason,
    )


def _subclasses(s: Summary, foreign: tuple[tuple[str, bool], ...]) -> bool:
    """A class of `s` derives from another file's converting class: its scopes around the inherited
    methods need their TF1 names (migrate/codemod/inherited_scopes.py)."""
    names = {n for n, _ in foreign}
    return any(isinstance(c, ast.ClassDef) and any(ast.unparse(b) in names for b in c.bases) for c in s.tree.body)


def _segment(s: Summary, fn: ast.FunctionDef | ast.AsyncFunctionDef) -> str:
    """The `def` statement's text (ast.get_source_segment splits the whole file on every call)."""
    if s.lines is None:
        s.lines = s.source.splitlines(keepends=True)
    start = fn.lineno - 1
    text = "".join(s.lines[start:fn.end_lineno])
    return text[fn.col_offset:] if fn.col_offset else text


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _find_creators(project: Project) -> None:
    """Creators through other files: analyse, then re-analyse the importers of every file whose
    creators grew, until nothing changes."""
    importers: dict[Path, set[Path]] = defaultdict(set)
    for path, reach in project.reachable.items():
        for target, _ in reach.values():
            importers[target].add(path)
    dirty = [p for p, s in project.summaries.items() if _relevant(s, project)]
    rounds = 0
    while dirty and rounds < 50:
        rounds += 1
        next_dirty: set[Path] = set()
        for path in sorted(dirty):
            s = project.summaries[path]
            s.analysis = _analyse(project, s, _externals(project, s))
            creators = {q for q in s.analysis.creators if s.analysis.functions[q].external is None}
            if creators != s.creators:
                s.creators = creators
                next_dirty |= importers.get(path, set())
        dirty = sorted(next_dirty)


def link(project: Project, extra_blocks: dict[Node, tuple[str, str]] | None = None,
         untouched: Collection[Path] = frozenset()) -> ProjectPlan:
    """Components over all files; blocked components stay TF1 in every file they touch.
    `untouched`: files a trial could not migrate (left as they are): what they call of other
    files stays callable by its old name, as for a file that does not parse."""
    extra_blocks = dict(extra_blocks or {})
    for path in sorted(untouched):
        s = project.summaries.get(path)
        why = untouched.get(path) if isinstance(untouched, dict) else ""  # the trial's error (plan_run.py)
        for q in sorted(s.creators if s is not None else ()):
            extra_blocks.setdefault((path, q), ("unconvertible-callee", f"{q} left unchanged: its file could not "
                                                f"be migrated ({why or 'see its error'})"))
    edges: dict[Node, set[Node]] = defaultdict(set)
    blockers: dict[Node, list[tuple[str, str, str]]] = defaultdict(list)  # (code, message, where)
    cross_nodes: set[Node] = set()
    own: set[Node] = set()  # nodes whose own file refuses them (it reports why)
    helper_callers: dict[Node, set[Node]] = defaultdict(set)  # another file's function -> its callers
    pinned: dict[Node, tuple[str, str, str]] = {}  # imported by a file the run cannot rewrite
    class_users: dict[Node, set[Node]] = defaultdict(set)  # a user of another file's class -> its methods
    host_users: dict[Node, set[Path]] = defaultdict(set)  # helper -> files whose hosts / module level call it
    for path, s in project.summaries.items():
        a = s.analysis
        if a is None:
            continue
        display = _display(path, project.display_root)
        for q in s.creators:
            node = (path, q)
            edges[node]
            info = a.functions[q]
            for d in info.blockers:
                if d.code == "imported-elsewhere" and len(info.blockers) == 1:
                    pinned[node] = (d.code, d.message, f"{display}:{d.line}")  # decided with its users
                elif d.code != "unconvertible-callee" or "stays TF1" not in d.message:
                    blockers[node].append((d.code, d.message, f"{display}:{d.line}"))
                    own.add(node)
            if q in a.kept_by_decorator:  # a registry's or wrapper's users call the def (codemod/decorators.py)
                pinned.setdefault(node, ("kept-tf1", a.kept_by_decorator[q], f"{display}:{info.line}"))
            for other in info.calls | a.extra_edges.get(q, set()):
                callee = a.functions.get(other)
                if callee is None or other not in a.creators:
                    continue
                if callee.external is not None and callee.external.implicit:
                    continue  # a library layer: nothing to link
                if callee.external is not None:
                    target = project.reachable[path][other]
                    cross_nodes |= {node, target}
                    if "." not in target[1]:
                        # Another file's helper is built once per call site: its callers share
                        # nothing through it. It converts if it can; each caller needs it to.
                        helper_callers[target].add(node)
                        edges[target]
                        continue
                    edges[node].add(target)
                    edges[target].add(node)
                else:
                    edges[node].add((path, other))
                    edges[(path, other)].add(node)
        # another file's model class built under a reusing / initializing scope (the PTB
        # tutorial's train and valid models): its constructor stays TF1 (constructed_under_scopes.py)
        rerunning = {name: node for name, (node, rerun) in project.foreign_classes(s).items() if rerun}
        for built in constructions_under_scope_settings(s.tree, s.tf, set(rerunning)):
            node = rerunning[built.spelling]
            blockers[(node[0], f"{node[1]}.__init__")].append(
                ("unsupported-scope", constructed_message(built, f"{display}:"), f"{display}:{built.line}"))
        for spelling, info in a.functions.items():
            if info.external is not None and info.external.implicit:
                continue
            if info.external is not None and info.blockers and spelling in a.creators:
                target = project.reachable[path][spelling]
                for d in info.blockers:
                    if "stays TF1" not in d.message:  # no line: the call site is not a place in that file
                        blockers[target].append((d.code, d.message, f"{display}:{d.line}" if d.line else display))
        # Hosts and the module level call other files' creators too: they depend on them.
        if path in untouched:
            why = untouched.get(path) if isinstance(untouched, dict) else ""
            for node in sorted(project.depends_on(path)):
                if "." not in node[1]:  # (a class of another file stays usable as it is)
                    pinned.setdefault(node, ("unconvertible-callee", f"{_display(path, project.display_root)} could not be "
                                             f"migrated{f' ({why})' if why else ''} and still calls it", display))
            continue
        for spelling, info in a.functions.items():
            if info.external is not None and not info.external.implicit and spelling in a.converted:
                cross_nodes.add(project.reachable[path][spelling])
                if any(spelling in f.calls for q, f in a.functions.items() if f.external is None and q not in a.creators) \
                        or (a.script_creates and spelling in s.loaded):
                    host_users[project.reachable[path][spelling]].add(path)  # a host's or the script's call
    for path, s in project.summaries.items():
        if s.analysis is None or not s.creators:
            continue  # a driver that only builds and calls model objects keeps their public API
        # A class of another file whose methods create variables: its methods and this file's
        # variable code convert together, or not at all (the users build and call its objects).
        # (A dependency, not a link: TF1 code that stays builds and calls the converted class as
        # before, through its delegating methods; a refused class refuses its users.)
        for name, cls in sorted(project.creating_classes(s).items()):
            methods = project.creating_methods(cls)
            for q in s.creators:
                class_users[(path, q)].update(methods)
                cross_nodes.add((path, q))
            cross_nodes.update(methods)
    for node, (code, message) in extra_blocks.items():
        blockers[node].append((code, message, _display(node[0], project.display_root)))
    _class_name_clashes(project, blockers)

    component_reason: dict[Node, str] = {}
    component_of: dict[Node, frozenset[Node]] = {}
    for start in sorted(edges):
        if start in component_of:
            continue
        comp, stack = set(), [start]
        while stack:
            n = stack.pop()
            if n not in comp:
                comp.add(n)
                stack.extend(edges[n] - comp)
        for n in comp:
            component_of[n] = frozenset(comp)
        reasons = [(n, b) for n in sorted(comp) for b in blockers.get(n, [])]
        if reasons:
            (bnode, (code, message, where)) = reasons[0]
            text = f"{code} at {where}: {message}"
            for n in comp:
                component_reason[n] = text
    kept = _settle_helpers(project, helper_callers, host_users, component_of, component_reason, pinned,
                           class_users)

    files: dict[Path, FilePlan] = {}
    converted: dict[Path, frozenset[str]] = {}
    cross_file: set[Path] = set()
    for path, s in project.summaries.items():
        if s.analysis is None:
            continue
        local_blocked = {q: r for (p, q), r in component_reason.items() if p == path}
        externals = _externals(project, s, {n: r for n, r in component_reason.items()}, kept)
        if path in untouched:  # it stays as it is: its hosts call the defs kept for it (pinned), not classes
            externals = tuple(dataclasses.replace(e, blocked_reason=e.blocked_reason or "its def is kept for "
                                                  "this file, which stays as it is") for e in externals)
        forced = []
        for q, reason in sorted(local_blocked.items()):
            node = (path, q)
            own_kept = next((m for c, m, _ in blockers.get(node, ()) if c == "kept-tf1"), None)
            if node in extra_blocks:
                forced.append((q, *extra_blocks[node]))
            elif own_kept is not None:
                forced.append((q, "kept-tf1", own_kept))
            elif node not in own:
                forced.append((q, "unconvertible-callee", f"{q} left unchanged: it shares variables with code "
                                                         f"that cannot be converted ({reason})"))
        renames = _import_renames(project, s, component_reason, kept,
                                  *_helper_users(path, helper_callers, host_users, component_reason, kept))
        foreign = tuple(sorted((n, rerun) for n, (_, rerun) in project.foreign_classes(s, component_reason).items()))
        plan = FilePlan(externals=externals, forced_blocks=tuple(forced), import_renames=renames,
                        kept_tf1=tuple(sorted(q for p, q in kept if p == path)),
                        kept_why=tuple(sorted((q, project.kept_why.get((p, q), '')) for p, q in kept if p == path)),
                        foreign_classes=foreign if s.creators or _subclasses(s, foreign) else (),
                        tf_aliases=project.tf_inherited.get(path, ()),
                        exported=tuple(sorted(q for q in s.creators if (path, q) in cross_nodes)),
                        known_plain=project.known_plain(s),
                        decorators=_foreign_decorators(project, s) if s.creators else (),
                        used_elsewhere=tuple(sorted(project.words_elsewhere(path))) if s.creators else (),
                        private_externals=tuple(sorted(project.private_externals(path))),
                        # the moved nested defs that create variables stay moved; the others go back
                        moved_defs=tuple(sorted(s.moved_defs & s.creators))
                        if s.moved_defs or s.static_planned else None,
                        aliases=s.aliases)
        if not plan.empty:
            files[path] = plan
        converted[path] = frozenset(q for q in s.creators if (path, q) not in component_reason)
        # only what is planned to convert needs the trial: refused components change nothing
        if any((path, q) in cross_nodes and (path, q) not in component_reason for q in s.creators) or renames \
                or any(e.blocked_reason is None for e in externals):
            cross_file.add(path)
    return ProjectPlan(files, converted, cross_file)


def _settle_helpers(project: Project, helper_callers: dict[Node, set[Node]], host_users: dict[Node, set[Path]],
                    component_of: dict[Node, frozenset[Node]], component_reason: dict[Node, str],
                    pinned: dict[Node, tuple[str, str, str]],
                    class_users: dict[Node, set[Node]]) -> set[Node]:
    """Decide other files' helpers against their callers (a call is a dependency, not sharing):
    a caller of a refused helper is refused; a helper some callers of which stay TF1 becomes its
    class AND keeps its TF1 def (returned, closed over the defs it calls) for them (a second run
    finds the class and leaves the def). A function a file the run cannot rewrite imports
    (`pinned`) is such a helper with one TF1 caller."""
    def block(node: Node, text: str) -> None:
        for n in component_of.get(node, frozenset({node})):
            component_reason.setdefault(n, text)

    _settle_callers(project, helper_callers, host_users, component_reason, block, class_users)
    project.kept, project.kept_why = _kept_defs(project, helper_callers, component_reason, pinned)
    return project.kept


def _settle_callers(project: Project, helper_callers: dict[Node, set[Node]], host_users: dict[Node, set[Path]],
                    component_reason: dict[Node, str], block, class_users: dict[Node, set[Node]]) -> None:
    changed = True
    while changed:
        changed = False
        for user, methods in sorted(class_users.items()):
            refused = sorted(m for m in methods if m in component_reason)
            if refused and user not in component_reason:
                block(user, component_reason[refused[0]])
                changed = True
        for helper, callers in sorted(helper_callers.items()):
            for caller in sorted(callers):
                if helper in component_reason and caller not in component_reason:
                    block(caller, component_reason[helper])
                    changed = True


def _kept_defs(project: Project, helper_callers: dict[Node, set[Node]], component_reason: dict[Node, str],
               pinned: dict[Node, tuple[str, str, str]]) -> tuple[set[Node], dict[Node, str]]:
    """Converting functions whose TF1 def stays: used by TF1 code, closed over the defs they call;
    with, for each, the TF1 code that still calls it and why that code stays (its report line: the
    calls left in the kept def are explained where they are, not only in the caller's file)."""
    kept: set[Node] = set()
    why: dict[Node, str] = {}
    stack: list[tuple[Node, str]] = []
    for h, callers in sorted(helper_callers.items()):
        tf1 = sorted(c for c in callers if c in component_reason)
        if h not in component_reason and tf1:
            c = tf1[0]
            more = f" (and {len(tf1) - 1} more)" if len(tf1) > 1 else ""
            stack.append((h, f"{c[1]} in {_display(c[0], project.display_root)}{more} stays TF1: {component_reason[c]}"))
    stack += [(n, f"{code} at {where}: {message}") for n, (code, message, where) in sorted(pinned.items())
              if n not in component_reason]
    stack.reverse()  # (popped in order: the first caller's reason wins)
    while stack:
        node, reason = stack.pop()
        if node in kept:
            continue
        kept.add(node)
        why[node] = reason
        path, q = node
        analysis = project.summaries[path].analysis
        info = analysis.functions.get(q) if analysis is not None else None
        for other in sorted(info.calls if info is not None else set(), reverse=True):
            callee = analysis.functions.get(other)
            if other not in analysis.creators or callee is None or (callee.external is not None and callee.external.implicit):
                continue
            # the TF1 def calls its own file's defs and other files' helpers by their old names
            target = project.reachable[path][other] if callee.external is not None else (path, other)
            stack.append((target, f"the kept TF1 def {q} ({_display(path, project.display_root)}) calls it"))
    return kept, why


def _helper_users(path: Path, helper_callers: dict[Node, set[Node]], host_users: dict[Node, set[Path]],
                  component_reason: dict[Node, str], kept: Collection[Node] = frozenset()) -> tuple[set[Node], set[Node]]:
    """Other files' helpers this file calls from code that stays TF1 (by the old def's name: also
    a converted caller's def that stays beside its class), and from code that converts (by the
    class's)."""
    tf1 = {h for h, callers in helper_callers.items()
           if any(c[0] == path and (c in component_reason or c in kept) for c in callers)}
    converted = {h for h, callers in helper_callers.items()
                 if any(c[0] == path and c not in component_reason for c in callers)}
    return tf1, converted | {h for h, files in host_users.items() if path in files}


def _import_renames(project: Project, s: Summary, component_reason: dict[Node, str],
                    kept: Collection[Node] = frozenset(), still_called: Collection[Node] = frozenset(),
                    newly_called: Collection[Node] = frozenset()) -> tuple[tuple[str, str], ...]:
    """(old, new) for `from M import old`. A helper whose TF1 def stays (`kept`): the old name
    alone where only this file's TF1 code calls it, the class alone where only converted code
    does, else (both, or a re-export) both, as (old, "+New")."""
    out: list[tuple[str, str]] = []
    for b in s.bindings:
        if b.kind != "name":
            continue
        node = project.resolve_name(b.target, b.remote)
        if node is None or node in component_reason or node[1] not in project.summaries[node[0]].creators:
            continue
        both = node in kept and not (node in newly_called and node not in still_called)
        if both and node in still_called and node not in newly_called:
            continue  # only this file's TF1 code uses it: the old name alone
        new = project.class_name(node) if b.remote == node[1] else class_name_for(b.remote)
        out.append((b.remote, f"+{new}" if both else new))
        if b.local != b.remote:
            alias = class_name_for(b.local)
            out.append((f"as {b.local}", f"+{alias}" if both else alias))
    return tuple(out)


def _class_name_clashes(project: Project, blockers: dict[Node, list[tuple[str, str, str]]]) -> None:
    """A generated class name must be free in its own file and wherever it is imported by name."""
    for path, s in project.summaries.items():
        for q in s.creators:
            if "." in q:
                continue
            cls = class_name_for(q)
            # (`def GeneratorCNN`: its class takes its name, unless its TF1 def must stay: _settle_helpers)
            if (cls in s.classes and cls != q) or (cls == q and f"{cls}_2" in s.classes):
                cls = cls if cls != q else f"{cls}_2"
                blockers[(path, q)].append(("kept-tf1", f"{q} stays as it is: class {cls} is already defined in this "
                                            "file (by an earlier run that kept this def for callers that stay TF1)",
                                            _display(path, project.display_root)))
            elif cls in s.names - {q} or sum(1 for other in s.creators if "." not in other and class_name_for(other) == cls) > 1:
                blockers[(path, q)].append(("unsupported-call", f"class name {cls} is taken in its file",
                                            _display(path, project.display_root)))
    for path, reach in project.reachable.items():
        s = project.summaries[path]
        for spelling, node in reach.items():
            if "." in spelling or node[1] not in project.summaries[node[0]].creators:
                continue
            cls = class_name_for(spelling)
            if cls in s.names - {spelling} and cls not in s.defs:
                blockers[node].append(("unsupported-call", f"class name {cls} clashes with a name of an importer",
                                       _display(path, project.display_root)))
            elif cls in s.defs:
                blockers[node].append(("unsupported-call", f"class name {cls} clashes with a name of an importer",
                                       _display(path, project.display_root)))


# ---------------------------------------------------------------- files that do not parse


def _attribute_uses(source: str, alias: str) -> list[str]:
    """`alias.attr` spellings in the text: what a file uses of a module it imported as `alias`."""
    return re.findall(rf"(?<![\w.]){re.escape(alias)}\.(\w+)", source)


def _module_key(module: str) -> str:
    return module.rstrip(".").rsplit(".", 1)[-1] if module.strip(".") else ""


def imports_of(source: str, local: Collection[str] | None = None) -> dict[str, set[str]]:
    """{module last component: names used from it} for one file ("*" for star imports), from the
    text alone (for files that do not parse)."""
    used: dict[str, set[str]] = defaultdict(set)
    for module, names in _FROM.findall(source):
        key = _module_key(module)
        for part in names.strip("() \t\n").split(","):
            name = part.strip().split(" as ")[0].strip()
            if not name:
                continue
            if key:
                used[key].add(name)
                if local is not None and name in local:  # `from pkg import ops`, then `ops.f(...)`
                    alias = part.strip().split(" as ")[-1].strip()
                    used[name].update(_attribute_uses(source, alias))
            else:  # `from . import ops`: the module itself is a name
                used[name].add(_STAR)
    for clause in _IMPORT.findall(source):
        for part in clause.split(","):
            words = part.strip().split()
            if not words:
                continue
            module = words[0]
            alias = words[2] if len(words) == 3 and words[1] == "as" else module
            key = _module_key(module)
            if local is not None and key not in local:
                continue
            for attr in _attribute_uses(source, alias):
                used[key].add(attr)
    return used


def _pins_from_text(unparsable: dict[Path, str], files: Collection[Path]) -> dict[Path, frozenset[str]]:
    by_stem: dict[str, list[Path]] = defaultdict(list)
    for path in files:
        stem = path.parent.name if path.name == "__init__.py" else path.stem
        by_stem[stem].append(path)
    pinned: dict[Path, set[str]] = defaultdict(set)
    for path, source in unparsable.items():
        if "import" not in source:
            continue
        for key, names in imports_of(source, by_stem.keys()).items():
            for target in by_stem.get(key, ()):
                if target != path:
                    pinned[target] |= names
    return {path: frozenset(names) for path, names in pinned.items()}


def _local_import_pins(summaries: dict[Path, "Summary"], files: Collection[Path],
                       root: Path) -> dict[Path, frozenset[str]]:
    """What the run's files import inside functions (`def main(): from model import build`): the
    plan does not rewrite such imports, so what they name stays importable (P's G1: the def
    disappeared under them)."""
    pinned: dict[Path, set[str]] = defaultdict(set)
    for path, s in summaries.items():
        if "import" not in s.source:
            continue
        top = set(map(id, _top_statements(s.tree.body)))
        local = [n for n in ast.walk(s.tree) if isinstance(n, (ast.Import, ast.ImportFrom)) and id(n) not in top]
        _pin_imports(path, s.source, local, files, root, pinned)
    return {path: frozenset(names) for path, names in pinned.items()}


def _pin_imports(path: Path, source: str, statements, files: Collection[Path], root: Path,
                 pinned: dict[Path, set[str]]) -> None:
    for stmt in statements:
        if isinstance(stmt, ast.Import):
            for alias in stmt.names:
                target = resolve_module(path, alias.name, 0, files, root)
                if target is not None:
                    pinned[target].update(_attribute_uses(source, alias.asname or alias.name))
        elif isinstance(stmt, ast.ImportFrom):
            module = stmt.module or ""
            base = resolve_module(path, module, stmt.level, files, root)
            for alias in stmt.names:
                sub = resolve_module(path, f"{module}.{alias.name}" if module else alias.name, stmt.level,
                                     files, root) if alias.name != _STAR else None
                if sub is not None:
                    pinned[sub].update(_attribute_uses(source, alias.asname or alias.name))
                elif base is not None:
                    pinned[base].add(alias.name)


def _outside_pins(outside: dict[Path, str], files: Collection[Path]) -> dict[Path, frozenset[str]]:
    """What files outside the run import from the run's files, resolved by path like the run's
    own imports (a stem match would pin every `ops` of the repository)."""
    root = _common_root(set(files) | set(outside))
    pinned: dict[Path, set[str]] = defaultdict(set)
    unparsable: dict[Path, str] = {}
    for path, source in outside.items():
        try:
            tree = ast.parse(source)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            unparsable[path] = source
            continue
        _pin_imports(path, source, _top_statements(tree.body), files, root, pinned)
    for path, names in _pins_from_text(unparsable, files).items():
        pinned[path] |= names
    return {path: frozenset(names) for path, names in pinned.items()}


def plan_project(sources: dict[Path, str]) -> tuple[Project, ProjectPlan]:
    project = build_project(sources)
    return project, link(project)
