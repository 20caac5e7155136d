"""`migrate explain`'s model: the module tree the codemod inferred, before anything is written.

Built only from plain data of the run (result.FileResult / ConvertedFunction: the codemod's plan
per class), rendered as text, JSON (schema: docs/explain.md) or a Mermaid diagram.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Sequence

from migrate.codemod.creators import CREATED_VARIABLES, legacy_api_label
from migrate.diagnostics import NEXT_STEPS
from migrate.result import ConvertedFunction, FileResult

SCHEMA_VERSION = 1
_MAX_DEPTH = 32  # a module tree deeper than this is a cycle in the plan, not a model


@dataclass
class Site:
    line: int
    reason: str  # "creates", or why this call resolves to the instance made earlier

    def to_json(self) -> dict[str, Any]:
        return {"line": self.line, "reason": self.reason}


@dataclass
class ModuleNode:
    class_name: str
    legacy_name: str  # the legacy function ("linear", "Model.build"), or the object's class
    line: int
    scope: str  # full TF1 scope of this instance ("" when it opens none)
    attribute: str | None = None  # in its parent; None for a root
    # "module" (a converted function) | "object" (an owner-class object) | "creator" (a tf.layers /
    # contrib / slim / RNN creator, now a layer-library class; legacy_name is its TF1 API)
    kind: str = "module"
    variables: list[tuple[str, str]] = field(default_factory=list)  # (attribute, full TF1 name)
    conditions: dict[str, str] = field(default_factory=dict)  # creator variable attr -> when TF1 made it
    note: str = ""
    submodules: list["ModuleNode"] = field(default_factory=list)
    sites: list[Site] = field(default_factory=list)

    @property
    def shared(self) -> bool:
        return len(self.sites) > 1

    def to_json(self) -> dict[str, Any]:
        return {
            "class": self.class_name,
            "legacy": self.legacy_name,
            "kind": self.kind,
            "line": self.line,
            "attribute": self.attribute,
            "scope": self.scope,
            "shared": self.shared,
            "call_sites": [s.to_json() for s in self.sites],
            "variables": [{"attribute": a, "name": n, **({"condition": self.conditions[a]} if a in self.conditions else {})}
                          for a, n in self.variables],
            **({"note": self.note} if self.note else {}),
            "submodules": [m.to_json() for m in self.submodules],
        }


@dataclass
class Refusal:
    line: int
    code: str
    message: str
    severity: str

    def to_json(self) -> dict[str, Any]:
        return {"line": self.line, "code": self.code, "severity": self.severity,
                "message": self.message, "next_step": NEXT_STEPS.get(self.code, "")}


@dataclass
class FileExplanation:
    path: str
    status: str
    reason: str
    modules: list[ModuleNode]
    refused: list[Refusal]

    def sharing(self) -> list[tuple[str, ModuleNode]]:
        """(path of attributes from the root, node) for every instance more than one site uses."""
        found: list[tuple[str, ModuleNode]] = []

        def walk(node: ModuleNode, prefix: str) -> None:
            here = f"{prefix}.{node.attribute}" if node.attribute else node.class_name
            if node.shared:
                found.append((here, node))
            for child in node.submodules:
                walk(child, here)

        for root in self.modules:
            walk(root, "")
        return found

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "status": self.status,
            "reason": self.reason,
            "modules": [m.to_json() for m in self.modules],
            "sharing": [{"module": where, "class": node.class_name, "scope": node.scope,
                         "call_sites": [s.to_json() for s in node.sites]}
                        for where, node in self.sharing()],
            "refused": [r.to_json() for r in self.refused],
        }


def join_scope(*parts: str | None) -> str:
    return "/".join(p.strip("/") for p in parts if p and p.strip("/"))


def full_name(scope: str, relative: str) -> str:
    return join_scope(scope, relative) + ":0"


def explain_file(result: FileResult) -> FileExplanation:
    functions = list(result.functions)
    by_class = {f.class_name: f for f in functions}
    used = {cls for f in functions for _, cls, _ in f.submodule_specs}
    objects = {cls for f in functions for _, cls, _ in f.submodule_specs if cls not in by_class}
    # A method of an object's class is shown inside the object, not as a root of its own.
    roots = [f for f in functions if f.class_name not in used and f.legacy_name.split(".")[0] not in objects]
    modules = [_node(f, by_class, functions, f.scope or "", None, [], 0) for f in roots]
    # info notes of implicit creators say why a layer stayed TF1 (a layer object on self, ...)
    refused = [Refusal(d.line, d.code, d.message, d.severity)
               for d in result.diagnostics if d.severity != "info" or d.code == "implicit-creator"]
    return FileExplanation(result.path, result.status, result.reason, modules, refused)


def _node(f: ConvertedFunction, by_class: dict[str, ConvertedFunction], functions: Sequence[ConvertedFunction],
          scope: str, attribute: str | None, sites: list[Site], depth: int) -> ModuleNode:
    node = ModuleNode(f.class_name, f.legacy_name, f.line, scope, attribute, sites=sites)
    node.variables = [(attr, full_name(scope, rel)) for attr, rel in f.variable_names]
    if depth >= _MAX_DEPTH:
        return node
    sites_of: dict[str, list[Site]] = {}
    for attr, line, reason in f.sites:
        sites_of.setdefault(attr, []).append(Site(line, reason))
    for attr, cls, rel in f.submodule_specs:
        child_sites = sites_of.get(attr, [])
        child = by_class.get(cls)
        if child is not None:
            # A converted callee's instance opens its own scope (rel) below ours.
            node.submodules.append(_node(child, by_class, functions, join_scope(scope, rel), attr,
                                         child_sites, depth + 1))
            continue
        api = legacy_api_label(cls)
        if api is not None:
            node.submodules.append(_creator_node(cls, api, join_scope(scope, rel), attr, child_sites))
            continue
        # An object of an ordinary class whose methods became modules (DCGAN's batch_norm).
        obj = ModuleNode(cls, cls, 0, join_scope(scope, rel), attr, kind="object", sites=child_sites)
        for method in functions:
            if method.legacy_name.startswith(f"{cls}."):
                obj.line = obj.line or method.line
                obj.variables += [(a, full_name(obj.scope, _below_object(r))) for a, r in method.variable_names]
        node.submodules.append(obj)
    return node


def _creator_node(cls: str, api: str, scope: str, attribute: str, sites: list[Site]) -> ModuleNode:
    """A tf.layers / contrib / slim / RNN creator call, now an instance of a layer-library class:
    the variables TF1 made below its scope (those made only with some arguments are marked)."""
    node = ModuleNode(cls, api, sites[0].line if sites else 0, scope, attribute, kind="creator",
                      sites=sites)
    for name, condition in CREATED_VARIABLES.get(cls, ()):
        node.variables.append((name, full_name(scope, name)))
        if condition:
            node.conditions[name] = condition
    if cls not in CREATED_VARIABLES:
        node.note = f"the variables of the cell it runs, below {scope or '(no scope)'}/"
    return node


def _below_object(relative: str) -> str:
    """An object's method names its variables below the object's own name (`self.name` in TF1,
    `owner.scope_name` once migrated); the object's scope already ends with that name."""
    head, sep, rest = relative.partition("/")
    return rest if sep and head.startswith("{owner.") else relative


def explain(results: Sequence[FileResult]) -> list[FileExplanation]:
    """Files with something to explain: converted functions or refusals."""
    out = [explain_file(r) for r in results]
    return [e for e in out if e.modules or e.refused or e.status == "error"]


# ---------------------------------------------------------------- renderers


def to_json(explained: Sequence[FileExplanation]) -> str:
    return json.dumps({"version": SCHEMA_VERSION, "files": [e.to_json() for e in explained]}, indent=2)


def _sites_text(sites: Sequence[Site]) -> str:
    return ", ".join(f"line {s.line} ({s.reason})" for s in sites)


def to_text(explained: Sequence[FileExplanation]) -> str:
    lines: list[str] = []
    for e in explained:
        status = f" [{e.status}: {e.reason}]" if e.reason else ""
        lines.append(f"{e.path}{status}")
        for root in e.modules:
            _text_node(root, lines, 1)
        shared = e.sharing()
        if shared:
            lines.append("  sharing:")
            for where, node in shared:
                lines.append(f"    {where} ({node.class_name}, scope {node.scope or '(none)'}): "
                             f"one instance for {len(node.sites)} call sites: {_sites_text(node.sites)}")
        if e.refused:
            lines.append("  refused or kept:")
            for r in e.refused:
                lines.append(f"    line {r.line}: {r.code}: {r.message}")
                if NEXT_STEPS.get(r.code):
                    lines.append(f"      next step: {NEXT_STEPS[r.code]}")
        lines.append("")
    if not explained:
        lines.append("nothing to explain: no variable-creating functions found")
    return "\n".join(lines).rstrip("\n")


def _text_node(node: ModuleNode, lines: list[str], depth: int) -> None:
    pad = "  " * depth
    head = f"{node.attribute}: {node.class_name}" if node.attribute else node.class_name
    what = {"object": "object of", "creator": "was"}.get(node.kind, "from")
    scope = f"scope {node.scope}/" if node.scope else "no scope of its own"
    line = f"{pad}{head}  ({what} {node.legacy_name}, line {node.line}; {scope})"
    if node.shared:
        line += f"  SHARED: {_sites_text(node.sites)}"
    elif node.sites:
        line += f"  called at line {node.sites[0].line}"
    lines.append(line)
    for attr, name in node.variables:
        condition = f"  ({node.conditions[attr]})" if attr in node.conditions else ""
        lines.append(f"{pad}  {attr} = {name}{condition}")
    if node.note:
        lines.append(f"{pad}  {node.note}")
    for child in node.submodules:
        _text_node(child, lines, depth + 1)


def to_mermaid(explained: Sequence[FileExplanation]) -> str:
    """`graph TD`: one node per module instance, one edge per attribute; a shared instance's
    edge says how many call sites use it and why."""
    out = ["graph TD"]
    counter = [0]

    def ident() -> str:
        counter[0] += 1
        return f"m{counter[0]}"

    def label(text: str) -> str:
        return '"' + text.replace('"', "#quot;") + '"'

    def emit(node: ModuleNode, parent: str | None) -> None:
        me = ident()
        scope = node.scope + "/" if node.scope else "(no scope)"
        n_vars = len(node.variables)
        out.append(f"  {me}[{label(f'{node.class_name}<br/>{scope}<br/>{n_vars} variable' + ('s' if n_vars != 1 else ''))}]")
        if parent is not None:
            edge = node.attribute or ""
            if node.shared:
                reasons = ", ".join(s.reason for s in node.sites if s.reason != "creates")
                edge += f" ×{len(node.sites)} shared: {reasons}"
            out.append(f"  {parent} -->|{label(edge)}| {me}")
        for child in node.submodules:
            emit(child, me)

    for e in explained:
        if not e.modules:
            continue
        out.append(f"  subgraph {ident()}[{label(e.path)}]")
        for root in e.modules:
            emit(root, None)
        out.append("  end")
    return "\n".join(out)
