"""TF1's names for unnamed layer objects kept on `self` (`self.embed = tf.layers.Dense(8)`),
decided where the text shows them, so a layer called more than once (shared weights) converts.

TF1 named an unnamed layer at its first call: `variable_scope(None, default_name="dense")` in
the scope active there, so `dense`, `dense_1`, ... in first-call order. When a method enters a
named variable scope itself (a fresh counter: TF1 restarts it whenever a named scope is left)
and the first calls of its unnamed layers run there unconditionally, their numbers are known:
the k-th layer of one default name first called there is `dense_k` (`dense` for 0). They are
written as the constructor's `name=` before migrate/codemod/layer_attributes.py judges the
class, which then converts a repeated call as the functional creator with that literal name and
`reuse=tf.AUTO_REUSE`. Not decided (the layer stays unnamed, and layer_attributes.py says why):
the first call in the caller's scope or a scope entered by a computed value, inside a branch or
loop, or a scope that holds anything else that could take such a name (a string like it, an
unnamed creator of that default name, an inline layer, a call of code the text does not show).
"""

from __future__ import annotations

import libcst as cst

from migrate.codemod import layer_inline
from migrate.diagnostics import Diagnostic


def name_unnamed_attributes(scan, tf, positions, layer_classes: dict[str, str], ctor_params,
                            diagnostics: list[Diagnostic]) -> None:
    """Give the constructions of `scan` (a layer_attributes.ClassScan) TF1's names where they
    can be decided; append an info note where a repeated unnamed layer's cannot."""
    from migrate.codemod.creators import SPECS

    bases = {api: SPECS[functional].default_name for api, functional in layer_classes.items()}
    by_attr: dict[str, list] = {}
    for construction in scan.constructions:
        by_attr.setdefault(construction.attr, []).append(construction)
    unnamed: dict[str, object] = {}  # attr -> its one unnamed construction
    for attr, constructions in by_attr.items():
        if len(constructions) != 1:
            continue
        construction = constructions[0]
        why, kwargs = layer_inline._ctor_kwargs(
            construction.call, ctor_params(layer_classes[construction.api]))
        if why is None and layer_inline._is_none(dict(kwargs).get("name")):
            unnamed[attr] = construction
    if not unnamed:
        return
    literal_names = {layer_inline._string(layer_inline._keyword(c.call, "name"))
                     for c in scan.constructions} - {None}
    methods = {f"{scan.cls.name.value}.{item.name.value}": item for item in scan.cls.body.body
               if isinstance(item, cst.FunctionDef)}
    # (method, scope, base) -> [(first call, attr)]
    groups: dict[tuple[str, int | None, str], list] = {}
    scans: dict[str, layer_inline._Scan] = {}
    for attr, construction in unnamed.items():
        calls = scan.calls.get(attr, [])
        if not calls or len({c.method for c in calls}) != 1 or calls[0].method not in methods:
            continue
        method = calls[0].method
        if method not in scans:
            method_scan = layer_inline._Scan(tf, positions, layer_classes, bases, SPECS)
            methods[method].visit(method_scan)
            scans[method] = method_scan
        first = min(calls, key=lambda c: (positions[c.node].end.line, positions[c.node].end.column))
        path = scans[method].paths.get(id(first.node), ())
        scope = next((i for kind, i in reversed(path) if kind == "scope"), None)
        groups.setdefault((method, scope, bases[construction.api]), []).append((first, attr))
    layer_attrs = {c.attr for c in scan.constructions}
    for (method, scope, base), members in groups.items():
        method_scan = scans[method]
        why = _why_not(method_scan, scope, base, members, scan, layer_attrs, unnamed, bases,
                       literal_names)
        if why is not None:
            for first, attr in members:
                if _repeated(scan, attr):
                    diagnostics.append(Diagnostic(
                        "implicit-creator", f"unnamed layer `self.{attr}` is called more than "
                        f"once and TF1's number for it ({base}, {base}_1, ...) is not decided "
                        f"here: {why}", unnamed[attr].line, 0, "info"))
            continue
        if not any(_repeated(scan, attr) for _, attr in members):
            continue  # (called once each: the codemod numbers them as TF1 did)
        members.sort(key=lambda m: (positions[m[0].node].end.line, positions[m[0].node].end.column))
        for k, (_, attr) in enumerate(members):
            construction = unnamed[attr]
            construction.call = _with_name(construction.call, base if k == 0 else f"{base}_{k}")


def _why_not(method_scan, scope, base: str, members, scan, layer_attrs: set[str],
             unnamed: dict, bases: dict[str, str], literal_names: set[str]) -> str | None:
    if scope is None:
        return "its first call runs in the caller's variable scope"
    if scope not in method_scan.fresh:
        return "its first call's variable scope is not entered by a name here"
    for first, _ in members:
        path = method_scan.paths[id(first.node)]
        rest = path[[i for _, i in path].index(scope) + 1:]
        if any(kind != "with" for kind, _ in rest):
            return "its first call is inside a branch, loop or `try`"
    if any(n == base or n.startswith(base + "_") for n in literal_names):
        return f"another layer of the class is named like {base!r}"
    events = method_scan.events.get(scope, layer_inline._ScopeEvents())
    if any(value == base or value.startswith(base + "_") for value, _ in events.strings):
        return f"the scope holds another {base!r} name"
    if any(b == base for b, _ in events.unnamed):
        return f"an unnamed creator in the scope also takes {base!r}"
    if any(b == base for b, _ in events.layers):
        return f"another layer built in the scope takes {base!r}"
    member_attrs = {attr for _, attr in members}
    for node, line in events.opaque:
        attr = _self_attr_called(node, method_scan)
        if attr is None or attr not in layer_attrs:
            return f"a call at line {line} runs code that may make layers of that name"
        if attr in unnamed and attr not in member_attrs \
                and bases.get(unnamed[attr].api) == base:
            return f"`self.{attr}` may take {base!r} first (it is called from several methods)"
    return None


def _repeated(scan, attr: str) -> bool:
    calls = scan.calls.get(attr, [])
    return len(calls) > 1 or calls[0].in_loop


def _self_attr_called(call_id: int, method_scan) -> str | None:
    node = method_scan.call_nodes.get(call_id)
    if node is None:
        return None
    func = node.func
    if isinstance(func, cst.Attribute) and func.attr.value in ("apply", "__call__") \
            and isinstance(func.value, cst.Attribute):
        func = func.value
    if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) \
            and func.value.value in ("self", "cls"):
        return func.attr.value
    return None


def _with_name(call: cst.Call, name: str) -> cst.Call:
    args = list(call.args)
    if args:
        args[-1] = args[-1].with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
    args.append(cst.Arg(cst.SimpleString(repr(name).replace("'", '"')), keyword=cst.Name("name"),
                        equal=layer_inline._equal()))
    return call.with_changes(args=args)
