"""Which functions and methods create variables, who calls whom, and what blocks conversion.

Conversion is decided per connected component of the variable-creating call graph: a converted
caller cannot call a legacy creator, and a legacy caller cannot call a generated class, so one
blocker leaves the whole component byte-identical (never a silent half-conversion).
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass, field

import libcst as cst

from migrate.codemod.fastwalk import visit as fast_visit
from migrate.codemod.tfapi import TfNames, dotted_name
from migrate.diagnostics import Diagnostic

# tf.layers / tf.contrib.layers / slim names that create no variables.
_NON_CREATING_LAYERS = {
    "flatten", "dropout", "max_pooling1d", "max_pooling2d", "max_pooling3d",
    "average_pooling1d", "average_pooling2d", "average_pooling3d", "Flatten", "Dropout",
    "MaxPooling1D", "MaxPooling2D", "MaxPooling3D", "AveragePooling1D", "AveragePooling2D",
    "AveragePooling3D", "xavier_initializer", "xavier_initializer_conv2d",
    "variance_scaling_initializer", "l1_regularizer", "l2_regularizer", "l1_l2_regularizer",
    "sum_regularizer", "apply_regularization", "summarize_activation", "summarize_tensors",
    "arg_scope", "repeat", "stack", "one_hot_encoding", "softmax", "unit_norm", "max_pool2d",
    "avg_pool2d", "l2_normalize",
}
_IMPLICIT_CREATOR_PREFIXES = (
    "layers.", "contrib.layers.", "contrib.slim.", "contrib.rnn.", "nn.rnn_cell.", "keras.layers.",
    "contrib.legacy_seq2seq.", "contrib.seq2seq.", "contrib.cudnn_rnn.",
)
_SCOPE_LOOKUPS = {
    "get_collection", "get_collection_ref", "trainable_variables", "global_variables",
    "local_variables", "model_variables", "all_variables", "contrib.framework.get_variables",
    "contrib.framework.get_variables_by_name", "contrib.framework.get_model_variables",
}
_GET_VARIABLE_BLOCKING_KWARGS = {
    "collections": "collections",
    "partitioner": "partitioner",
    "custom_getter": "custom-getter",
    "validate_shape": "unsupported-call",
}
_SCOPE_BLOCKING_KWARGS = {
    "custom_getter": "custom-getter",
    "partitioner": "partitioner",
    "caching_device": "unsupported-scope",
    "use_resource": None,
    "constraint": "unsupported-scope",
    "auxiliary_name_scope": "unsupported-scope",
}


@dataclass
class FunctionInfo:
    """One top-level function or method of a top-level class."""

    qualname: str
    name: str
    node: cst.FunctionDef
    owner: str | None = None  # class name for methods
    direct_creator: bool = False
    calls: set[str] = field(default_factory=set)  # qualnames of local functions called
    blockers: list[Diagnostic] = field(default_factory=list)
    escapes: bool = False  # referenced other than by a direct call
    is_host: bool = False  # runs sessions / feeds: stays a function, hosts module instances

    @property
    def self_name(self) -> str | None:
        if self.owner is None or not self.node.params.params:
            return None
        return self.node.params.params[0].name.value


@dataclass
class FileAnalysis:
    functions: dict[str, FunctionInfo]
    creators: set[str]  # qualnames that create variables directly or through callees
    converted: set[str]
    blocked: set[str]
    diagnostics: list[Diagnostic]
    script_creates: bool  # module-level statements create variables or call creators
    tf_variable_creators: set[str] = field(default_factory=set)  # create tf.Variable (transitively)
    owner_classes: set[str] = field(default_factory=set)  # classes with variable-creating methods
    module: cst.Module | None = None
    extra_edges: dict[str, set[str]] = field(default_factory=dict)  # sharing beyond calls
    _assigned: set[str] | None = None

    @property
    def assigned_names(self) -> set[str]:
        """Every plain name assigned anywhere in the file (computed when a host needs it)."""
        if self._assigned is None:
            self._assigned = _assigned_names(self.module) if self.module is not None else set()
        return self._assigned


def _line(positions: dict[cst.CSTNode, int], node: cst.CSTNode) -> int:
    return positions.get(node, 0)


class _BodyScanner(cst.CSTVisitor):
    """Collects what one function body (or the module level) does with variables."""

    def __init__(self, tf: TfNames, top_functions: set[str], methods: set[str],
                 self_name: str | None, owner: str | None, lines: "LineIndex") -> None:
        self.tf = tf
        self.top_functions = top_functions
        self.methods = methods  # method names of the owner class
        self.self_name = self_name
        self.owner = owner
        self.lines = lines
        self.direct_creator = False
        self.calls: set[str] = set()
        self.blockers: list[Diagnostic] = []
        self.session = False
        self.constructs: set[str] = set()  # top-level classes instantiated in this body
        self.tf_variable = False
        self.class_names: set[str] = set()
        self.nested_depth = 0
        self.params: set[str] = set()

    def _block(self, code: str, message: str, node: cst.CSTNode) -> None:
        self.blockers.append(Diagnostic(code, message, self.lines.line(node)))

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        self.nested_depth += 1
        return True

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.nested_depth -= 1

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        self.nested_depth += 1
        return True

    def leave_Lambda(self, node: cst.Lambda) -> None:
        self.nested_depth -= 1

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        self.nested_depth += 1
        return True

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self.nested_depth -= 1

    def visit_Call(self, node: cst.Call) -> None:
        api = self.tf.api(node.func)
        if api is not None:
            self._tf_call(api, node)
            return
        if isinstance(node.func, cst.Name) and node.func.value in self.class_names:
            self.constructs.add(node.func.value)
        if isinstance(node.func, cst.Name) and node.func.value in self.top_functions:
            self.calls.add(node.func.value)
        elif (
            self.self_name is not None
            and isinstance(node.func, cst.Attribute)
            and isinstance(node.func.value, cst.Name)
            and node.func.value.value == self.self_name
            and node.func.attr.value in self.methods
        ):
            self.calls.add(f"{self.owner}.{node.func.attr.value}")
        elif isinstance(node.func, cst.Attribute) and node.func.attr.value == "run":
            if dotted_name(node.func.value) in ("sess", "session", "self.sess", "self.session"):
                self.session = True

    def _tf_call(self, api: str, node: cst.Call) -> None:
        if api in ("get_variable", "Variable"):
            self.direct_creator = True
            self.tf_variable = self.tf_variable or api == "Variable"
            if self.nested_depth:
                self._block("unsupported-call", f"tf.{api} inside a nested function or lambda", node)
            if api == "get_variable":
                for arg in node.args:
                    if arg.keyword and arg.keyword.value in _GET_VARIABLE_BLOCKING_KWARGS:
                        code = _GET_VARIABLE_BLOCKING_KWARGS[arg.keyword.value]
                        self._block(code, f"get_variable({arg.keyword.value}=...)", node)
        elif api in ("variable_scope", "variable_op_scope"):
            for arg in node.args:
                if arg.keyword is None:
                    continue
                key = arg.keyword.value
                if key in _SCOPE_BLOCKING_KWARGS and _SCOPE_BLOCKING_KWARGS[key]:
                    self._block(_SCOPE_BLOCKING_KWARGS[key], f"variable_scope({key}=...)", node)
                if key == "reuse" and not _static_reuse(arg.value, self.tf, self.params):
                    self._block("dynamic-reuse", "reuse is computed at run time", node)
            if api == "variable_op_scope":
                self._block("unsupported-scope", "variable_op_scope", node)
        elif api == "make_template":
            self.direct_creator = True
            self._block("make-template", "tf.make_template shares variables by template", node)
        elif api in _SCOPE_LOOKUPS and not is_regularization_lookup(self.tf, node):
            self._block("scope-lookup", f"tf.{api} looks variables up by collection/name", node)
        elif api.startswith(_IMPLICIT_CREATOR_PREFIXES) and api.rsplit(".", 1)[-1] not in _NON_CREATING_LAYERS:
            self.direct_creator = True
            self._block("implicit-creator", f"tf.{api} creates variables implicitly", node)
        elif api in ("Session", "InteractiveSession", "placeholder", "train.MonitoredTrainingSession"):
            self.session = True


_REGULARIZATION_APIS = {"losses.get_regularization_losses", "losses.get_regularization_loss"}


def is_regularization_lookup(tf: TfNames, node: cst.Call) -> bool:
    """`tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)` (no scope filter) and
    `tf.losses.get_regularization_loss[es]()`: the modules' regularization_losses() say the same."""
    api = tf.api(node.func)
    if api in _REGULARIZATION_APIS:
        return not node.args
    if api in ("get_collection", "get_collection_ref") and len(node.args) == 1:
        key = node.args[0].value
        return tf.api(key) == "GraphKeys.REGULARIZATION_LOSSES" or (
            isinstance(key, cst.SimpleString) and key.evaluated_value == "regularization_losses")
    return False


def _static_reuse(expr: cst.BaseExpression, tf: TfNames, params: set[str]) -> bool:
    """Reuse values whose meaning the codemod can decide: literals, AUTO_REUSE, parameters,
    comparisons of loop counters (`t > 0`), and `not`/`or`/`and` of those. A local computed
    from data (`reuse = tf.cond(...)`) is not."""
    if isinstance(expr, cst.Name):
        return expr.value in ("True", "False", "None") or expr.value in params
    if tf.api(expr) == "AUTO_REUSE":
        return True
    if isinstance(expr, (cst.Integer,)):
        return True
    if isinstance(expr, cst.Comparison):
        return all(isinstance(p, (cst.Name, cst.Integer, cst.Attribute)) for p in
                   [expr.left, *[c.comparator for c in expr.comparisons]])
    if isinstance(expr, cst.UnaryOperation) and isinstance(expr.operator, cst.Not):
        return _static_reuse(expr.expression, tf, params)
    if isinstance(expr, cst.BooleanOperation):
        return _static_reuse(expr.left, tf, params) and _static_reuse(expr.right, tf, params)
    if isinstance(expr, cst.Attribute) and expr.attr.value == "reuse":
        return True  # `scope.reuse`, `tf.get_variable_scope().reuse`
    return False


class LineIndex:
    """Line numbers of nodes for diagnostics, without libcst's PositionProvider (a third of the
    codemod's time on real repositories): the node's first line of code is looked up in the
    source text. Exact for code that occurs once; otherwise the first occurrence."""

    def __init__(self, module: cst.Module, source: str | None = None) -> None:
        self._module = module
        self._source = source
        self._cache: dict[int, int] = {}

    def line(self, node: cst.CSTNode) -> int:
        key = id(node)
        if key not in self._cache:
            self._cache[key] = self._find(node)
        return self._cache[key]

    def _find(self, node: cst.CSTNode) -> int:
        if self._source is None:
            self._source = self._module.code
        if isinstance(node, (cst.FunctionDef, cst.ClassDef)):
            keyword = "def" if isinstance(node, cst.FunctionDef) else "class"
            needle = f"{keyword} {node.name.value}"
        else:
            text = self._module.code_for_node(node).strip()
            needle = next((line.strip() for line in text.splitlines() if line.strip()), "")
        if not needle:
            return 0
        offset = self._source.find(needle)
        return self._source.count("\n", 0, offset) + 1 if offset >= 0 else 0


class _ReferenceScanner(cst.CSTVisitor):
    """Names of local creator functions used other than as the callee of a call."""

    def __init__(self, names: set[str]) -> None:
        self.names = names
        self.callee_ids: set[int] = set()
        self.escaped: set[str] = set()

    def visit_Call(self, node: cst.Call) -> None:
        self.callee_ids.add(id(node.func))

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.callee_ids.add(id(node.name))

    def visit_Name(self, node: cst.Name) -> None:
        if node.value in self.names and id(node) not in self.callee_ids:
            self.escaped.add(node.value)

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        # `obj.linear` is not a reference to the module-level `linear`.
        node.value.visit(self)
        return False

    def visit_Param(self, node: cst.Param) -> bool:
        if node.default is not None:
            node.default.visit(self)
        return False

    def visit_Arg(self, node: cst.Arg) -> bool:
        node.value.visit(self)
        return False

    def visit_ImportAlias(self, node: cst.ImportAlias) -> bool:
        return False


def _assigned_names(module: cst.Module) -> set[str]:
    names: set[str] = set()

    class _V(cst.CSTVisitor):
        def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
            for n in _target_names(node.target):
                names.add(n)

        def visit_For(self, node: cst.For) -> None:
            names.update(_target_names(node.target))

    module.visit(_V())
    return names


def _target_names(target: cst.BaseExpression) -> list[str]:
    if isinstance(target, cst.Name):
        return [target.value]
    if isinstance(target, (cst.Tuple, cst.List)):
        return [n for el in target.elements for n in _target_names(el.value)]
    return []


def _is_tf2_class(tf: TfNames, cls: cst.ClassDef) -> bool:
    for base in cls.bases:
        api = tf.api(base.value)
        if api is not None and (api == "Module" or api.startswith(("keras.", "compat.v1.keras."))):
            return True
    return False


_BUILTINS = set(dir(builtins))


def _cross_file_scopes(module: cst.Module, functions: dict[str, FunctionInfo], creators: set[str],
                       tf: TfNames, lines: LineIndex) -> list[Diagnostic]:
    """Scopes whose variables come from functions of other files: this file alone cannot say
    what they create, so it is left as it is and the user is told."""
    imported: set[str] = set()
    star = False
    local: set[str] = set()
    for stmt in module.body:
        if isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
            local.add(stmt.name.value)
        elif isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                if isinstance(small, cst.ImportFrom) and small.module is not None:
                    mod = dotted_name(small.module) or ""
                    if mod == "tensorflow" or mod.startswith("tensorflow."):
                        continue
                    if isinstance(small.names, cst.ImportStar):
                        star = True
                    else:
                        for alias in small.names:
                            name = alias.asname.name.value if alias.asname and isinstance(alias.asname.name, cst.Name) \
                                else (dotted_name(alias.name) or "")
                            imported.add(name)
                elif isinstance(small, cst.Assign):
                    for target in small.targets:
                        if isinstance(target.target, cst.Name):
                            local.add(target.target.value)
    out: list[Diagnostic] = []
    for q, f in functions.items():
        if q in creators:
            continue
        finder = _ScopeCalls(tf, imported, star, local | _BUILTINS | _params(f.node))
        fast_visit(f.node.body, finder)
        if finder.scope_node is not None and finder.external:
            out.append(Diagnostic(
                "cross-file", f"variable_scope in {q} wraps calls of functions from other files "
                f"({', '.join(sorted(finder.external)[:4])}); cross-file conversion is not supported",
                lines.line(finder.scope_node)))
    return out


def _params(fn: cst.FunctionDef) -> set[str]:
    ps = fn.params
    names = {p.name.value for p in [*ps.posonly_params, *ps.params, *ps.kwonly_params]}
    for star in (ps.star_arg, ps.star_kwarg):
        if isinstance(star, cst.Param):
            names.add(star.name.value)
    return names


class _ScopeCalls(cst.CSTVisitor):
    def __init__(self, tf: TfNames, imported: set[str], star: bool, known: set[str]) -> None:
        self.tf = tf
        self.imported = imported
        self.star = star
        self.known = known
        self.depth = 0
        self.scope_node: cst.CSTNode | None = None
        self.external: set[str] = set()
        self.assigned: set[str] = set()

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        if isinstance(node.target, cst.Name):
            self.assigned.add(node.target.value)

    def visit_With(self, node: cst.With) -> None:
        if any(self.tf.call_api(item.item) == "variable_scope" for item in node.items):
            self.depth += 1
            self.scope_node = self.scope_node or node

    def leave_With(self, node: cst.With) -> None:
        if any(self.tf.call_api(item.item) == "variable_scope" for item in node.items):
            self.depth -= 1

    def visit_Call(self, node: cst.Call) -> None:
        if not self.depth or not isinstance(node.func, cst.Name):
            return
        name = node.func.value
        if name in self.imported or (self.star and name not in self.known and name not in self.assigned):
            self.external.add(name)


def analyse_module(module: cst.Module, tf: TfNames, lines: LineIndex,
                   pinned: frozenset[str] = frozenset()) -> FileAnalysis:
    functions: dict[str, FunctionInfo] = {}
    top_functions = {s.name.value for s in module.body if isinstance(s, cst.FunctionDef)}
    for stmt in module.body:
        if isinstance(stmt, cst.FunctionDef):
            functions[stmt.name.value] = FunctionInfo(stmt.name.value, stmt.name.value, stmt)
        elif isinstance(stmt, cst.ClassDef):
            if _is_tf2_class(tf, stmt):
                continue  # already TF2 (tf.Module, Keras): a second run must change nothing
            for item in stmt.body.body:
                if isinstance(item, cst.FunctionDef):
                    qual = f"{stmt.name.value}.{item.name.value}"
                    functions[qual] = FunctionInfo(qual, item.name.value, item, owner=stmt.name.value)
    class_names = {s.name.value for s in module.body if isinstance(s, cst.ClassDef)}
    constructs: dict[str, set[str]] = {}
    tf_variable_direct: set[str] = set()
    methods_by_owner: dict[str, set[str]] = {}
    for info in functions.values():
        if info.owner:
            methods_by_owner.setdefault(info.owner, set()).add(info.name)

    for info in functions.values():
        scanner = _BodyScanner(tf, top_functions, methods_by_owner.get(info.owner or "", set()),
                               info.self_name, info.owner, lines)
        scanner.class_names = class_names
        scanner.params = {p.name.value for p in [*info.node.params.params, *info.node.params.kwonly_params,
                                                 *info.node.params.posonly_params]}
        fast_visit(info.node.body, scanner)
        info.direct_creator = scanner.direct_creator
        info.calls = scanner.calls
        info.blockers = scanner.blockers
        info.is_host = scanner.session and not scanner.direct_creator
        constructs[info.qualname] = scanner.constructs
        if scanner.tf_variable:
            tf_variable_direct.add(info.qualname)
        for deco in info.node.decorators:
            if info.owner is None or dotted_name(deco.decorator) not in ("property",):
                info.blockers.append(Diagnostic("unsupported-call", "decorated function", lines.line(info.node)))
        if info.owner and info.name == "__init__" and info.direct_creator:
            info.blockers.append(Diagnostic("unsupported-call", f"variables created in {info.name}", lines.line(info.node)))

    # Module level: statements outside functions and classes.
    script = _BodyScanner(tf, top_functions, set(), None, None, lines)
    for stmt in module.body:
        if not isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
            fast_visit(stmt, script)

    creators = {q for q, f in functions.items() if f.direct_creator}
    changed = True
    while changed:
        changed = False
        for q, f in functions.items():
            builds_owner = any(c == (functions[m].owner or "") for c in constructs.get(q, set()) for m in creators)
            if q not in creators and (f.calls & creators or builds_owner) and not f.is_host:
                creators.add(q)
                changed = True

    # A function that builds an object whose methods create variables holds that object as a
    # submodule: both are converted together, or left together.
    owner_methods: dict[str, set[str]] = {}
    for q in sorted(creators):
        owner = functions[q].owner
        if owner:
            owner_methods.setdefault(owner, set()).add(q)
    extra_edges: dict[str, set[str]] = {}
    for q in sorted(creators):
        for cls in constructs.get(q, set()) & set(owner_methods):
            extra_edges.setdefault(q, set()).update(owner_methods[cls])
    # A class converts as one unit: its owner becomes a tf.Module only if every method does.
    for methods in owner_methods.values():
        for q in methods:
            extra_edges.setdefault(q, set()).update(methods - {q})
    owner_classes = set(owner_methods)

    refs = _ReferenceScanner({q for q in creators if "." not in q})
    fast_visit(module, refs)
    diagnostics: list[Diagnostic] = list(script.blockers)
    for q in sorted(creators):
        f = functions[q]
        if f.name in refs.escaped and f.owner is None:
            f.escapes = True
            f.blockers.append(Diagnostic("unsupported-call", f"{q} is used as a value (not only called)", lines.line(f.node)))
        if f.owner is None and (q in pinned or "*" in pinned):
            f.blockers.append(Diagnostic("imported-elsewhere", f"{q} is imported by another file of this run; "
                                         "converting it would break that import", lines.line(f.node)))

    # Components of the creator graph (undirected); hosts and module level are not members.
    blocked: set[str] = set()
    adjacency: dict[str, set[str]] = {q: set() for q in creators}
    for q in creators:
        for callee in (functions[q].calls & creators) | extra_edges.get(q, set()):
            adjacency[q].add(callee)
            adjacency[callee].add(q)
    seen: set[str] = set()
    for start in sorted(creators):
        if start in seen:
            continue
        component, stack = set(), [start]
        while stack:
            q = stack.pop()
            if q in component:
                continue
            component.add(q)
            stack.extend(adjacency[q] - component)
        seen |= component
        reasons = [d for q in sorted(component) for d in functions[q].blockers]
        if reasons:
            blocked |= component
            for q in sorted(component):
                own = functions[q].blockers
                if own:
                    diagnostics.extend(own)
                else:
                    diagnostics.append(Diagnostic(
                        "unconvertible-callee",
                        f"{q} left unchanged: it shares variables with a function that cannot be converted ({reasons[0].code})",
                        lines.line(functions[q].node)))
    diagnostics.extend(_cross_file_scopes(module, functions, creators, tf, lines))
    converted = creators - blocked
    tf_variable_creators = set(tf_variable_direct)
    grew = True
    while grew:
        grew = False
        for q, f in functions.items():
            if q not in tf_variable_creators and f.calls & tf_variable_creators:
                tf_variable_creators.add(q)
                grew = True
    return FileAnalysis(functions, creators, converted, blocked, diagnostics,
                        script_creates=script.direct_creator or bool(script.calls & creators),
                        tf_variable_creators=tf_variable_creators,
                        module=module,
                        extra_edges=extra_edges,
                        owner_classes={c for c in owner_classes
                                       if any(m in converted for m in owner_methods[c])})
