"""Hold the two sides' results against each other and reach a verdict. numpy only, no TF."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np

Status = Literal["equivalent", "not equivalent", "error"]

# Gradients are sums over the batch, positions and (through batch norm) means subtracted from
# large terms: their float32 round-off scales with the largest term, not with each element
# (measured: 1.9e-5 on a DCGAN conv kernel whose largest gradient is 3.9, every output equal).
# So a variable's gradient also matches when max |Δ| <= atol + GRAD_SCALE_RTOL * max |gradient|;
# a wrong migration (sharing, weights, ops) differs by O(1) of that scale.
GRAD_SCALE_RTOL = 1e-5


@dataclass
class Row:
    """One variable, by name: what each side has and what differs."""

    name: str
    legacy: dict[str, Any] | None  # shape, dtype, trainable, sites
    migrated: list[dict[str, Any]]  # several when the migrated side created the name twice
    init_ok: bool | None = None
    problems: list[str] = field(default_factory=list)


@dataclass
class Check:
    name: str
    ok: bool | None  # None: not applicable / could not be evaluated (a note, never a failure)
    detail: str = ""


@dataclass
class Verdict:
    label: str
    status: Status
    script: bool = False
    rows: list[Row] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    error: str | None = None
    error_detail: str = ""

    @property
    def equivalent(self) -> bool:
        return self.status == "equivalent"

    @property
    def exit_code(self) -> int:
        return {"equivalent": 0, "not equivalent": 1, "error": 2}[self.status]

    @property
    def problems(self) -> list[str]:
        return [f"{c.name}: {c.detail}" for c in self.checks if c.ok is False]

    def table(self) -> str:
        from migrate.checker.table import render

        return render(self)

    def __str__(self) -> str:
        return self.table()

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["equivalent"] = self.equivalent
        data["exit_code"] = self.exit_code
        data["problems"] = self.problems
        return data


def combined_exit_code(verdicts: list[Verdict]) -> int:
    """0 when all are equivalent; 1 when any is shown not equivalent; else 2 (one could not run).

    A definite "not equivalent" outranks "could not run": it is the finding to act on."""
    codes = {v.exit_code for v in verdicts}
    if codes <= {0}:
        return 0
    return 1 if 1 in codes else 2


class SideResult:
    """One runner's output for one entry (JSON metadata + npz arrays)."""

    def __init__(self, outdir: str, side: str, entry_id: int) -> None:
        base = Path(outdir) / f"{side}_{entry_id}"
        self.meta: dict[str, Any] = json.loads(base.with_suffix(".json").read_text(encoding="utf-8"))
        with np.load(str(base) + ".npz") as npz:
            self.arrays = {k: npz[k] for k in npz.files}

    @property
    def ok(self) -> bool:
        return self.meta.get("status") == "ok"


def _close(a: np.ndarray, b: np.ndarray, rtol: float, atol: float) -> tuple[bool, float]:
    """(migrated ≈ legacy, max |difference|). The legacy value is the reference."""
    if a.shape != b.shape:
        return False, float("inf")
    if a.size == 0:
        return True, 0.0
    if a.dtype == bool or b.dtype == bool:
        return bool(np.array_equal(a, b)), 0.0 if np.array_equal(a, b) else 1.0
    a64, b64 = a.astype(np.float64), b.astype(np.float64)
    ok = bool(np.allclose(a64, b64, rtol=rtol, atol=atol, equal_nan=True))
    diff = np.abs(a64 - b64)
    finite = diff[np.isfinite(diff)]
    return ok, float(finite.max()) if finite.size else 0.0


def _exactly_equal(a: np.ndarray, b: np.ndarray) -> bool:
    if a.shape != b.shape:
        return False
    try:
        return bool(np.array_equal(a, b, equal_nan=a.dtype.kind in "fc"))
    except TypeError:
        return bool(np.array_equal(a, b))


def compare(label: str, legacy: SideResult, modern: SideResult, *, script: bool,
            rtol: float, atol: float) -> Verdict:
    verdict = Verdict(label, "equivalent", script=script)
    verdict.notes += [f"legacy: {n}" for n in legacy.meta.get("notes", [])]
    verdict.notes += [f"migrated: {n}" for n in modern.meta.get("notes", [])]
    failures = [(side, r) for side, r in (("legacy", legacy), ("migrated", modern)) if not r.ok]
    if failures:
        verdict.status = "error"
        verdict.error = "; ".join(f"{side} side cannot run: {r.meta.get('error')}" for side, r in failures)
        verdict.error_detail = "\n".join(r.meta.get("error_detail", "") for _, r in failures)
        return verdict

    _compare_variables(verdict, legacy, modern)
    if not script:
        _compare_calls(verdict, legacy, modern, rtol, atol)
    if any(c.ok is False for c in verdict.checks):
        verdict.status = "not equivalent"
    return verdict


def _compare_variables(verdict: Verdict, legacy: SideResult, modern: SideResult) -> None:
    lvars = legacy.meta["variables"]
    mvars = modern.meta["variables"]
    by_name: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for k, meta in enumerate(mvars):
        by_name.setdefault(meta["name"], []).append((k, meta))

    missing, extra, duplicated, attr_bad, init_bad = [], [], [], [], []
    for k, lmeta in enumerate(lvars):
        name = lmeta["name"]
        matches = by_name.get(name, [])
        row = Row(name, lmeta, [m for _, m in matches])
        verdict.rows.append(row)
        if not matches:
            row.problems.append("missing in migrated")
            missing.append(name)
            continue
        if len(matches) > 1:
            row.problems.append(f"created {len(matches)} times in migrated (one shared variable in legacy)")
            duplicated.append(name)
        for attr in ("shape", "dtype", "trainable"):
            values = {json.dumps(m[attr]) for _, m in matches}
            if values != {json.dumps(lmeta[attr])}:
                row.problems.append(f"{attr} {lmeta[attr]} ≠ {', '.join(sorted(values))}")
                attr_bad.append(f"{name} ({attr})")
        legacy_init = legacy.arrays[f"init_{k}"]
        row.init_ok = all(_exactly_equal(modern.arrays[f"init_{j}"], legacy_init) for j, _ in matches)
        if not row.init_ok:
            row.problems.append("initial value differs")
            init_bad.append(name)
    legacy_names = {m["name"] for m in lvars}
    for name, matches in by_name.items():
        if name not in legacy_names:
            row = Row(name, None, [m for _, m in matches], problems=["not in legacy"])
            verdict.rows.append(row)
            extra.append(name)

    detail = f"{len(lvars)} legacy ↔ {len(mvars)} migrated, matched by name"
    problems = []
    if missing:
        problems.append(f"missing in migrated: {', '.join(missing)}")
    if extra:
        problems.append(f"only in migrated: {', '.join(extra)}")
    if duplicated:
        problems.append(f"created more than once in migrated: {', '.join(duplicated)}")
    verdict.checks.append(Check("variables", not problems, "; ".join(problems) or detail))
    verdict.checks.append(Check(
        "identity", len(lvars) == len(mvars) and not duplicated,
        f"{len(lvars)} distinct legacy variable{'s' if len(lvars) != 1 else ''}, {len(mvars)} distinct migrated"))
    verdict.checks.append(Check("shape/dtype/trainable", not attr_bad,
                                ", ".join(attr_bad) or "all equal"))
    verdict.checks.append(Check("initial values", not init_bad,
                                f"differ: {', '.join(init_bad)}" if init_bad else "exactly equal"))


def _output_arrays(side: SideResult, prefix: str) -> list[np.ndarray | None]:
    return [side.arrays.get(f"{prefix}_{j}") for j in range(len(side.meta["outputs"]))]


def _compare_outputs(name: str, legacy: list[np.ndarray | None], modern: list[np.ndarray | None],
                     rtol: float, atol: float) -> Check:
    if len(legacy) != len(modern):
        return Check(name, False, f"{len(legacy)} legacy outputs, {len(modern)} migrated")
    bad, worst = [], 0.0
    for j, (l, m) in enumerate(zip(legacy, modern)):
        if l is None and m is None:
            continue
        if l is None or m is None:
            bad.append(f"#{j} is a value on one side only")
            continue
        if l.shape != m.shape:
            bad.append(f"#{j} shape {list(l.shape)} ≠ {list(m.shape)}")
            continue
        ok, diff = _close(m, l, rtol, atol)
        worst = max(worst, diff)
        if not ok:
            bad.append(f"#{j} max |Δ| {diff:.3g}")
    if bad:
        return Check(name, False, "; ".join(bad))
    return Check(name, True, f"{len(legacy)} output{'s' if len(legacy) != 1 else ''}, max |Δ| {worst:.3g}")


def _compare_calls(verdict: Verdict, legacy: SideResult, modern: SideResult,
                   rtol: float, atol: float) -> None:
    function_entry = modern.meta.get("function_entry")
    if function_entry:
        # A plain function builds its modules on every call: calling it twice proves nothing.
        # Later calls (per-name weights, checkpoint) get call 1's variables back by name.
        verdict.checks.append(Check("second call", None,
                                    "skipped: function entry: builds new modules per call"))
        verdict.notes.append(f"migrated: {function_entry}() is a function entry: builds new "
                             "modules per call; later calls reuse the first call's variables "
                             "by name")
        unmatched = modern.meta.get("replay_unmatched", [])
        if unmatched:
            verdict.checks.append(Check(
                "second call", False,
                f"called again, it asks for variables the first call did not create: "
                f"{', '.join(unmatched)}"))
    else:
        new = modern.meta.get("second_call_new", [])
        verdict.checks.append(Check("second call", not new,
                                    f"created new variables: {', '.join(new)}" if new
                                    else "creates no new variables"))
    ldtypes = [o["dtype"] for o in legacy.meta["outputs"]]
    mdtypes = [o["dtype"] for o in modern.meta["outputs"]]
    if len(ldtypes) == len(mdtypes) and ldtypes != mdtypes:
        verdict.checks.append(Check("output dtypes", False, f"{ldtypes} ≠ {mdtypes}"))
    verdict.checks.append(_compare_outputs(
        "outputs (initial weights)", _output_arrays(legacy, "out1"), _output_arrays(modern, "out1"),
        rtol, atol))
    verdict.checks.append(_compare_outputs(
        "outputs (per-name random weights)", _output_arrays(legacy, "out2"),
        _output_arrays(modern, "out2"), rtol, atol))

    lreg, mreg = legacy.meta.get("reg_losses", 0), modern.meta.get("reg_losses", 0)
    if lreg or mreg:
        if not lreg or not mreg:
            verdict.checks.append(Check("regularization losses", False,
                                        f"{lreg} legacy losses, {mreg} migrated"))
        else:
            ok, diff = _close(modern.arrays["reg"], legacy.arrays["reg"], rtol, atol)
            verdict.checks.append(Check("regularization losses", ok,
                                        f"total {float(legacy.arrays['reg']):.6g} vs "
                                        f"{float(modern.arrays['reg']):.6g} (|Δ| {diff:.3g})"))

    _compare_state_after_call(verdict, legacy, modern, rtol, atol)
    _compare_gradients(verdict, legacy, modern, rtol, atol)
    _compare_checkpoint(verdict, legacy, modern, rtol, atol)
    _compare_tf_function(verdict, modern, rtol, atol)


def _compare_tf_function(verdict: Verdict, modern: SideResult, rtol: float, atol: float) -> None:
    """The migrated entry under tf.function against the same entry run eagerly: the same
    variable names, the same outputs at the initial and at the per-name random weights."""
    info = modern.meta.get("tf_function")
    if info is None:
        return
    if info.get("error"):
        verdict.checks.append(Check("tf.function", False,
                                    f"fails under tf.function: {info['error']}"))
        return
    problems = []
    eager = Counter(m["name"] for m in modern.meta["variables"])
    traced = Counter(info["variables"])
    if eager != traced:
        if eager - traced:
            problems.append(f"eager only: {', '.join(sorted(eager - traced))}")
        if traced - eager:
            problems.append(f"tf.function only: {', '.join(sorted(traced - eager))}")
    if info.get("unmatched"):
        problems.append(f"traced again, asks for new variables: {', '.join(info['unmatched'])}")
    count = len(modern.meta["outputs"])
    worst = 0.0
    if info.get("outputs") != count:
        problems.append(f"{info.get('outputs')} outputs under tf.function, {count} eagerly")
    else:
        for prefix, eager_prefix, what in (("fn1", "out1", "initial weights"),
                                           ("fn2", "out2", "per-name random weights")):
            check = _compare_outputs(what, _output_arrays(modern, eager_prefix),
                                     _output_arrays(modern, prefix), rtol, atol)
            if check.ok:
                worst = max(worst, float(check.detail.rsplit(" ", 1)[-1]))
            else:
                problems.append(f"outputs ({what}) differ from eager: {check.detail}")
    verdict.checks.append(Check(
        "tf.function", not problems, "; ".join(problems) or
        f"migrated output runs under TF2 eager and under tf.function: same "
        f"{sum(traced.values())} variable name{'s' if sum(traced.values()) != 1 else ''}, outputs equal (max |Δ| {worst:.3g})"))


def _compare_state_after_call(verdict: Verdict, legacy: SideResult, modern: SideResult,
                              rtol: float, atol: float) -> None:
    """Variables after one call at the per-name weights, where the legacy graph had UPDATE_OPS
    (run with that call, as a TF1 training step does): batch-norm moving statistics must move
    the same way in the migrated module, which applies them in the call."""
    updates = legacy.meta.get("update_ops", 0)
    if not updates:
        return
    mindex = {m.get("key", m["name"]): k for k, m in enumerate(modern.meta["variables"])}
    bad, worst = [], 0.0
    for k, meta in enumerate(legacy.meta["variables"]):
        j = mindex.get(meta["name"])
        lvalue, mvalue = legacy.arrays.get(f"after_{k}"), modern.arrays.get(f"after_{j}")
        if j is None or lvalue is None or mvalue is None:
            continue  # a variable-set problem, reported already
        ok, diff = _close(mvalue, lvalue, rtol, atol)
        worst = max(worst, diff)
        if not ok:
            bad.append(f"{meta['name']} (max |Δ| {diff:.3g})")
    verdict.checks.append(Check(
        "variables after a training call", not bad,
        f"differ after one call with the legacy UPDATE_OPS: {', '.join(bad)}" if bad else
        f"equal after one call with the legacy's {updates} UPDATE_OPS (max |Δ| {worst:.3g})"))


def _compare_gradients(verdict: Verdict, legacy: SideResult, modern: SideResult,
                       rtol: float, atol: float) -> None:
    errors = [f"{side}: {r.meta['grad_error']}" for side, r in (("legacy", legacy), ("migrated", modern))
              if r.meta.get("grad_error")]
    if errors:
        verdict.checks.append(Check("gradients", None, "not compared; " + "; ".join(errors)))
        return
    lnames, mnames = legacy.meta.get("grads"), modern.meta.get("grads")
    if lnames is None and mnames is None:
        return
    if lnames is None or mnames is None:
        verdict.checks.append(Check("gradients", False, "only one side has float outputs/variables"))
        return
    lindex = {m["name"]: k for k, m in enumerate(legacy.meta["variables"])}
    bad, worst = [], 0.0
    for k, meta in enumerate(modern.meta["variables"]):
        if meta["name"] not in lindex or f"grad_{k}" not in modern.arrays:
            continue  # reported as a variable-set problem already
        lgrad = legacy.arrays.get(f"grad_{lindex[meta['name']]}")
        if lgrad is None:
            continue
        mgrad = modern.arrays[f"grad_{k}"]
        ok, diff = _close(mgrad, lgrad, rtol, atol)
        scale = float(np.abs(lgrad.astype(np.float64)).max()) if lgrad.size else 0.0
        if not ok and mgrad.shape == lgrad.shape and np.isfinite(diff):
            ok = diff <= atol + GRAD_SCALE_RTOL * scale
        worst = max(worst, diff if np.isfinite(diff) else worst)
        if not ok:
            bad.append(f"{meta['key']} (max |Δ| {diff:.3g}, largest |gradient| {scale:.3g})")
    verdict.checks.append(Check("gradients", not bad,
                                f"differ for {', '.join(bad)}" if bad
                                else f"d(sum of outputs)/d(variable) equal, max |Δ| {worst:.3g}"))


def _compare_checkpoint(verdict: Verdict, legacy: SideResult, modern: SideResult,
                        rtol: float, atol: float) -> None:
    info = modern.meta.get("checkpoint")
    if modern.meta.get("checkpoint_error"):
        verdict.checks.append(Check("TF1 checkpoint", False,
                                    f"restore failed: {modern.meta['checkpoint_error']}"))
        return
    if not legacy.meta.get("checkpoint") or info is None:
        return
    problems = []
    if info["missing"]:
        problems.append(f"not in the checkpoint: {', '.join(info['missing'])}")
    if info["mismatched"]:
        problems.append("; ".join(info["mismatched"]))
    if problems:
        verdict.checks.append(Check("TF1 checkpoint", False, "; ".join(problems)))
        return
    check = _compare_outputs("TF1 checkpoint", _output_arrays(legacy, "out2"),
                             _output_arrays(modern, "ckpt"), rtol, atol)
    if check.ok:
        check.detail = "restored by name; outputs equal the legacy ones"
    verdict.checks.append(check)
