"""Generators for the codemod fuzz tests (tests/test_fuzz.py).

Two families of sources:

1. `tf1_program(chooser)` -> `Program`: a random, *valid* TF1 program assembled from the scope /
   reuse building blocks real TF1 code uses:
   - variable_scope names: literals, a `scope`/`name` parameter, `scope or "X"`,
     `variable_scope(None, default_name="dense")` and `variable_scope(name, default_name=...)`,
     loop names `"h%d" % i`, `f"h{i}"`, `"h_{}".format(i)`, `"h" + str(i)`;
   - reuse: `reuse=True` (argument or scope), `tf.AUTO_REUSE`, `reuse=reuse` parameters,
     `if reuse: scope.reuse_variables()`, `reuse=(t > 0)` in unrolled loops, towers with
     `tf.get_variable_scope().reuse_variables()` / `scope.reuse_variables()`;
   - helpers calling `get_variable` without a scope of their own, composite layers calling other
     layers, layers as methods of a model class, module-level scripts.

   Validity: the generator carries a small model of TF1's variable store (`TF1Sim`: the scope
   stack with inherited reuse, `variable_scopes_count` uniquification for `default_name` and its
   reset when a named scope is closed, create/reuse/AUTO_REUSE rules, shape compatibility on
   reuse). Every statement is simulated as it is added; a statement whose variables would be
   created twice without reuse, or reused before they exist, is repaired (another reuse knob) or
   dropped. So every program is accepted by TF1 and the names it creates are known
   (`Program.variables`, in creation order).

   Input shapes: every tensor a generated program handles is float32[2, 4] (batch 2, 4
   features): the entry takes `x` and `y`, both float32[2, 4] (`INPUTS`), every layer maps a
   [2, 4] tensor to a [2, 4] tensor, weights are [4, 4] (`[h.get_shape()[-1], units]`) and
   biases/scales [4]. Scripts build their own `x`, `y` with `tf.ones` / `tf.fill`.
   Entry points: mode "function" -> `build(x, y)`; mode "method" -> `Model.build(self, x, y)`
   (`Model(units=4)`, no init args needed); mode "script" -> the whole file.

2. `plain_python(chooser)` -> str: random Python 3.10 source from a small grammar (defs with
   decorators and annotations, classes, with, for/while/else, try, f-strings, walrus, match,
   lambdas, comprehensions, comments, odd whitespace, backslash continuations, semicolons,
   non-ASCII identifiers and strings, decoys named get_variable / variable_scope) that never
   mentions TensorFlow.

Randomness goes through a `Chooser` so the same generator is driven by hypothesis (shrinking)
and by `random.Random(seed)` (a fixed, reproducible sample for the slow checker test).
"""

from __future__ import annotations

import copy
import random
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

UNITS = 4
INPUTS = {"x": "float32[2,4]", "y": "float32[2,4]"}


# --------------------------------------------------------------------------------------------
# Randomness


class Chooser:
    """The generator's only source of randomness."""

    def integer(self, lo: int, hi: int) -> int:  # inclusive
        raise NotImplementedError

    def choice(self, options: Sequence[Any]) -> Any:
        return options[self.integer(0, len(options) - 1)]

    def boolean(self, p_true: float = 0.5) -> bool:
        # p_true in steps of 1/8 keeps shrinking towards False
        return self.integer(0, 7) < round(p_true * 8)


class RandomChooser(Chooser):
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def integer(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)


class DrawChooser(Chooser):
    """Wraps hypothesis' `draw` (from @st.composite)."""

    def __init__(self, draw: Callable[[Any], Any]) -> None:
        from hypothesis import strategies as st

        self._draw = draw
        self._st = st

    def integer(self, lo: int, hi: int) -> int:
        return self._draw(self._st.integers(lo, hi))


# --------------------------------------------------------------------------------------------
# A model of TF1's variable store (just enough for the blocks below)


class Invalid(Exception):
    """TF1 would raise on this program."""


AUTO = "AUTO_REUSE"


@dataclass
class _Frame:
    name: str
    reuse: Any  # False | True | AUTO
    saved_counts: dict[str, int] | None = None  # entered on a captured VariableScope object


class TF1Sim:
    def __init__(self) -> None:
        self.vars: dict[str, str] = {}  # full name -> shape kind, in creation order
        self.counts: dict[str, int] = {}
        self.stack: list[_Frame] = [_Frame("", False)]

    @property
    def top(self) -> _Frame:
        return self.stack[-1]

    def _join(self, name: str) -> str:
        return f"{self.top.name}/{name}" if self.top.name else name

    def enter(self, name: str | None, default_name: str | None, reuse: Any) -> None:
        if name is None:
            if reuse:
                raise Invalid("reuse=True cannot be used without a name_or_scope")
            full = self._join(default_name)
            if self.counts.get(full, 0):
                idx = 1
                while self.counts.get(f"{full}_{idx}", 0):
                    idx += 1
                name = f"{default_name}_{idx}"
            else:
                name = default_name
        full = self._join(name)
        self.counts[full] = self.counts.get(full, 0) + 1
        self.stack.append(_Frame(full, reuse if reuse else self.top.reuse))

    def enter_captured(self, full: str, reuse: Any) -> None:
        """`with tf.variable_scope(captured_scope, reuse=True)`: the absolute name again."""
        self.counts[full] = self.counts.get(full, 0) + 1
        self.stack.append(_Frame(full, reuse, dict(self.counts)))

    def exit(self) -> None:
        frame = self.stack.pop()
        if frame.saved_counts is not None:
            self.counts = frame.saved_counts
            return
        prefix = frame.name + "/"
        for key in self.counts:
            if key.startswith(prefix):
                self.counts[key] = 0

    def reuse_variables(self) -> None:
        if len(self.stack) == 1:
            raise Invalid("generator never reuses the root scope")
        self.top.reuse = True

    def get_variable(self, name: str, kind: str) -> str:
        full = self._join(name)
        reuse = self.top.reuse
        if full in self.vars:
            if not reuse:
                raise Invalid(f"Variable {full} already exists")
            if self.vars[full] != kind:
                raise Invalid(f"shape mismatch reusing {full}")
        else:
            if reuse is True:
                raise Invalid(f"Variable {full} does not exist")
            self.vars[full] = kind
        return full


# --------------------------------------------------------------------------------------------
# Program IR: rendered to Python and simulated by the same tree


@dataclass
class Name:
    """A variable_scope's first argument (and default_name)."""

    kind: str  # lit | param | or | default | fmt | captured
    value: str = ""  # literal / default / prefix
    param: str = ""  # parameter or loop variable
    style: int = 0  # fmt style

    def render(self) -> str:
        if self.kind == "lit":
            return repr_str(self.value)
        if self.kind in ("param", "captured"):
            return self.param
        if self.kind == "or":
            return f"{self.param} or {repr_str(self.value)}"
        if self.kind == "default":
            first = self.param or "None"
            return f"{first}, default_name={repr_str(self.value)}"
        if self.kind == "fmt":
            p, v = self.value, self.param
            return [f'"{p}%d" % {v}', f'f"{p}{{{v}}}"', f'"{p}_{{}}".format({v})',
                    f'"{p}" + str({v})'][self.style]
        raise AssertionError(self.kind)

    def evaluate(self, env: dict[str, Any]) -> tuple[str | None, str | None]:
        """(name, default_name) as TF1 receives them."""
        if self.kind == "lit":
            return self.value, None
        if self.kind in ("param", "captured"):
            return env[self.param], None
        if self.kind == "or":
            return env[self.param] or self.value, None
        if self.kind == "default":
            return (env[self.param] if self.param else None), self.value
        if self.kind == "fmt":
            i = env[self.param]
            return [f"{self.value}{i}", f"{self.value}{i}", f"{self.value}_{i}",
                    f"{self.value}{i}"][self.style], None
        raise AssertionError(self.kind)


@dataclass
class Reuse:
    kind: str = "none"  # none | true | auto | param | gt0 | false
    param: str = ""

    def render(self) -> str | None:
        return {"none": None, "true": "True", "false": "False", "auto": "tf.AUTO_REUSE",
                "param": self.param, "gt0": f"({self.param} > 0)"}[self.kind]

    def evaluate(self, env: dict[str, Any]) -> Any:
        if self.kind == "true":
            return True
        if self.kind == "auto":
            return AUTO
        if self.kind == "param":
            return env[self.param]
        if self.kind == "gt0":
            return env[self.param] > 0
        return False


@dataclass
class Dense:
    w: str
    b: str
    w_init: int = 0
    b_init: int = 0
    in_dim: int = 0

    W_INITS = ("", ", initializer=tf.random_normal_initializer(stddev=0.02)",
               ", initializer=tf.truncated_normal_initializer(stddev=0.1)",
               ", tf.float32, tf.random_normal_initializer(stddev=0.5)",
               ", initializer=tf.random_uniform_initializer(-0.1, 0.1)")
    B_INITS = (", initializer=tf.zeros_initializer()", ", initializer=tf.constant_initializer(0.1)",
               "", ", dtype=tf.float32, initializer=tf.ones_initializer()")
    IN_DIMS = ("{h}.get_shape()[-1]", "{h}.get_shape().as_list()[-1]", "int({h}.get_shape()[-1])",
               "{h}.get_shape()[-1].value")

    def lines(self, ctx: "Ctx", h: str) -> list[str]:
        dim = self.IN_DIMS[self.in_dim].format(h=h)
        return [
            f'{self.w} = tf.get_variable("{self.w}", [{dim}, {ctx.units}]{self.W_INITS[self.w_init]})',
            f'{self.b} = tf.get_variable("{self.b}", [{ctx.units}]{self.B_INITS[self.b_init]})',
            f"{h} = tf.tanh(tf.matmul({h}, {self.w}) + {self.b})",
        ]

    def simulate(self, sim: TF1Sim, env: dict[str, Any], prog: "ProgramIR") -> None:
        sim.get_variable(self.w, "mat")
        sim.get_variable(self.b, "vec")


@dataclass
class Scale:
    g: str

    def lines(self, ctx: "Ctx", h: str) -> list[str]:
        return [f'{self.g} = tf.get_variable("{self.g}", [{ctx.units}], initializer=tf.ones_initializer())',
                f"{h} = {h} * {self.g}"]

    def simulate(self, sim: TF1Sim, env: dict[str, Any], prog: "ProgramIR") -> None:
        sim.get_variable(self.g, "vec")


@dataclass
class Call:
    fn: str
    args: list[tuple[str, Any, bool]] = field(default_factory=list)  # (param, value, keyword)

    def lines(self, ctx: "Ctx", h: str) -> list[str]:
        fn = ctx.prog.functions[self.fn]
        callee = f"self.{self.fn}" if fn.method else self.fn
        parts = [h]
        for param, value, keyword in self.args:
            text = repr(value)
            parts.append(f"{param}={text}" if keyword else text)
        return [f"{h} = {callee}({', '.join(parts)})"]

    def simulate(self, sim: TF1Sim, env: dict[str, Any], prog: "ProgramIR") -> None:
        fn = prog.functions[self.fn]
        call_env = {p.name: p.default for p in fn.params}
        for param, value, _ in self.args:
            call_env[param] = value
        run_body(fn.body, sim, call_env, prog)


@dataclass
class With:
    name: Name
    reuse: Reuse = field(default_factory=Reuse)
    body: list[Any] = field(default_factory=list)
    as_scope: bool = False
    reuse_if: str = ""  # `if <param>: scope.reuse_variables()` first in the body
    as_name: str = "scope"

    def header(self) -> str:
        args = self.name.render()
        reuse = self.reuse.render()
        if reuse is not None:
            args += f", reuse={reuse}"
        return f"with tf.variable_scope({args})" + (f" as {self.as_name}:" if self.as_scope else ":")

    def lines(self, ctx: "Ctx", h: str) -> list[str]:
        out = [self.header()]
        inner: list[str] = []
        if self.reuse_if:
            inner += [f"if {self.reuse_if}:", "    scope.reuse_variables()"]
        for stmt in self.body:
            inner += stmt.lines(ctx, getattr(stmt, "target", None) or h)
        return out + ["    " + line for line in inner or ["pass"]]

    def simulate(self, sim: TF1Sim, env: dict[str, Any], prog: "ProgramIR") -> None:
        name, default = self.name.evaluate(env)
        if self.name.kind == "captured":
            sim.enter_captured(name, self.reuse.evaluate(env))
        else:
            sim.enter(name, default, self.reuse.evaluate(env))
        if self.as_scope:
            env[self.as_name] = sim.top.name
        if self.reuse_if and env[self.reuse_if]:
            sim.reuse_variables()
        run_body(self.body, sim, env, prog)
        sim.exit()


@dataclass
class ReuseVariables:
    """`tf.get_variable_scope().reuse_variables()` or `scope.reuse_variables()` (in `as scope`)."""

    via_scope: bool = False
    cond: str = ""  # `if t > 0:` guard

    def lines(self, ctx: "Ctx", h: str) -> list[str]:
        call = "scope.reuse_variables()" if self.via_scope else \
            "tf.get_variable_scope().reuse_variables()"
        if self.cond:
            return [f"if {self.cond} > 0:", "    " + call]
        return [call]

    def simulate(self, sim: TF1Sim, env: dict[str, Any], prog: "ProgramIR") -> None:
        if not self.cond or env[self.cond] > 0:
            sim.reuse_variables()


@dataclass
class For:
    var: str
    n: int
    body: list[Any] = field(default_factory=list)

    def lines(self, ctx: "Ctx", h: str) -> list[str]:
        inner: list[str] = []
        for stmt in self.body:
            inner += stmt.lines(ctx, getattr(stmt, "target", None) or h)
        return [f"for {self.var} in range({self.n}):"] + ["    " + line for line in inner]

    def simulate(self, sim: TF1Sim, env: dict[str, Any], prog: "ProgramIR") -> None:
        for i in range(self.n):
            run_body(self.body, sim, {**env, self.var: i}, prog)


@dataclass
class Target:
    """An entry statement applied to the stream `x` or `y`."""

    target: str
    stmt: Any

    def lines(self, ctx: "Ctx", h: str) -> list[str]:
        return self.stmt.lines(ctx, self.target)

    def simulate(self, sim: TF1Sim, env: dict[str, Any], prog: "ProgramIR") -> None:
        self.stmt.simulate(sim, env, prog)


@dataclass
class Seq:
    """Several entry statements drawn together."""

    stmts: list[Any]

    def lines(self, ctx: "Ctx", h: str) -> list[str]:
        out: list[str] = []
        for stmt in self.stmts:
            out += stmt.lines(ctx, h)
        return out

    def simulate(self, sim: TF1Sim, env: dict[str, Any], prog: "ProgramIR") -> None:
        run_body(self.stmts, sim, env, prog)


def run_body(body: list[Any], sim: TF1Sim, env: dict[str, Any], prog: "ProgramIR") -> None:
    for stmt in body:
        stmt.simulate(sim, env, prog)


@dataclass
class Param:
    name: str
    default: Any = None
    has_default: bool = True


@dataclass
class Function:
    name: str
    params: list[Param]
    body: list[Any]
    method: bool = False
    units_param: bool = False
    role: str = ""  # the building block, for debugging

    def render(self, prog: "ProgramIR") -> list[str]:
        ctx = Ctx(prog, "self.units" if self.method else ("units" if self.units_param else str(UNITS)))
        params = (["self"] if self.method else []) + ["h"]
        for p in self.params:
            params.append(f"{p.name}={p.default!r}" if p.has_default else p.name)
        lines = [f"def {self.name}({', '.join(params)}):"]
        for stmt in self.body:
            lines += ["    " + line for line in stmt.lines(ctx, "h")]
        lines.append("    return h")
        return lines


@dataclass
class Ctx:
    prog: "ProgramIR"
    units: str


@dataclass
class ProgramIR:
    mode: str  # function | method | script
    functions: dict[str, Function] = field(default_factory=dict)
    entry: list[Any] = field(default_factory=list)

    def simulate(self) -> TF1Sim:
        sim = TF1Sim()
        run_body(self.entry, sim, {}, self)
        return sim

    def valid(self) -> bool:
        try:
            self.simulate()
        except Invalid:
            return False
        return True

    def render(self) -> str:
        out = ["import tensorflow as tf", "", ""]
        module_fns = [f for f in self.functions.values() if not f.method]
        methods = [f for f in self.functions.values() if f.method]
        for fn in module_fns:
            out += fn.render(self) + ["", ""]
        entry_ctx = Ctx(self, "self.units" if self.mode == "method" else str(UNITS))
        body: list[str] = []
        for stmt in self.entry:
            body += stmt.lines(entry_ctx, "x")
        if self.mode == "script":
            out += ["x = tf.ones([2, 4])", "y = tf.fill([2, 4], 0.5)"] + body + ["out = x + y", ""]
        elif self.mode == "function":
            out += ["def build(x, y):"] + ["    " + line for line in body]
            out += ["    return x + y", ""]
        else:
            out += ["class Model(object):", "    def __init__(self, units=4):",
                    "        self.units = units", ""]
            for fn in methods:
                out += ["    " + line for line in fn.render(self)] + [""]
            out += ["    def build(self, x, y):"] + ["        " + line for line in body]
            out += ["        return x + y", ""]
        return "\n".join(out)


def repr_str(text: str) -> str:
    return '"' + text + '"'


# --------------------------------------------------------------------------------------------
# The TF1 program generator

SCOPES = ("enc", "dec", "layer", "block", "Linear", "proj", "ffn", "out", "cell", "dense",
          "g_h1", "tower", "attn", "rnn")
# No two names that differ only in case ("Dense" / "dense"): TF1's graph uniquifies op names
# case-insensitively, so the second variable's .name gets a "_1" its store key does not have.
VAR_PAIRS = (("w", "b"), ("kernel", "bias"), ("Matrix", "bias"), ("weights", "biases"),
             ("w1", "b1"), ("kern", "b"))
SCALES = ("g", "gamma", "scale")
FMT_PREFIXES = ("h", "layer", "conv", "block_")
LAYER_NAMES = ("linear", "dense", "mlp", "encoder", "decoder", "proj", "highway", "gated",
               "cell", "layer_norm", "attention", "resblock", "helper", "embed")


@dataclass
class Program:
    source: str
    mode: str
    entry: str | None  # "build", "Model.build", None (script)
    inputs: dict[str, str]
    variables: tuple[str, ...]  # TF1 full names (without :0), creation order
    ir: ProgramIR = field(repr=False, compare=False, default=None)  # type: ignore[assignment]


class _Gen:
    def __init__(self, c: Chooser) -> None:
        self.c = c
        self.fn_count = 0
        self.captures = 0

    # ---- leaf pieces
    def units_block(self) -> list[Any]:
        out: list[Any] = []
        used: set[str] = set()
        for _ in range(self.c.integer(1, 2)):
            if self.c.boolean(0.25):
                g = self.c.choice(SCALES)
                if g not in used:
                    used.add(g)
                    out.append(Scale(g))
                continue
            w, b = self.c.choice(VAR_PAIRS)
            if w in used or b in used:
                continue
            used |= {w, b}
            out.append(Dense(w, b, self.c.integer(0, len(Dense.W_INITS) - 1),
                             self.c.integer(0, len(Dense.B_INITS) - 1),
                             self.c.integer(0, len(Dense.IN_DIMS) - 1)))
        if not out:
            w, b = self.c.choice(VAR_PAIRS)
            out.append(Dense(w, b))
        return out

    def new_fn_name(self) -> str:
        self.fn_count += 1
        return f"{self.c.choice(LAYER_NAMES)}_{self.fn_count}"

    def leaf(self, prog: ProgramIR, method: bool) -> Function:
        kind = self.c.choice(("literal", "param", "or", "helper", "default", "reuse_param",
                              "reuse_if", "auto", "loop", "rnn"))
        name = self.new_fn_name()
        body_units = self.units_block()
        params: list[Param] = []
        lit = self.c.choice(SCOPES)
        if kind == "literal":
            body = [With(Name("lit", lit), body=body_units)]
        elif kind == "param":
            pname = self.c.choice(("scope", "name"))
            if self.c.boolean():
                params.append(Param(pname, lit))
            else:
                params.append(Param(pname, None, has_default=False))
            body = [With(Name("param", param=pname), body=body_units)]
        elif kind == "or":
            params.append(Param("scope", None))
            body = [With(Name("or", lit, param="scope"), body=body_units)]
        elif kind == "helper":
            body = body_units
        elif kind == "default":
            if self.c.boolean():
                params.append(Param("name", None))
                body = [With(Name("default", lit, param="name"), body=body_units)]
            else:
                body = [With(Name("default", lit), body=body_units)]
        elif kind == "reuse_param":
            params.append(Param("reuse", False))
            body = [With(Name("lit", lit), Reuse("param", "reuse"), body=body_units)]
        elif kind == "reuse_if":
            params.append(Param("reuse", False))
            body = [With(Name("lit", lit), body=body_units, as_scope=True, reuse_if="reuse")]
        elif kind == "auto":
            body = [With(Name("lit", lit), Reuse("auto"), body=body_units)]
        elif kind == "loop":
            prefix = self.c.choice(FMT_PREFIXES)
            inner: list[Any] = [With(Name("fmt", prefix, param="i", style=self.c.integer(0, 3)),
                                     body=body_units)]
            body = [For("i", self.c.integer(1, 3), inner)]
            if self.c.boolean(0.3):  # the loop inside a scope of its own
                body = [With(Name("lit", lit), body=body)]
        else:  # rnn: the same cell at every step
            style = self.c.integer(0, 2)
            if style == 0:
                step = With(Name("lit", lit), Reuse("gt0", "t"), body=body_units)
            elif style == 1:
                step = With(Name("lit", lit), Reuse("auto"), body=body_units)
            else:
                step = With(Name("lit", lit), body=[ReuseVariables(True, "t")] + body_units,
                            as_scope=True)
            body = [For("t", self.c.integer(2, 3), [step])]
        units_param = not method and self.c.boolean(0.3)
        if units_param:
            required = sum(1 for p in params if not p.has_default)
            params.insert(required, Param("units", UNITS))
        return Function(name, params, body, method=method, units_param=units_param, role=kind)

    def call_args(self, fn: Function, reuse: bool | None = None) -> list[tuple[str, Any, bool]]:
        args: list[tuple[str, Any, bool]] = []
        positional_ok = True
        for p in fn.params:
            value: Any
            if p.name == "reuse":
                if reuse is None:
                    positional_ok = False
                    continue
                value = reuse
                if not reuse and self.c.boolean(0.7):
                    positional_ok = False
                    continue
            elif p.name in ("scope", "name"):
                if p.has_default and self.c.boolean(0.4):
                    positional_ok = False
                    continue
                value = self.c.choice(SCOPES + ("d_h0_lin", "g_out"))
            elif p.name == "units":
                if self.c.boolean(0.6):
                    positional_ok = False
                    continue
                value = UNITS
            else:
                continue
            keyword = not positional_ok or self.c.boolean(0.6)
            positional_ok = positional_ok and not keyword
            args.append((p.name, value, keyword))
        return args

    def composite(self, prog: ProgramIR, method: bool) -> Function | None:
        callees = [f for f in prog.functions.values() if method or not f.method]
        if not callees:
            return None
        name = self.new_fn_name()
        scope_kind = self.c.choice(("lit", "or", "param", "none", "default"))
        params: list[Param] = []
        lit = self.c.choice(SCOPES)
        stmts: list[Any] = []
        fn = Function(name, params, stmts, method=method, role=f"composite/{scope_kind}")
        probe = ProgramIR(prog.mode, dict(prog.functions))
        probe.functions[name] = fn
        for _ in range(self.c.integer(1, 3)):
            callee = self.c.choice(callees)
            stmt: Any = Call(callee.name, self.call_args(callee, reuse=False))
            wrap = self.c.integer(0, 4)
            if wrap == 1:
                stmt = With(Name("lit", self.c.choice(SCOPES)), body=[stmt])
            elif wrap == 2:
                stmt = For("i", self.c.integer(1, 3),
                           [With(Name("fmt", self.c.choice(FMT_PREFIXES), param="i",
                                      style=self.c.integer(0, 3)), body=[stmt])])
            elif wrap == 3:
                stmt = self.units_block()[0]
            stmts.append(stmt)
            # standalone: the composite called once at the top
            probe.entry = [Call(name, [])]
            if not probe.valid():
                stmts.pop()
        if not stmts:
            return None
        if scope_kind == "lit":
            fn.body = [With(Name("lit", lit), body=stmts)]
        elif scope_kind == "or":
            params.append(Param("scope", None))
            fn.body = [With(Name("or", lit, param="scope"), body=stmts)]
        elif scope_kind == "param":
            params.append(Param("scope", lit))
            fn.body = [With(Name("param", param="scope"), body=stmts)]
        elif scope_kind == "default":
            fn.body = [With(Name("default", lit), body=stmts)]
        return fn

    # ---- entry statements
    def entry_candidates(self, prog: ProgramIR) -> list[Any]:
        """One drawn statement, in its reuse variants (the drawn preference first)."""
        fns = list(prog.functions.values())
        target = self.c.choice(("x", "y"))
        kind = self.c.integer(0, 5)
        if prog.mode == "script" and kind in (1, 2, 4) and self.c.boolean(0.6):
            kind = self.c.choice((0, 5))  # scripts: calls inside scopes are mostly refused
        if kind == 5 or not fns:  # the entry creates variables itself, in a scope
            stmt: Any = With(Name("lit", self.c.choice(SCOPES)), body=self.units_block())
            return [Target(target, stmt)] + [Target(target, With(stmt.name, Reuse(r), stmt.body))
                                             for r in ("true", "auto")]
        fn = self.c.choice(fns)
        has_reuse = any(p.name == "reuse" for p in fn.params)
        base_args = self.call_args(fn, reuse=None)

        def call(reuse: bool | None) -> Call:
            if reuse is None or not has_reuse:
                return Call(fn.name, [a for a in base_args if a[0] != "reuse"])
            args = [a for a in base_args if a[0] != "reuse"]
            index = [p.name for p in fn.params].index("reuse")
            keyword = (len(args) != index or any(a[2] for a in args)
                       or self.c.boolean(0.5))
            # `reuse` comes after the other parameters in every generated signature
            return Call(fn.name, args + [("reuse", reuse, keyword)])

        if kind == 4 and self.c.boolean(0.4):  # a captured scope object re-entered with reuse
            self.captures += 1
            var = f"{self.c.choice(('enc', 'shared', 'd'))}_scope{self.captures}"
            other = "y" if target == "x" else "x"
            first = With(Name("lit", self.c.choice(SCOPES)), body=[Target(target, call(None))],
                         as_scope=True, as_name=var)
            again = With(Name("captured", param=var), Reuse("true"), [Target(other, call(None))])
            return [Seq([first, again])]
        if kind == 4:  # towers: the same layer on x and y in one scope, reuse in between
            via_scope = self.c.boolean()
            body = [Target("x", call(None)), ReuseVariables(via_scope), Target("y", call(None))]
            return [With(Name("lit", self.c.choice(SCOPES)), body=body, as_scope=via_scope)]
        if kind == 3:  # in a loop of scopes
            prefix = self.c.choice(FMT_PREFIXES)
            style = self.c.integer(0, 3)
            n = self.c.integer(1, 3)
            return [Target(target, For("j", n, [With(Name("fmt", prefix, param="j", style=style),
                                                     reuse, [call(None)])]))
                    for reuse in (Reuse(), Reuse("true"), Reuse("auto"))]
        wrappers = [self.c.choice(SCOPES) for _ in range(kind if kind < 3 else 0)]
        variants: list[Any] = []
        first = self.c.boolean(0.5)
        for reuse_arg in ((first, not first) if has_reuse else (None,)):
            for outer in ("none", "true", "auto"):
                if outer != "none" and not wrappers:
                    continue
                stmt = call(reuse_arg)
                for i, scope in enumerate(reversed(wrappers)):
                    outermost = i == len(wrappers) - 1
                    stmt = With(Name("lit", scope), Reuse(outer if outermost else "none"), [stmt])
                variants.append(Target(target, stmt))
        return variants

    def program(self) -> ProgramIR:
        mode = self.c.choice(("function", "function", "method", "script"))
        prog = ProgramIR(mode)
        for _ in range(self.c.integer(1, 3)):
            fn = self.leaf(prog, method=mode == "method" and self.c.boolean(0.7))
            prog.functions[fn.name] = fn
        for _ in range(self.c.integer(0, 2)):
            fn = self.composite(prog, method=mode == "method" and self.c.boolean(0.7))
            if fn is not None:
                prog.functions[fn.name] = fn
        for _ in range(self.c.integer(1, 5)):
            for candidate in self.entry_candidates(prog):
                prog.entry.append(candidate)
                if prog.valid():
                    break
                prog.entry.pop()
        if not prog.entry or not prog.simulate().vars:
            fn = next(iter(prog.functions.values()))
            prog.entry.append(Target("x", Call(fn.name, self.call_args(fn, reuse=False))))
            if not prog.valid():
                prog.entry.pop()
                prog.entry.append(Target("x", With(Name("lit", "fallback"),
                                                   body=[Dense("w", "b")])))
        # unused functions stay: harmless, and a realistic file has them
        return prog


def tf1_program(chooser: Chooser) -> Program:
    prog = _Gen(chooser).program()
    sim = prog.simulate()
    entry = {"function": "build", "method": "Model.build", "script": None}[prog.mode]
    inputs = {} if prog.mode == "script" else dict(INPUTS)
    return Program(prog.render(), prog.mode, entry, inputs, tuple(sim.vars), prog)


def tf1_program_from_seed(seed: int) -> Program:
    return tf1_program(RandomChooser(seed))


# --------------------------------------------------------------------------------------------
# Plain (non-TF) Python

IDENTS = ("a", "b", "count", "größe", "π", "naïve", "données", "_x", "ñ", "値", "total_1",
          "get_variable", "variable_scope", "scope", "reuse", "Λ")
STRINGS = ('"héllo"', "'ü→∑'", '"variable_scope"', "'get_variable(\"w\")'", '""', "'tab\\there'",
           '"日本語"', "r'\\d+'", "b'bytes'", '"""tri\nple"""', "'emoji 🙂'", "u'uni'")
COMMENTS = ("# plain comment", "# coding note: ünïcödé", "#no space", "# tf.variable_scope in a comment",
            "#   indented  ", "# 🙂 emoji", "# reuse=True")


class _PyGen:
    def __init__(self, c: Chooser) -> None:
        self.c = c

    def ident(self) -> str:
        return self.c.choice(IDENTS)

    def atom(self) -> str:
        k = self.c.integer(0, 5)
        if k == 0:
            return self.ident()
        if k == 1:
            return self.c.choice(("0", "1", "42", "3.5", "1_000", "0x1F", "1e-3", "2j", "None",
                                  "True", "..."))
        if k == 2:
            return self.c.choice(STRINGS)
        if k == 3:
            v = self.ident()
            return self.c.choice((f'f"{{{v}}}"', f"f'{{{v}!r:>10}}'", f'f"x={{{v} + 1}} y"',
                                  f"f'{{{v}}}{{{v}}}'", f'F"{{ {v} }}"'))
        if k == 4:
            return f"[{self.ident()}, {self.c.choice(STRINGS)}]"
        return f"{{{self.c.choice(STRINGS)}: {self.ident()}}}"

    def expr(self, depth: int = 0) -> str:
        if depth > 2:
            return self.atom()
        k = self.c.integer(0, 9)
        if k <= 2:
            return self.atom()
        if k == 3:
            op = self.c.choice((" + ", "-", " * ", " // ", " ** ", " and ", " or ", " if x else ",
                                " @ ", "  %  "))
            text = f"{self.expr(depth + 1)}{op}{self.expr(depth + 1)}"
            # a bare conditional is not allowed as a comprehension's iterable
            return f"({text})" if "else" in op else text
        if k == 4:
            return f"{self.ident()}({self.expr(depth + 1)}, key={self.expr(depth + 1)})"
        if k == 5:
            return f"[{self.ident()} for {self.ident()} in {self.expr(depth + 1)} if {self.ident()}]"
        if k == 6:
            return f"(lambda {self.ident()}, *rest: {self.expr(depth + 1)})"
        if k == 7:
            return f"({self.ident()} := {self.expr(depth + 1)})"
        if k == 8:
            return f"(\n    {self.expr(depth + 1)},\n        {self.expr(depth + 1)}  # inner\n)"
        return f"{self.ident()}.{self.c.choice(('get_variable', 'variable_scope', 'attr', 'reuse_variables'))}({self.atom()})"

    def simple(self) -> str:
        k = self.c.integer(0, 11)
        if k == 0:
            return f"{self.ident()} = {self.expr()}"
        if k == 1:
            return f"{self.ident()}  +=\t{self.expr()}"
        if k == 2:
            return f"{self.ident()}: {self.c.choice(('int', 'list[str]', 'dict[str, int] | None'))} = {self.expr()}"
        if k == 3:
            return f"{self.expr()}"
        if k == 4:
            return f"x = 1; y = {self.expr()};"
        if k == 5:
            return f"total = 1 + \\\n    {self.expr()}"
        if k == 6:
            return self.c.choice(COMMENTS)
        if k == 7:
            return f"assert {self.expr()}, {self.c.choice(STRINGS)}"
        if k == 8:
            return self.c.choice(("import os", "from collections import OrderedDict as OD",
                                  "import contextlib, itertools", "from . import sibling",
                                  "global g", "pass", "del a[0]", "raise ValueError('x') from None"))
        if k == 9:
            return f"{self.ident()}, *{self.ident()} = {self.expr()}"
        if k == 10:
            return f"print({self.expr()}, sep='', end=\"\\n\")   "
        return ""

    def block(self, depth: int, indent: str) -> list[str]:
        lines: list[str] = []
        for _ in range(self.c.integer(1, 3)):
            lines += self.stmt(depth + 1, indent)
        # a block of only comments / blank lines does not parse
        return lines + [indent + self.c.choice(("pass", "return", "...", "continue_ = 1"))]

    def stmt(self, depth: int, indent: str) -> list[str]:
        step = self.c.choice(("    ", "  ", "\t", "        "))
        inner = indent + step
        k = self.c.integer(0, 12) if depth < 3 else 0
        if k <= 3:
            return [indent + self.simple()]
        if k == 4:
            deco = [indent + "@" + self.c.choice(("staticmethod", "functools.lru_cache(maxsize=None)",
                                                   "decorator.attr"))] if self.c.boolean(0.3) else []
            head = self.c.choice((f"def {self.ident()}(a, b=1, *args, c: int = 2, **kw) -> None:",
                                  f"async def {self.ident()}(x, /, y):",
                                  f"def {self.ident()}():  # comment",
                                  f"def get_variable(name, shape=None, reuse=False):"))
            doc = [inner + self.c.choice(('"""Docstring with ünïcode."""', "'''doc'''"))] \
                if self.c.boolean(0.3) else []
            return deco + [indent + head] + doc + self.block(depth, inner)
        if k == 5:
            return [indent + f"class {self.c.choice(('Model', 'Größe', 'Scope', 'A'))}"
                    f"({self.c.choice(('object', '', 'Base, metaclass=Meta'))}):"] + \
                self.block(depth, inner)
        if k == 6:
            return [indent + self.c.choice((f"with open({self.c.choice(STRINGS)}) as fh:",
                                            "with variable_scope('enc'):",
                                            "with a as b, c as (d, e):",
                                            "async with lock:",
                                            "with (\n" + indent + "    ctx() as one,\n" + indent + "    ctx() as two,\n" + indent + "):"))] + \
                self.block(depth, inner)
        if k == 7:
            lines = [indent + f"for {self.ident()} in {self.expr()}:"] + self.block(depth, inner)
            if self.c.boolean(0.3):
                lines += [indent + "else:"] + self.block(depth, inner)
            return lines
        if k == 8:
            return [indent + f"while ({self.ident()} := {self.expr()}) is not None:"] + \
                self.block(depth, inner)
        if k == 9:
            lines = [indent + "try:"] + self.block(depth, inner)
            lines += [indent + "except (ValueError, KeyError) as err:"] + self.block(depth, inner)
            if self.c.boolean(0.4):
                lines += [indent + "finally:"] + self.block(depth, inner)
            return lines
        if k == 10:
            lines = [indent + f"match {self.ident()}:"]
            case_indent = inner
            body_indent = inner + step
            for pattern in self.c.choice((("[x, y, *rest]", "{'k': v}", "_"),
                                          ("Point(x=0, y=0)", "1 | 2 | 3", "str() as s"),
                                          ("(a, b) if a > b", "None"))):
                lines.append(case_indent + f"case {pattern}:")
                lines += self.block(depth + 1, body_indent)
            return lines
        if k == 11:
            lines = [indent + f"if {self.expr()}:"] + self.block(depth, inner)
            if self.c.boolean(0.5):
                lines += [indent + f"elif {self.ident()}:"] + self.block(depth, inner)
            if self.c.boolean(0.5):
                lines += [indent + "else:"] + self.block(depth, inner)
            return lines
        return [indent + "", indent + "   "]  # blank lines, one with trailing spaces

    def module(self) -> str:
        lines: list[str] = []
        if self.c.boolean(0.2):
            lines.append("# -*- coding: utf-8 -*-")
        if self.c.boolean(0.3):
            lines.append('"""Module docstring — ünïcode."""')
        for _ in range(self.c.integer(1, 6)):
            lines += self.stmt(0, "")
        newline = self.c.choice(("\n", "\n", "\n", "\r\n"))
        text = newline.join(lines)
        ending = self.c.choice(("\n", "", "\n\n", "  \n"))
        return text + (ending.replace("\n", newline))


def plain_python(chooser: Chooser) -> str:
    return _PyGen(chooser).module()
