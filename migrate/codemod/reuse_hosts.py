"""Functions that share a creator through TF1's variable store become hosts of one per-graph module.

A VAE's `decoder(z)` calls `bernoulli_decoder(z, ..., reuse=True)` to re-enter the scope that
`autoencoder(x)` created: two plain functions sharing one creator's variables by name, with no
object between them. Converted into classes, each would own its module and the sharing would be
lost. Instead every function of the file that calls the shared creator stays TF1 graph code (a
host) and builds the creator's module once per graph (`_tf1_reused`, keyed by its scope), so the
second function gets the first one's module, as TF1's variable store gave it the variables; the
creator itself converts.

Only where the sharing is plain: the creator is this file's top-level function and no other file
of the run mentions it, or another file's top-level function that only this file uses (a
WGAN-GP's losses.py calling nets.critic from its loss and its gradient penalty); every caller is a top-level function that creates nothing itself, opens no
variable scope (so each call runs at the caller's root scope), calls no creator from nested code,
and is itself called only by hosts or the module level.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from migrate.codemod.host_nested import _opens_variable_scope
from migrate.codemod.tfapi import TfNames

if TYPE_CHECKING:
    from migrate.codemod.analyse import FunctionInfo


def reuse_hosts(defs: list, functions: dict[str, "FunctionInfo"], creators: set[str], scan_of: dict,
                tf: TfNames, used_elsewhere: frozenset[str], private_externals: frozenset[str] = frozenset()) -> bool:
    """Mark the callers of each plainly shared creator as hosts (FunctionInfo.host_shared);
    True when any changed. `private_externals`: other files' creators that only this file uses
    (a WGAN-GP's losses.py calling nets.critic from wgan_losses and gradient_penalty)."""
    node_of = {info.qualname: fn for info, fn in defs if functions.get(info.qualname) is info}
    changed = False
    for creator in sorted(_reused_creators(functions, creators, node_of, scan_of, private_externals)):
        if creator in used_elsewhere:
            continue
        callers = {q for q, f in functions.items() if creator in f.calls}
        if not callers or not all(_plain_caller(q, functions, creators, node_of, scan_of, tf) for q in callers):
            continue
        if any(callers & f.calls and q not in callers and q in creators and not f.is_host
               for q, f in functions.items()):
            continue  # converted code calls one of them: its module would not be the per-graph one
        for q in sorted(callers):
            info = functions[q]
            info.is_host = True
            info.host_shared = info.host_shared | {creator}
        changed = True
    return changed


def _reused_creators(functions: dict, creators: set[str], node_of: dict, scan_of: dict,
                     private_externals: frozenset[str]) -> set[str]:
    """Top-level creators of this file that some function only ever calls with `reuse=True` (a
    function that also creates them shares them with itself, as any converted caller does)."""
    reusing: dict[tuple[str, str], bool] = {}  # (caller, creator) -> every call passes reuse=True
    for q, fn in node_of.items():
        scan = scan_of.get(q)
        if scan is None:
            continue
        calls = {(n.lineno, n.col_offset): n for n in ast.walk(fn) if type(n) is ast.Call}
        for name, line, col, nested in scan.call_sites:
            call = calls.get((line, col))
            callee = functions.get(name)
            if nested or call is None or callee is None or name not in creators:
                continue
            local = callee.owner is None and callee.external is None
            foreign = callee.external is not None and not callee.external.implicit and name in private_externals \
                and callee.external.blocked_reason is None
            if (local or foreign) and not callee.is_host:
                reuses = any(k.arg == "reuse" and isinstance(k.value, ast.Constant) and k.value.value is True
                             for k in call.keywords)
                reusing[(q, name)] = reusing.get((q, name), True) and reuses
    return {name for (_, name), only_reuses in reusing.items() if only_reuses}


def _plain_caller(q: str, functions: dict, creators: set[str], node_of: dict, scan_of: dict, tf: TfNames) -> bool:
    info, fn, scan = functions[q], node_of.get(q), scan_of.get(q)
    if fn is None or scan is None or info.owner is not None or info.external is not None:
        return False
    if not (q in creators or info.is_host) or info.direct_creator or fn.decorator_list:
        return False
    if not info.is_host and info.blockers:
        return False
    if info.host_nested or info.host_model_fns or any(nested for *_, nested in scan.call_sites):
        return False
    return not _opens_variable_scope(fn, tf)
