"""The one transform pass of the upgrade stage (plus a statement-only cleanup when needed)."""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from migrate.contrib_paths import public_contrib_name
from migrate.diagnostics import Diagnostic
from migrate.upgrade import rules
from migrate.upgrade.codegen import StatementLines, start_positions, statement_positions
from migrate.upgrade.resolve import Binding, FileFacts, dotted, is_v2_identical, module_name
from migrate.upgrade.shapes import NO_NAMES, Names, scope_names
from migrate.upgrade.tables import Tables
from migrate.upgrade.variable_free_layers import LAYER_OBJECTS, applied, as_lambda

_V1_SAFE_PREFIXES = ("tf.math.", "tf.random.", "tf.linalg.", "tf.io.", "tf.debugging.",
                     "tf.strings.", "tf.dtypes.", "tf.bitwise.")
_SESSION_OK_V1 = ("keepdims", "axis")
_NO_WS = cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""),
                         whitespace_after=cst.SimpleWhitespace(""))


@dataclass(frozen=True)
class Ref:
    name: str  # TF1 name "tf.a.b" (compat.v1 prefix stripped)
    root: str  # local name the chain starts with
    binding: Binding
    explicit_v1: bool  # spelled `...compat.v1...` in the source

    @property
    def via_v1(self) -> bool:
        return self.binding.v1 or self.explicit_v1


def chain(dotted_name: str) -> cst.BaseExpression:
    parts = dotted_name.split(".")
    expr: cst.BaseExpression = cst.Name(parts[0])
    for p in parts[1:]:
        expr = cst.Attribute(value=expr, attr=cst.Name(p))
    return expr


def kwarg(name: str, value: cst.BaseExpression) -> cst.Arg:
    return cst.Arg(value=value, keyword=cst.Name(name), equal=_NO_WS)


def _side_effect_free(e: cst.BaseExpression) -> bool:
    """A name, attribute chain or constant subscript: reading it twice reads the same thing."""
    while isinstance(e, (cst.Attribute, cst.Subscript)):
        if isinstance(e, cst.Subscript) and not all(
                isinstance(s.slice, cst.Index) and isinstance(s.slice.value, (cst.Integer, cst.Name, cst.SimpleString))
                for s in e.slice):
            return False
        e = e.value
    return isinstance(e, cst.Name)


def _is_none(e: cst.BaseExpression | None) -> bool:
    return isinstance(e, cst.Name) and e.value == "None"


def _bool_literal(e: cst.BaseExpression | None) -> bool | None:
    if isinstance(e, cst.Name) and e.value in ("True", "False"):
        return e.value == "True"
    return None


def _string_value(e: cst.BaseExpression | None) -> str | None:
    if isinstance(e, cst.SimpleString):
        try:
            v = e.evaluated_value
        except Exception:  # pragma: no cover - odd prefixes
            return None
        return v if isinstance(v, str) else None
    return None


def _atomic(e: cst.BaseExpression) -> bool:
    return bool(e.lpar) or isinstance(
        e, (cst.Name, cst.Attribute, cst.Integer, cst.Float, cst.Call, cst.Subscript,
            cst.SimpleString)
    )


def _paren(e: cst.BaseExpression) -> cst.BaseExpression:
    return e if _atomic(e) else e.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])


def _finish_args(args: list[cst.Arg], original: cst.Call) -> list[cst.Arg]:
    """Valid commas after arguments were removed/added (keep a trailing comma only if there was
    one)."""
    if not args:
        return args
    trailing = bool(original.args) and isinstance(original.args[-1].comma, cst.Comma)
    out = []
    for i, a in enumerate(args):
        if i < len(args) - 1:
            if not isinstance(a.comma, cst.Comma):
                a = a.with_changes(comma=cst.MaybeSentinel.DEFAULT)
        elif not trailing:
            a = a.with_changes(comma=cst.MaybeSentinel.DEFAULT)
        out.append(a)
    return out


def _bind(call: cst.Call, params) -> dict[str, cst.Arg] | None:
    """Arguments by parameter name, or None when that is not statically clear."""
    out: dict[str, cst.Arg] = {}
    pos = 0
    for a in call.args:
        if a.star:
            return None
        if a.keyword is None:
            if pos >= len(params) or params[pos] is None:
                return None
            out[params[pos]] = a
            pos += 1
        else:
            if a.keyword.value not in params:
                return None
            out[a.keyword.value] = a
    return out


def kind_owned(name: str) -> bool:
    """A name only the v1 API has that the structural stage owns (variable_scope, ...)."""
    return any(name == o or name.startswith(o + ".") for o in rules.OWNED_V1_ONLY)


# contrib summary helpers that tf_upgrade_v2 renames to tf.summary.record_if(condition)
_RECORD_IF = {"tf.contrib.summary.always_record_summaries": "True",
              "tf.contrib.summary.never_record_summaries": "False"}


class Upgrader(cst.CSTTransformer):
    """One pass over a file. Code the structural stage left as TF1 (functions in `skip`) gets
    *compat renames only*: what tf_upgrade_v2 would do to make it run on TF2's compat API
    (`tf.variable_scope` -> `tf.compat.v1.variable_scope`, ...), never our native rewrites,
    helpers or Session changes, whose values assume converted code."""

    def __init__(self, facts: FileFacts, tables: Tables, skip: frozenset[str], keep_v1: bool):
        super().__init__()
        self.facts = facts
        self.bindings = facts.bindings
        self.tables = tables
        self.skip = skip
        self.keep_v1 = keep_v1
        self._compat = 0  # > 0: inside code left as TF1 (compat renames only)
        # Name scopes for `.value` on dimensions: the module, functions; None for class bodies
        # and lambdas (no name there counts as a dimension). Scanned only when needed.
        self._scopes: list[cst.FunctionDef | None] = []
        self.module: cst.Module | None = None  # the module walked (its top level is a scope too)
        self._scope_names: dict[int, Names] = {}
        self.found: list[tuple[str, str, cst.CSTNode, str]] = []  # code, msg, node, severity
        self.helpers: set[str] = set()
        self.graph_needed = False
        self.new_tf_alias: str | None = None
        self._stack: list[str] = []
        # ids of func chains a call rule takes care of, per mode: a node the structural stage
        # emits twice, in a class and in the TF1 def kept beside it (t2t's td_conv defaults), is
        # marked in the class's native pass and must still get the kept def's compat renames, as
        # a second run over the output (which sees the kept def alone) gives it
        self._native_chain_done: set[int] = set()
        self._compat_chain_done: set[int] = set()
        self._applied_layers: set[int] = set()  # ids of `tf.layers.MaxPooling2D(...)` called at once
        self._quiet: set[int] = set()  # ids of nodes whose compat diagnostics are deferred
        self._deferred: list[tuple[str, str, cst.CSTNode, str]] = []
        self.pending_with: dict[int, list[cst.BaseStatement]] = {}
        self.pending_with_nodes: list[tuple[cst.With, cst.With]] = []
        self.disablers: list[tuple[cst.SimpleStatementLine, str]] = []
        self.changed = False
        self._disabler_lines: set[int] = set()
        self._eager_guarded: set[int] = set()  # `.op.name` already under `... if not tf.executing_eagerly()`
        self._stored: set[int] = set()  # assignment targets: `x.name = ...` is not a read
        self._reads_collections: bool | None = None  # the file reads graph collections back

    @property
    def in_compat(self) -> bool:
        return self._compat > 0

    @property
    def _chain_done(self) -> set[int]:
        return self._compat_chain_done if self._compat > 0 else self._native_chain_done

    # ------------------------------------------------------------------ helpers
    def report(self, code: str, msg: str, node: cst.CSTNode, severity: str = "info") -> None:
        item = (code, msg, node, severity)
        (self._deferred if id(node) in self._quiet else self.found).append(item)

    def resolve(self, expr: cst.BaseExpression) -> Ref | None:
        parts = dotted(expr)
        if not parts:
            return None
        b = self.bindings.get(parts[0])
        if b is None or b.v2:
            return None
        name = b.canonical + ("." + ".".join(parts[1:]) if len(parts) > 1 else "")
        explicit = False
        if name == "tf.compat.v1" or name.startswith("tf.compat.v1."):
            name, explicit = "tf" + name[len("tf.compat.v1"):], True
        elif name.startswith("tf.compat."):
            return None
        if name.startswith("tf.contrib."):  # (an internal path: the public name it re-exports)
            name = "tf." + public_contrib_name(name[3:])
        return Ref(name, parts[0], b, explicit)

    def tf2_alias(self) -> str:
        roots = [n for n, b in self.bindings.items()
                 if b.is_root and not b.v2 and not (b.v1 and self.keep_v1)]
        if roots:
            return "tf" if "tf" in roots else roots[0]
        if self.new_tf_alias is None:
            for cand in ("tf", "tf2", "_tf"):
                if cand not in self.facts.names_bound:
                    self.new_tf_alias = cand
                    break
            else:  # pragma: no cover
                self.new_tf_alias = "_tensorflow"
        return self.new_tf_alias

    def spell(self, target: str, ref: Ref) -> cst.BaseExpression:
        if not target.startswith("tf.") and target != "tf":
            return chain(target)
        b = ref.binding
        if b.is_root:
            if b.v1 and self.keep_v1:
                if target.startswith("tf.compat.v1."):
                    return chain(ref.root + target[len("tf.compat.v1"):])
            return chain(ref.root + target[2:])
        if not b.v1 and target.startswith(b.canonical + "."):
            return chain(ref.root + target[len(b.canonical):])
        return chain(self.tf2_alias() + target[2:])

    def still_v1(self, ref: Ref) -> bool:
        """The reference still reaches the v1 API after this pass (explicit compat.v1, a kept
        v1 alias, or a name imported from tensorflow.compat.v1)."""
        if ref.explicit_v1:
            return True
        return ref.binding.v1 and (self.keep_v1 or not ref.binding.is_root)

    def v1_frozen(self, ref: Ref) -> bool:
        """References through a v1 root alias the file keeps: only v1-safe rewrites."""
        return ref.binding.is_root and ref.binding.v1 and self.keep_v1

    # ------------------------------------------------------------------ decisions
    def decide(self, name: str) -> tuple[str, str | None, str]:
        """(kind, target, why): kind is keep / native / rename / compat / contrib / flags."""
        owned = next((o for o in rules.OWNED if name == o or name.startswith(o + ".")), None)
        if owned is not None:
            if owned in rules.OWNED_V1_ONLY:
                # Left in the output, these are TF1 code the structural stage did not convert:
                # only the v1 API has them (tf_upgrade_v2's rename; the structural stage has
                # already run, so nothing it owns is taken from it here).
                return "compat", "tf.compat.v1." + name[3:], "not part of the TF2 API"
            return "keep", None, ""
        if name in ("tf.flags", "tf.app.flags") or name.startswith(("tf.flags.", "tf.app.flags.")):
            return "flags", "tf.compat.v1." + name[3:], ""
        parts = name.split(".")
        for i in range(len(parts), 1, -1):
            prefix, rest = ".".join(parts[:i]), name[len(".".join(parts[:i])):]
            if prefix in rules.NATIVE and not self.in_compat:
                return "rename", rules.NATIVE[prefix] + rest, ""
            if prefix in rules.SEMANTICS_DIFFER:
                return "compat", "tf.compat.v1." + name[3:], rules.SEMANTICS_DIFFER[prefix]
            if prefix == "tf.nn.softmax_cross_entropy_with_logits_v2":
                # TF2's name is TF1's v1 function, which a second run would wrap in stop_gradient:
                # the explicit TF2 spelling keeps the v2 meaning and stays as it is
                return "rename", "tf.compat.v2.nn.softmax_cross_entropy_with_logits" + rest, ""
            if prefix in self.tables.renames:
                target = self.tables.renames[prefix] + rest
                if target.startswith("tf.compat.v1."):
                    why = self.tables.function_warnings.get(prefix, ["", ""])[1]
                    return "compat", target, why
                if target.startswith("tf.compat.v2."):
                    plain = "tf." + target[len("tf.compat.v2."):]
                    # `tf.summary.scalar` reads as TF1's on a later run: keep the explicit v2
                    target = plain if is_v2_identical(plain, self.tables) else target
                if any(target == p or target.startswith(p + ".") for p in self.tables.v1_only):
                    # tf_upgrade_v2's target is itself v1-only (`tf.contrib.rnn.LSTMStateTuple` ->
                    # `tf.nn.rnn_cell.LSTMStateTuple`): the compat spelling exists in TF2
                    return "compat", "tf.compat.v1." + target[3:], "not part of the TF2 API"
                return "rename", target, ""
            if prefix in self.tables.v1_only:
                return "compat", "tf.compat.v1." + name[3:], "not part of the TF2 API"
        if name == "tf.contrib" or name.startswith("tf.contrib."):
            return self.decide_contrib(name)
        if self.in_compat and not self._args_only(name) and not is_v2_identical(name, self.tables):
            # TF1 code kept as TF1: a name whose TF2 meaning differs keeps its v1 meaning.
            return "compat", "tf.compat.v1." + name[3:], "its TF2 meaning differs"
        return "native", name, ""

    def decide_contrib(self, name: str) -> tuple[str, str | None, str]:
        """contrib names with an exact TF2 spelling (rules.CONTRIB_*); else `contrib` (an error)."""
        if name in rules.CONTRIB_CONSTANTS:
            return "literal", rules.CONTRIB_CONSTANTS[name], ""
        parts = name.split(".")
        for i in range(len(parts), 2, -1):
            prefix, rest = ".".join(parts[:i]), name[len(".".join(parts[:i])):]
            if prefix in rules.CONTRIB_NATIVE:
                return "rename", rules.CONTRIB_NATIVE[prefix] + rest, ""
            if prefix in rules.CONTRIB_COMPAT:
                target, why = rules.CONTRIB_COMPAT[prefix]
                return "compat", target + rest, why
        return "contrib", None, ""

    def _args_only(self, name: str) -> bool:
        """tf_upgrade_v2 only changes this function's arguments (reorders, keyword renames)."""
        return name in self.tables.reorders or name in self.tables.keyword_renames or name in rules.EXTRA_REORDERS

    def contrib_message(self, name: str) -> str:
        best, msg = "", ""
        for prefix, (_, text) in self.tables.module_deprecations.items():
            if (name == prefix or name.startswith(prefix + ".")) and len(prefix) > len(best):
                best, msg = prefix, text
        msg = (msg or "tf.contrib does not exist in TF2.").replace("<function name>", name)
        if name in self.tables.addons:
            msg += f" TensorFlow Addons has it as `{self.tables.addons[name]}`."
        return f"`{name}`: {msg}"

    def apply_chain(self, node: cst.BaseExpression, ref: Ref) -> cst.BaseExpression | None:
        kind, target, why = self.decide(ref.name)
        if ref.name in rules.GRAPH_ONLY and id(node) not in self._quiet:
            self.graph_needed = True
        if kind == "keep":
            return None
        if kind == "contrib":
            self.report("contrib", self.contrib_message(ref.name), node, "error")
            return None
        if kind == "literal":
            self.report("contrib", f"`{ref.name}` -> the string {target!r} it stands for", node)
            return cst.SimpleString(repr(target))
        if kind == "flags":
            self.report("flags", f"`{ref.name}` is not in TF2: use absl.flags "
                        "(`from absl import flags`; tf.compat.v1.flags is the same module).",
                        node, "error")
            return None if self.still_v1(ref) else self.spell(target, ref)
        if kind == "native":
            return self.spell(target, ref) if ref.explicit_v1 else None
        if kind == "rename":
            if ref.name.startswith("tf.contrib."):  # no v1 spelling to keep: contrib is gone
                self.report("contrib", f"`{ref.name}` -> `{target}` (the same module in TF2)", node)
                return chain(self.tf2_alias() + target[2:])
            if self.v1_frozen(ref) and not (target.startswith(_V1_SAFE_PREFIXES)
                                            and ref.name.count(".") == 1):
                return None
            return self.spell(target, ref)
        # compat
        msg = f"`{ref.name}` kept as `{target}`"
        if why:
            msg += f": {why}"
        self.report("compat-v1-kept", msg, node)
        if (self.in_compat or kind_owned(ref.name)) and id(node) not in self._quiet:
            self.graph_needed = True  # TF1 code left as TF1 may need graph mode: keep the switch
        if self.still_v1(ref):
            return None
        return self.spell(target, ref)

    # ------------------------------------------------------------------ scopes
    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._stack.append(node.name.value)
        self._scopes.append(None)

    def leave_ClassDef(self, original_node, updated_node):
        self._stack.pop()
        self._scopes.pop()
        return updated_node

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        self._stack.append(node.name.value)
        self._scopes.append(node)
        if ".".join(self._stack) in self.skip:
            self._compat += 1
        return True

    def leave_FunctionDef(self, original_node, updated_node):
        if ".".join(self._stack) in self.skip:
            self._compat -= 1
        self._stack.pop()
        self._scopes.pop()
        return updated_node

    def visit_Lambda(self, node: cst.Lambda) -> None:
        self._scopes.append(None)

    def leave_Lambda(self, original_node, updated_node):
        self._scopes.pop()
        return updated_node

    def names(self) -> Names:
        scope = self._scopes[-1] if self._scopes else self.module
        if scope is None:
            return NO_NAMES
        names = self._scope_names.get(id(scope))
        if names is None:
            names = self._scope_names[id(scope)] = scope_names(scope)
        return names

    def dimension_value(self, original: cst.Attribute, updated: cst.Attribute) -> cst.BaseExpression | None:
        """`D.value` of a TF1 Dimension `D`: `D` itself in TF2 code (shapes index to int /
        None); `tf.compat.dimension_value(D)` in code kept as TF1, right in both modes."""
        if updated.attr.value != "value":
            return None
        target = original.value
        if isinstance(target, cst.Name):
            if target.value in ("self", "cls") or not self.names().dimension(target):
                return None
        elif not (isinstance(target, cst.Subscript)
                  and (NO_NAMES.dimension(target) or self.names().dimension(target))):
            return None
        self.changed = True
        if self.in_compat:
            self.report("compat-v1-kept", "`.value` of a shape dimension spelled "
                        "`tf.compat.dimension_value(...)`: TF2 shapes hold ints, TF1 ones Dimensions "
                        "(right in both)", original)
            root = next((n for n, b in self.bindings.items() if b.is_root and not b.v2), None) or self.tf2_alias()
            return cst.Call(func=chain(root + ".compat.dimension_value"), args=[cst.Arg(updated.value)],
                            lpar=updated.lpar, rpar=updated.rpar)
        return updated.value.with_changes(lpar=updated.lpar, rpar=updated.rpar)

    # ------------------------------------------------------------------ imports
    def visit_Import(self, node) -> bool:
        return False

    def visit_Assign(self, node: cst.Assign) -> bool:
        # `slim = tf.contrib.slim` at module level is an import by another spelling: left as
        # written (dropped when unused), its uses are what gets rewritten or reported
        from migrate.upgrade.resolve import _contrib_alias

        return bool(self._stack) or not _contrib_alias(node, self.bindings)

    def visit_ImportFrom(self, node) -> bool:
        return False

    def leave_Import(self, original_node: cst.Import, updated_node: cst.Import):
        names = list(updated_node.names)
        touched = False
        for i, alias in enumerate(names):
            if module_name(alias.name) == "tensorflow.compat.v1" and alias.asname is not None:
                if self.keep_v1:
                    self.report_v1_kept(original_node)
                else:
                    names[i] = alias.with_changes(name=cst.Name("tensorflow"))
                    touched = True
        return updated_node.with_changes(names=names) if touched else updated_node

    def leave_ImportFrom(self, original_node: cst.ImportFrom, updated_node: cst.ImportFrom):
        if (
            module_name(updated_node.module) == "tensorflow.compat"
            and not isinstance(updated_node.names, cst.ImportStar)
            and len(updated_node.names) == 1
            and isinstance(updated_node.names[0].name, cst.Name)
            and updated_node.names[0].name.value == "v1"
        ):
            if self.keep_v1:
                self.report_v1_kept(original_node)
                return updated_node
            alias = updated_node.names[0]
            local = alias.asname.name.value if alias.asname else "v1"
            return cst.Import(
                names=[cst.ImportAlias(name=cst.Name("tensorflow"),
                                       asname=cst.AsName(name=cst.Name(local)))],
                semicolon=updated_node.semicolon,
            )
        b = module_name(updated_node.module) if updated_node.module else ""
        if b.startswith("tensorflow.compat.v1"):
            self.report("compat-v1-kept", f"`from {b} import ...` kept: names imported from the "
                        "v1 API keep their TF1 meaning", original_node)
        return updated_node

    def report_v1_kept(self, node: cst.CSTNode) -> None:
        why = "; ".join(dict.fromkeys(self.facts.v1_needed[:4]))
        self.report("compat-v1-kept", f"`import tensorflow.compat.v1` kept: the file still needs "
                    f"the v1 API ({why})", node, "warning")

    # ------------------------------------------------------------------ references
    def visit_Attribute(self, node: cst.Attribute) -> bool:
        parts = dotted(node)
        if parts is None:
            return True
        return False

    def leave_Attribute(self, original_node: cst.Attribute, updated_node: cst.Attribute):
        # `x.shape[i].value`, `d.value` of `for d in x.shape` -> the dimension itself
        dim = self.dimension_value(original_node, updated_node)
        if dim is not None:
            return dim
        op_name = self.op_name(original_node, updated_node) or self.tensor_name(original_node, updated_node)
        if op_name is not None:
            return op_name
        if id(original_node) in self._chain_done:
            return updated_node
        ref = self.resolve(original_node)
        if ref is None:
            plain = self.plain_v2(original_node)
            return updated_node if plain is None else plain.with_changes(lpar=updated_node.lpar,
                                                                        rpar=updated_node.rpar)
        new = self.apply_chain(original_node, ref)
        if new is None:
            return updated_node
        self.changed = True
        return new.with_changes(lpar=updated_node.lpar, rpar=updated_node.rpar)

    def visit_IfExp(self, node: cst.IfExp) -> None:
        # (a second run: the guard op_name wrote is not written again)
        test = node.test
        if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not) \
                and isinstance(test.expression, cst.Call) and isinstance(test.expression.func, cst.Attribute) \
                and test.expression.func.attr.value == "executing_eagerly":
            self._eager_guarded.add(id(node.body))

    def op_name(self, original: cst.Attribute, updated: cst.Attribute) -> cst.BaseExpression | None:
        """`x.op.name` of a tensor in TF2 code (CIFAR-10's `_activation_summary`, run by a
        converted layer): an eager tensor has no op (AttributeError), so it reads
        `(x.op.name if not tf.executing_eagerly() else "")`: the op name wherever TF1 code ran
        (graphs, tf.function), "" in eager (where TF1 summaries named by it are no-ops)."""
        op = original.value
        if self.in_compat or id(original) in self._eager_guarded or original.attr.value != "name" or not (
                isinstance(op, cst.Attribute) and op.attr.value == "op"):
            return None
        target = op.value
        if not _side_effect_free(target) or self.resolve(target) is not None or (
                isinstance(target, cst.Name) and target.value in ("self", "cls")):
            return None
        self.changed = True
        self.report("graph-only", "`.op.name` of a tensor: eager tensors have no op (AttributeError in TF2); "
                    "guarded by tf.executing_eagerly(): the op name in graphs and tf.function, \"\" in eager", original)
        text = cst.Module([]).code_for_node(updated.with_changes(lpar=[], rpar=[]))
        return cst.parse_expression(f'({text} if not {self.tf2_alias()}.executing_eagerly() else "")')

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        self._stored.add(id(node.target))

    def tensor_name(self, original: cst.Attribute, updated: cst.Attribute) -> cst.BaseExpression | None:
        """`tensor.name` of a name that says it holds a tensor (BERT's `get_shape_list(tensor,
        name=None)`: `name = tensor.name`, copied into ALBERT, ELECTRA and their forks), in TF2
        code: an eager tensor has no name (AttributeError when a converted layer calls it), so it
        reads `_tensor_name(tensor)`: the name wherever TF1 code
        ran, "" for an eager tensor (one made eagerly is eager inside tf.function too)."""
        target = original.value
        if self.in_compat or id(original) in self._stored or "_tensor_name" in self._stack \
                or original.attr.value != "name" or not isinstance(target, cst.Name) \
                or "tensor" not in target.value.lower() or self.resolve(target) is not None:
            return None
        self.changed = True
        self.helpers.add("_tensor_name")
        self.report("graph-only", f"`{target.value}.name`: eager tensors have no name (AttributeError in TF2); "
                    "read by _tensor_name(): the name of a graph tensor or a variable, \"\" for an eager tensor",
                    original)
        return cst.Call(cst.Name("_tensor_name"), [cst.Arg(target)])

    def plain_v2(self, node: cst.Attribute) -> cst.BaseExpression | None:
        """`tf.compat.v2.X` -> `tf.X` where `tf` is the TF2 root after this pass. Generated code
        (the `_tf1_scope` helper, method delegates) names the TF2 API so, explicitly, because it
        must work whatever the file's import ends up being."""
        parts = dotted(node)
        if not parts or len(parts) < 4 or parts[1:3] != ["compat", "v2"]:
            return None
        if parts[3:] == ["nn", "softmax_cross_entropy_with_logits"]:
            return None  # plain `tf.nn.` would read as TF1's v1 function on a later run
        if not is_v2_identical(".".join(["tf", *parts[3:]]), self.tables):
            return None  # likewise `tf.summary.scalar` (TF1's in tf_upgrade_v2's tables)
        b = self.bindings.get(parts[0])
        if b is None or not b.is_root or b.v2 or (b.v1 and self.keep_v1):
            return None
        self.changed = True
        return chain(".".join([parts[0], *parts[3:]]))

    def leave_Name(self, original_node: cst.Name, updated_node: cst.Name):
        b = self.bindings.get(original_node.value)
        if b is None or b.is_root or b.v2 or id(original_node) in self._chain_done:
            return updated_node
        ref = self.resolve(original_node)
        if ref is None:
            return updated_node
        new = self.apply_chain(original_node, ref)
        if new is None:
            return updated_node
        self.changed = True
        return new.with_changes(lpar=updated_node.lpar, rpar=updated_node.rpar) if isinstance(
            new, (cst.Name, cst.Attribute)) else new

    # Names that are not references (parameters, keywords, attribute names, targets of defs)
    def visit_Param(self, node) -> bool:
        return node.default is not None or node.annotation is not None

    def visit_Arg_keyword(self, node) -> None:  # keyword names are Names too
        if node.keyword is not None:
            self._chain_done.add(id(node.keyword))

    def visit_Attribute_attr(self, node) -> None:
        self._chain_done.add(id(node.attr))

    def visit_FunctionDef_name(self, node) -> None:
        self._chain_done.add(id(node.name))

    def visit_ClassDef_name(self, node) -> None:
        self._chain_done.add(id(node.name))

    # ------------------------------------------------------------------ calls
    _CALL_RULES = frozenset(
        set(rules.INITIALIZERS) | set(rules.CASTS) | {
            "tf.nn.dropout", "tf.nn.softmax_cross_entropy_with_logits", "tf.nn.embedding_lookup",
            "tf.nn.embedding_lookup_sparse", "tf.nn.safe_embedding_lookup_sparse",
            "tf.nn.xw_plus_b", "tf.nn.relu_layer", "tf.assign", "tf.assign_add", "tf.assign_sub",
            "tf.zeros_like", "tf.ones_like",
        } | set(rules.CONTRIB_HELPERS) | set(rules.LAYERS_HELPERS) | set(rules.EAGER_HELPERS)
        | rules.CONTRIB_APPLY_REGULARIZATION
        | rules.COLLECT_NAMED_OUTPUTS | set(LAYER_OBJECTS)
    )

    # contrib calls with an exact TF2 helper: rewritten also in code kept as TF1 (contrib does not
    # exist in TF2, and the helpers keep TF1's semantics in graph mode too)
    _CONTRIB_CALL_RULES = frozenset(
        {n for n in rules.INITIALIZERS if n.startswith("tf.contrib.")} | set(rules.CONTRIB_HELPERS)
        | rules.CONTRIB_APPLY_REGULARIZATION | rules.COLLECT_NAMED_OUTPUTS)

    def visit_Call(self, node: cst.Call) -> None:
        if self.in_compat:  # TF1 code kept as TF1: renames only, no value-keeping rewrites
            ref = self.resolve(node.func)
            if ref is not None and ref.name in self._CONTRIB_CALL_RULES:
                self._chain_done.add(id(node.func))
            return
        ref = self.resolve(node.func)
        if ref is not None and ref.name in self._CALL_RULES and not self.v1_frozen(ref):
            self._chain_done.add(id(node.func))
        if isinstance(node.func, cst.Call):  # `tf.layers.MaxPooling2D(2, 2)(x)`: one helper call
            inner = self.resolve(node.func.func)
            if inner is not None and inner.name in LAYER_OBJECTS and not self.v1_frozen(inner) \
                    and applied(LAYER_OBJECTS[inner.name], node.func, node) is not None:
                self._applied_layers.add(id(node.func))

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call):
        func = original_node.func
        if isinstance(func, cst.Call) and id(func) in self._applied_layers:
            layer = self.resolve(func.func)
            assert layer is not None and isinstance(updated_node.func, cst.Call)
            new = applied(LAYER_OBJECTS[layer.name], updated_node.func, updated_node)
            if new is not None:
                self.helpers.add(LAYER_OBJECTS[layer.name].helper)
                self.changed = True
                return new
        ref = self.resolve(func)
        if ref is None:
            return self.method_rules(original_node, updated_node)
        if ref.name == "tf.name_scope" and self.in_compat:
            return self.v1_name_scope(ref, original_node, updated_node)
        new = None
        if id(func) in self._chain_done:
            new = self.call_rule(ref, original_node, updated_node)
            if new is None:  # the rule declined: plain rename of the callee
                renamed = self.apply_chain(func, ref)
                new = updated_node.with_changes(func=renamed) if renamed is not None else None
                if renamed is not None:
                    new = self.generic_call(ref, original_node, new)
                else:
                    new = self.generic_call(ref, original_node, updated_node)
                    new = None if new is updated_node else new
        else:
            g = self.generic_call(ref, original_node, updated_node)
            new = None if g is updated_node else g
        if new is None:
            return updated_node
        self.changed = True
        return new

    def v1_name_scope(self, ref: Ref, original: cst.Call, call: cst.Call) -> cst.Call:
        """TF1's `name_scope(name, default_name, values)` in code kept as TF1: with more than a
        name, only `tf.compat.v1.name_scope` takes it (tf_upgrade_v2 does the same)."""
        if len(call.args) < 2 and all(a.keyword is None or a.keyword.value == "name" for a in call.args):
            return call
        self.report("compat-v1-kept", "`tf.name_scope` kept as `tf.compat.v1.name_scope`: TF2's "
                    "takes only a name (no default_name / values)", original)
        if self.still_v1(ref):
            return call
        self.changed = True
        return call.with_changes(func=self.spell("tf.compat.v1.name_scope", ref))

    def generic_call(self, ref: Ref, original: cst.Call, call: cst.Call) -> cst.Call:
        name = ref.name
        frozen = self.v1_frozen(ref) or ref.binding.v1 and not ref.binding.is_root
        reorder = None if frozen else (self.tables.reorders.get(name) or rules.EXTRA_REORDERS.get(name))
        args = list(call.args)
        changed = False
        if reorder and not any(a.star for a in args):
            pos, kws, rest = [], [], []
            i = 0
            for a in args:
                if a.keyword is None:
                    kw = reorder[i] if i < len(reorder) else None
                    i += 1
                    if kw:
                        kws.append(a.with_changes(keyword=cst.Name(kw), equal=_NO_WS))
                        changed = True
                        continue
                    pos.append(a)
                else:
                    rest.append(a)
            args = pos + kws + rest
        renames = self.tables.keyword_renames.get(name)
        if renames:
            out = []
            for a in args:
                if a.keyword is not None and a.keyword.value in renames:
                    new = renames[a.keyword.value]
                    if frozen and new not in _SESSION_OK_V1:
                        out.append(a)
                        continue
                    changed = True
                    if new is None:
                        continue
                    a = a.with_changes(keyword=cst.Name(new))
                out.append(a)
            args = out
        condition = _RECORD_IF.get(name)
        if condition is not None and not frozen and not args:
            # TF2's record_if takes the condition TF1's helper implied (tf_upgrade_v2 adds it too)
            args, changed = [cst.Arg(cst.Name(condition))], True
        if not changed:
            return call
        return call.with_changes(args=_finish_args(args, original))

    def method_rules(self, original: cst.Call, call: cst.Call):
        func = call.func
        if not isinstance(func, cst.Attribute):
            return call
        meth = func.attr.value
        if meth == "make_one_shot_iterator" and not call.args and self.in_compat:
            self.report("compat-v1-kept", "`make_one_shot_iterator` kept as "
                        "`tf.compat.v1.data.make_one_shot_iterator`", original)
            self.changed = True
            return cst.Call(func=chain(self.tf2_alias() + ".compat.v1.data.make_one_shot_iterator"),
                            args=[cst.Arg(func.value)], lpar=call.lpar, rpar=call.rpar)
        if meth == "get_shape" and not call.args and not self.in_compat:
            self.changed = True
            return cst.Attribute(value=func.value, attr=cst.Name("shape"),
                                 lpar=call.lpar, rpar=call.rpar)
        if meth == "make_one_shot_iterator" and not call.args:
            self.changed = True
            return cst.Call(func=cst.Name("iter"), args=[cst.Arg(func.value)],
                            lpar=call.lpar, rpar=call.rpar)
        if meth == "make_initializable_iterator" and not call.args:
            self.report("compat-v1-kept", "`make_initializable_iterator` kept as "
                        "`tf.compat.v1.data.make_initializable_iterator`: it needs a Session "
                        "to run its initializer", original)
            self.graph_needed = True
            self.changed = True
            return cst.Call(func=chain(self.tf2_alias() + ".compat.v1.data.make_initializable_iterator"),
                            args=[cst.Arg(func.value)], lpar=call.lpar, rpar=call.rpar)
        renames = self.tables.keyword_renames.get("*." + meth)
        if renames and any(a.keyword is not None and a.keyword.value in renames for a in call.args):
            out = []
            for a in call.args:
                if a.keyword is not None and a.keyword.value in renames:
                    new = renames[a.keyword.value]
                    if new is None:
                        continue
                    a = a.with_changes(keyword=cst.Name(new))
                out.append(a)
            self.changed = True
            return call.with_changes(args=_finish_args(out, original))
        return call

    # ------------------------------------------------------------------ call rules
    def call_rule(self, ref: Ref, original: cst.Call, call: cst.Call) -> cst.BaseExpression | None:
        name = ref.name
        if name in rules.CONTRIB_HELPERS:
            return self.contrib_helper(ref, rules.CONTRIB_HELPERS[name], original, call)
        if name in LAYER_OBJECTS:  # variable-free layer objects (variable_free_layers.py)
            if id(original) in self._applied_layers:
                return call  # built and called at once: the enclosing call becomes the helper's
            lam = as_lambda(LAYER_OBJECTS[name], call)
            if lam is not None:
                self.helpers.add(LAYER_OBJECTS[name].helper)
            return lam
        if name in rules.LAYERS_HELPERS:  # no report: the values are tf_keras' own
            self.helpers.add(rules.LAYERS_HELPERS[name])
            return call.with_changes(func=cst.Name(rules.LAYERS_HELPERS[name]))
        if name in rules.EAGER_HELPERS and rules.EAGER_HELPERS[name] not in self._stack:  # traced when eager
            self.helpers.add(rules.EAGER_HELPERS[name])
            return call.with_changes(func=cst.Name(rules.EAGER_HELPERS[name]))
        if name in rules.CONTRIB_APPLY_REGULARIZATION:
            bound = _bind(call, ("regularizer", "weights_list"))
            if bound is None or "weights_list" not in bound or _is_none(bound["weights_list"].value):
                return None  # the WEIGHTS collection: reported contrib by the rename path
            return self.contrib_helper(ref, "_contrib_apply_regularization", original, call)
        if name in rules.COLLECT_NAMED_OUTPUTS:
            return self.collect_named_outputs(ref, original, call)
        if name in rules.INITIALIZERS:
            return self.initializer(ref, rules.INITIALIZERS[name], original, call)
        if name in rules.CASTS:
            return self.cast(ref, rules.CASTS[name], original, call)
        method = getattr(self, "rule_" + name[3:].replace(".", "_"), None)
        return method(ref, original, call) if method else None

    def contrib_helper(self, ref: Ref, helper: str, original: cst.Call, call: cst.Call) -> cst.Call:
        self.helpers.add(helper)
        self.report("contrib", f"`{ref.name}` -> generated `{helper}` (contrib's own arithmetic in "
                    "plain TF2: same values)", original)
        return call.with_changes(func=cst.Name(helper))

    def collect_named_outputs(self, ref: Ref, original: cst.Call, call: cst.Call):
        """`collect_named_outputs(collections, alias, outputs)` is `outputs` plus a graph
        collection entry: just `outputs` when the file never reads collections back."""
        bound = _bind(call, ("collections", "alias", "outputs"))
        if bound is None or "outputs" not in bound:
            return None
        if self._reads_collections is None:
            code = self.module.code if self.module is not None else ""
            self._reads_collections = any(r in code for r in rules.COLLECTION_READERS)
        if self._reads_collections:
            return None  # reported contrib by the rename path
        self.report("contrib", f"`{ref.name}(...)` -> its outputs argument (the collection it "
                    "fed is never read in this file)", original)
        value = bound["outputs"].value
        return value.with_changes(lpar=call.lpar, rpar=call.rpar) if call.lpar else value

    def _keep_compat(self, ref: Ref, original: cst.Call, call: cst.Call, why: str) -> cst.Call:
        target = "tf.compat.v1." + ref.name[3:]
        self.report("compat-v1-kept", f"`{ref.name}` kept as `{target}`: {why}", original)
        if self.still_v1(ref):
            return call
        return call.with_changes(func=self.spell(target, ref))

    def initializer(self, ref: Ref, spec: rules.Init, original: cst.Call, call: cst.Call):
        bound = _bind(call, spec.params)
        tf = self.tf2_alias() if not ref.binding.is_root else ref.root

        def text(arg_name: str) -> str | None:
            a = bound.get(arg_name) if bound else None
            return None if a is None else cst.Module([]).code_for_node(a.value)

        if bound is None:
            if spec.helper and not spec.fixed and spec.defaults == {
                k: v for k, v in spec.helper_defaults.items() if k in spec.defaults
            }:
                return self._to_helper(ref, spec, original, call, call.args)
            return self._keep_compat(ref, original, call, "arguments not statically clear")
        if ref.name.startswith("tf.contrib."):  # contrib's signature: the helper takes it as is
            return self._to_helper(ref, spec, original, call, call.args)
        seed = bound.get("seed")
        dtype = bound.get("dtype")
        dtype_text = text("dtype")
        native_ok = (
            spec.native is not None
            and (seed is None or _is_none(seed.value))
            and (dtype is None or dtype_text in (f"{tf}.float32", "'float32'", '"float32"'))
            and not ("verify_shape" in bound and _bool_literal(bound["verify_shape"].value) is not False)
            and not ("maxval" in bound and _is_none(bound["maxval"].value))
        )
        if native_ok:
            args = []
            for a in call.args:
                pname = a.keyword.value if a.keyword else spec.params[len(args)] if len(args) < len(spec.params) else None
                if a.keyword is None:
                    pname = spec.params[[x for x in call.args if x.keyword is None].index(a)]
                if pname in spec.native_params:
                    args.append(a)
            for p in spec.native_params:
                if p not in bound and spec.defaults.get(p) != spec.native_defaults.get(p):
                    default = spec.defaults.get(p)
                    if p == "maxval" and default == "None":
                        default = "1.0"
                    if p == "minval" and default == "0":
                        default = "0.0"
                    args.append(kwarg(p, cst.parse_expression(default)))
            target = spec.native
            self.report("initializer-rewrite", f"`{ref.name}` -> TF2 core `{target}` "
                        "(same random op and arguments: values unchanged)", original)
            return call.with_changes(func=self.spell(target, ref),
                                     args=_finish_args(args, original))
        if spec.helper is None:
            return self._keep_compat(ref, original, call,
                                     "the TF2 class takes no dtype/verify_shape")
        args = list(call.args)
        if spec.fixed:
            args = [kwarg(k, cst.parse_expression(v)) for k, v in spec.fixed.items()]
            args += [kwarg(p, bound[p].value) for p in spec.params if p in bound]
        for p, default in spec.defaults.items():
            if p not in bound and spec.helper_defaults.get(p) != default:
                args.append(kwarg(p, cst.parse_expression(default)))
        return self._to_helper(ref, spec, original, call, args)

    def _to_helper(self, ref, spec, original, call, args):
        self.helpers.add(spec.helper)
        self.report("initializer-rewrite", f"`{ref.name}` -> generated `{spec.helper}` (TF1's "
                    "algorithm in plain TF2: same values; the tf_keras / Keras 3 initializer "
                    "draws differently)", original)
        return call.with_changes(func=cst.Name(spec.helper), args=_finish_args(list(args), original))

    def cast(self, ref: Ref, dtype: str, original: cst.Call, call: cst.Call):
        bound = _bind(call, ("x", "name"))
        if bound is None or "x" not in bound:
            return None
        x = bound["x"]
        tf_ref = ref if ref.binding.is_root else None
        dt = self.spell("tf." + dtype, ref) if tf_ref else chain(self.tf2_alias() + "." + dtype)
        args = [x.with_changes(comma=cst.MaybeSentinel.DEFAULT)]
        args.append(kwarg("dtype", dt) if x.keyword is not None else cst.Arg(dt))
        if "name" in bound:
            args.append(kwarg("name", bound["name"].value))
        func = self.spell("tf.cast", ref) if tf_ref else chain(self.tf2_alias() + ".cast")
        return call.with_changes(func=func, args=_finish_args(args, original))

    def rule_nn_dropout(self, ref, original, call):
        params = rules.EXTRA_REORDERS["tf.nn.dropout"]
        bound = _bind(call, ["x"] + params[1:])
        if bound is None:
            return self._keep_compat(ref, original, call, "keep_prob/rate not statically clear")
        args = [bound["x"]] if "x" in bound else []
        for p in ("noise_shape", "seed", "name"):
            if p in bound:
                args.append(kwarg(p, bound[p].value))
        if "keep_prob" in bound:
            kp = bound["keep_prob"].value
            args.append(kwarg("rate", cst.BinaryOperation(
                left=cst.Integer("1"), operator=cst.Subtract(), right=_paren(kp))))
        elif "rate" in bound:
            args.append(kwarg("rate", bound["rate"].value))
        else:
            return self._keep_compat(ref, original, call, "called without keep_prob or rate")
        return call.with_changes(func=self.spell("tf.nn.dropout", ref),
                                 args=_finish_args(args, original))

    def rule_nn_softmax_cross_entropy_with_logits(self, ref, original, call):
        bound = _bind(call, ["_sentinel", "labels", "logits", "dim", "name", "axis"])
        if bound is None or "labels" not in bound or "_sentinel" in bound:
            return self._keep_compat(ref, original, call, "arguments not statically clear")
        if _is_stop_gradient(bound["labels"].value) and "dim" not in bound:
            return call  # what this rule writes: a second run leaves it
        args = []
        for p in ("labels", "logits", "dim", "name", "axis"):
            if p in bound:
                value = bound[p].value
                if p == "labels" and not _is_stop_gradient(value):  # already wrapped: a second run
                    value = cst.Call(func=self.spell("tf.stop_gradient", ref), args=[cst.Arg(value)])
                args.append(kwarg("axis" if p == "dim" else p, value))
        return call.with_changes(func=self.spell("tf.nn.softmax_cross_entropy_with_logits", ref),
                                 args=_finish_args(args, original))

    def _embedding(self, ref, original, call, params, keep, sharded_default):
        bound = _bind(call, params)
        if bound is None:
            return self._keep_compat(ref, original, call, "arguments not statically clear")
        ps = _string_value(bound["partition_strategy"].value) if "partition_strategy" in bound else None
        first = bound.get(params[0])
        literal_shards = first is not None and isinstance(first.value, (cst.List, cst.Tuple)) and len(
            first.value.elements) > 1
        if "partition_strategy" in bound and ps != "div":
            if ps != "mod" or not (first is not None and isinstance(first.value, (cst.Name, cst.Attribute))
                                   and sharded_default == "mod"):
                return self._keep_compat(ref, original, call, "TF2 only shards with 'div'")
        if literal_shards and sharded_default == "mod" and ps != "div":
            return self._keep_compat(ref, original, call, "sharded params use 'mod' in TF1, 'div' in TF2")
        args = []
        npos = 0
        for p in params:
            if p in bound and p in keep:
                a = bound[p]
                if a.keyword is None and npos == keep.index(p):
                    args.append(a)
                    npos += 1
                else:
                    args.append(kwarg(p, a.value))
        return call.with_changes(func=self.spell(ref.name, ref), args=_finish_args(args, original))

    def rule_nn_embedding_lookup(self, ref, original, call):
        return self._embedding(ref, original, call,
                               ["params", "ids", "partition_strategy", "name", "validate_indices", "max_norm"],
                               ["params", "ids", "max_norm", "name"], "mod")

    def rule_nn_embedding_lookup_sparse(self, ref, original, call):
        return self._embedding(ref, original, call,
                               ["params", "sp_ids", "sp_weights", "partition_strategy", "name",
                                "combiner", "max_norm", "allow_fast_lookup"],
                               ["params", "sp_ids", "sp_weights", "combiner", "max_norm", "name",
                                "allow_fast_lookup"], "mod")

    def rule_nn_safe_embedding_lookup_sparse(self, ref, original, call):
        return self._embedding(ref, original, call,
                               ["embedding_weights", "sparse_ids", "sparse_weights", "combiner",
                                "default_id", "name", "partition_strategy", "max_norm",
                                "allow_fast_lookup"],
                               ["embedding_weights", "sparse_ids", "sparse_weights", "combiner",
                                "default_id", "max_norm", "name", "allow_fast_lookup"], "div")

    def _xw_plus_b(self, ref, original, call, relu: bool):
        bound = _bind(call, ["x", "weights", "biases", "name"])
        if bound is None or not all(k in bound for k in ("x", "weights", "biases")):
            return self._keep_compat(ref, original, call, "arguments not statically clear")
        mm = cst.Call(func=self.spell("tf.matmul", ref),
                      args=[cst.Arg(bound["x"].value), cst.Arg(bound["weights"].value)])
        inner_args = [cst.Arg(mm), cst.Arg(bound["biases"].value)]
        if "name" in bound and not relu:
            inner_args.append(kwarg("name", bound["name"].value))
        out = cst.Call(func=self.spell("tf.nn.bias_add", ref), args=inner_args)
        if relu:
            outer = [cst.Arg(out)] + ([kwarg("name", bound["name"].value)] if "name" in bound else [])
            out = cst.Call(func=self.spell("tf.nn.relu", ref), args=outer)
        return out.with_changes(lpar=call.lpar, rpar=call.rpar)

    def rule_nn_xw_plus_b(self, ref, original, call):
        return self._xw_plus_b(ref, original, call, False)

    def rule_nn_relu_layer(self, ref, original, call):
        return self._xw_plus_b(ref, original, call, True)

    def _assign(self, ref, original, call, method):
        bound = _bind(call, ["ref", "value", "validate_shape", "use_locking", "name"])
        if bound is None or set(bound) - {"ref", "value", "name", "use_locking"} or len(bound) < 2:
            return self._keep_compat(ref, original, call, "validate_shape has no TF2 equivalent")
        args = [cst.Arg(bound["value"].value)]
        for p in ("use_locking", "name"):
            if p in bound:
                args.append(kwarg(p, bound[p].value))
        return cst.Call(func=cst.Attribute(value=_paren(bound["ref"].value), attr=cst.Name(method)),
                        args=args, lpar=call.lpar, rpar=call.rpar)

    def rule_assign(self, ref, original, call):
        return self._assign(ref, original, call, "assign")

    def rule_assign_add(self, ref, original, call):
        return self._assign(ref, original, call, "assign_add")

    def rule_assign_sub(self, ref, original, call):
        return self._assign(ref, original, call, "assign_sub")

    def _like(self, ref, original, call):
        bound = _bind(call, ["tensor", "dtype", "name", "optimize"])
        if bound is None:
            return None
        if "optimize" in bound and _bool_literal(bound["optimize"].value) is not True:
            return self._keep_compat(ref, original, call, "optimize=False has no TF2 spelling")
        args = []
        for a in call.args:
            if a is bound.get("optimize"):
                continue
            if a.keyword is not None and a.keyword.value == "tensor":
                a = a.with_changes(keyword=cst.Name("input"))
            args.append(a)
        return call.with_changes(func=self.spell(ref.name, ref), args=_finish_args(args, original))

    rule_zeros_like = _like
    rule_ones_like = _like

    # ------------------------------------------------------------------ statements
    def visit_With(self, node: cst.With) -> None:
        if self.in_compat:  # Session blocks of TF1 code kept as TF1 stay Session blocks
            return
        from migrate.upgrade.session import analyse_with

        plan = analyse_with(self, node)
        if plan is not None:
            self.pending_with[id(node)] = plan

    def leave_With(self, original_node: cst.With, updated_node: cst.With):
        plan = self.pending_with.pop(id(original_node), None)
        if plan is None:
            return updated_node
        from migrate.upgrade.session import rewrite_with

        replacement = rewrite_with(self, original_node, updated_node, plan)
        self.pending_with_nodes.append((original_node, updated_node, replacement))
        return updated_node

    def visit_SimpleStatementLine(self, node) -> None:
        if self.in_compat:
            return
        if len(node.body) == 1 and isinstance(node.body[0], cst.Expr):
            call = node.body[0].value
            if isinstance(call, cst.Call) and not call.args:
                ref = self.resolve(call.func)
                if ref is not None and ref.name in rules.DISABLERS:
                    self._quiet.add(id(call.func))
                    self._disabler_lines.add(id(node))

    def leave_SimpleStatementLine(self, original_node, updated_node):
        if id(original_node) in self._disabler_lines:
            ref = self.resolve(original_node.body[0].value.func)
            self.disablers.append((updated_node, ref.name))
        return updated_node



class Cleanup(cst.CSTTransformer):
    """Statement-level edits decided at the end of the pass (expressions are not visited)."""

    def __init__(self, replace: dict[int, list[cst.BaseStatement]], remove: set[int]):
        super().__init__()
        self.replace = replace
        self.remove = remove

    def visit_SimpleStatementLine(self, node) -> bool:
        return False

    def leave_SimpleStatementLine(self, original_node, updated_node):
        if id(original_node) in self.remove:
            return cst.RemoveFromParent()
        return updated_node

    def leave_With(self, original_node, updated_node):
        stmts = self.replace.get(id(original_node))
        if stmts is None:
            return updated_node
        if not stmts:
            return cst.RemoveFromParent()
        return cst.FlattenSentinel(stmts)


def diagnostics_for(found, module: cst.Module, lines: StatementLines | None = None,
                    statement_of: dict[int, int] | None = None,
                    origin: tuple[cst.Module, str] | None = None) -> list[Diagnostic]:
    """Positions only when there is something to report, and only for the reported nodes: by
    printing just their statements where `lines` and `statement_of` (node id -> index of its
    top-level statement) allow, else the whole module. `origin`: the module the structural stage
    started from and its text, when `module` is what it made of it: positions are then mapped
    back to that text (migrate/upgrade/origin.py)."""
    if not found:
        return []
    targets = {id(f[2]) for f in found}
    positions = None
    by_statement: dict[int, set[int]] | None = None
    if lines is not None and statement_of is not None and targets <= statement_of.keys():
        by_statement = {}
        for target in targets:
            by_statement.setdefault(statement_of[target], set()).add(target)
        positions = statement_positions(module, lines, by_statement)
    if positions is None:
        by_statement = None
        positions = start_positions(module, targets)
    if origin is not None and origin[0] is not module:
        from migrate.upgrade.origin import original_positions

        nodes = list({id(f[2]): f[2] for f in found}.values())
        known = search = None
        if by_statement is not None and lines is not None and lines.origin is not None:
            known, search = _kept_positions(positions, by_statement, lines)
        positions = original_positions(nodes, positions, origin[0], origin[1], known, lines and lines.origin, search)
    out = []
    seen = set()
    for code, msg, node, severity in found:
        line, col = positions.get(id(node), (0, 0))
        key = (code, msg, line, col)
        if key in seen:
            continue
        seen.add(key)
        out.append(Diagnostic(code, msg, line, col, severity))
    out.sort(key=lambda d: (d.line, d.column))
    return out


def _kept_positions(positions: dict[int, tuple[int, int]], by_statement: dict[int, set[int]],
                    lines: StatementLines) -> tuple[dict[int, tuple[int, int]], list[int]]:
    """Positions in the original text of the nodes inside statements the structural stage kept
    (the same objects: the same text, shifted by whole lines), and the original statements it
    did not keep (where the other nodes, if they are the original's at all, must be)."""
    assert lines.origin is not None
    known: dict[int, tuple[int, int]] = {}
    for index, nodes in by_statement.items():
        i = lines.kept[index]
        if i < 0:
            continue
        shift = lines.origin.starts[i] - lines.starts[index]
        for node in nodes:
            if node in positions:
                line, column = positions[node]
                known[node] = (line + shift, column)
    kept = set(lines.kept)
    return known, [i for i in range(len(lines.origin.starts)) if i not in kept]


def _is_stop_gradient(expr: cst.BaseExpression) -> bool:
    return (isinstance(expr, cst.Call) and isinstance(expr.func, (cst.Attribute, cst.Name))
            and (expr.func.attr.value if isinstance(expr.func, cst.Attribute) else expr.func.value) == "stop_gradient")
