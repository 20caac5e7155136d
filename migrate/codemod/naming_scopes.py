"""`variable_scope`s that hold no variables are naming scopes: `tf.name_scope` in TF2.

TF2 has no `tf.variable_scope`; a scope that wraps only ops (a loss, a metric) keeps its op
names as `tf.name_scope`. Functions the structural stage left unconverted are not touched.
"""

from __future__ import annotations

import libcst as cst

from migrate.codemod.analyse import NAMING_SCOPE_CREATOR_PREFIXES, NAMING_SCOPE_CREATORS
from migrate.codemod.context import SCOPE_HELPER_NAME
from migrate.codemod.fastwalk import visit as fast_visit
from migrate.codemod.inherited_scopes import CONVERTED, KEPT, Inherited, rename_inherited_name
from migrate.codemod.naming import literal_string
from migrate.codemod.scopes import ScopeCall, Unsupported, is_reuse_statement, name_uses
from migrate.codemod.tfapi import TfNames
from migrate.codemod.variable_free import VARIABLE_FREE_LAYERS, makes_variables
from migrate.upgrade.walk import visit_body



_OPTIMIZER_UPDATES = frozenset({"apply_gradients", "minimize"})


class _Creates(cst.CSTVisitor):
    def __init__(self, tf: TfNames, creators: frozenset[str] = frozenset()) -> None:
        self.tf = tf
        self.creators = creators  # last name parts of the file's variable-creating functions
        self.found = False

    def visit_Call(self, node: cst.Call) -> None:
        api = self.tf.api(node.func)
        if makes_variables(api, NAMING_SCOPE_CREATORS, NAMING_SCOPE_CREATOR_PREFIXES):
            self.found = True
        elif isinstance(node.func, cst.Attribute) and node.func.attr.value in _OPTIMIZER_UPDATES:
            # (an optimizer's update makes its slot variables in the current variable scope:
            # NTM's `with variable_scope(get_variable_scope(), reuse=reuse): opt.apply_gradients(...)`)
            self.found = True
        elif self.creators and api is None:
            func = node.func
            name = func.value if isinstance(func, cst.Name) else func.attr.value if isinstance(func, cst.Attribute) else None
            if name in self.creators:  # a (refused) creator: its variables take this scope's name
                self.found = True
            elif isinstance(func, cst.Call) and isinstance(func.func, cst.Name) and func.func.value == "getattr":
                self.found = True  # `getattr(ops, kind)(x)`: may be one of them

    # A refused creator named as a value (`lookup_fn = lookup`, `norm_fn=ops.layer_norm`,
    # `functools.partial(ops.linear, ...)`) may be what a call under the scope runs: the function
    # keeps its variable scopes (P's G3: they became name scopes, and the variables lost the prefix).
    def visit_Name(self, node: cst.Name) -> None:
        if node.value in self.creators:
            self.found = True

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if node.attr.value in self.creators:
            self.found = True


class NamingScopes(cst.CSTTransformer):
    def __init__(self, tf: TfNames, tf_alias: str, skip: frozenset[str], quiet: frozenset[int] = frozenset(),
                 creators: frozenset[str] = frozenset(), inherited: dict[str, Inherited] | None = None) -> None:
        self.tf = tf
        self.creators = creators
        self.inherited = inherited or {}  # class -> what its bases' methods do (inherited_scopes.py)
        self.frames: list[tuple[str, str | None]] = []  # ("class", name) / (class, self name) per def
        self.uses_scope_helper = False
        self.tf_alias = tf_alias
        self.skip = skip
        self.quiet = quiet  # ids of functions known not to need entering
        self.classes: list[str] = []
        self.changed = False

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.classes.append(node.name.value)
        self.frames.append(("class", node.name.value))

    def leave_ClassDef(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.ClassDef:
        self.classes.pop()
        self.frames.pop()
        return updated

    def _enter_def(self, node: cst.FunctionDef) -> None:
        """A method's frame names its class and `self`; a def nested in it keeps them (closures)."""
        outer = self.frames[-1] if self.frames else None
        if outer is not None and outer[0] == "class":
            first = node.params.params[0].name.value if node.params.params else None
            self.frames.append((outer[1] or "", first))
        elif outer is not None:
            self.frames.append(outer)
        else:
            self.frames.append(("", None))

    def leave_FunctionDef(self, original: cst.FunctionDef, updated: cst.FunctionDef) -> cst.FunctionDef:
        self.frames.pop()
        return updated

    def _inherited_verdict(self, body: cst.CSTNode) -> str | None:
        """CONVERTED / KEPT when `body` calls a method the current class inherits (P's G10)."""
        if not self.frames or self.frames[-1][0] in ("", "class") or self.frames[-1][1] is None:
            return None
        cls, self_name = self.frames[-1]
        info = self.inherited.get(cls)
        if info is None or not _calls_inherited(body, self_name, info.own_methods):
            return None
        return info.verdict

    used_later: frozenset[str] = frozenset()  # names read in the function being walked

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        self._enter_def(node)
        if id(node) in self.quiet:
            return False
        self.used_later = frozenset(n.value for n in _loads(node.body))
        qual = f"{self.classes[-1]}.{node.name.value}" if self.classes else node.name.value
        return qual not in self.skip and not _creates(self.tf, node, self.creators) and not _imports_locally(node)

    def leave_SimpleStatementLine(self, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine):
        if is_reuse_statement(self.tf, original):
            self.changed = True
            return cst.RemovalSentinel.REMOVE
        return updated

    def leave_With(self, original: cst.With, updated: cst.With):
        if not any(self.tf.call_api(item.item) == "variable_scope" for item in original.items):
            return updated
        if _creates(self.tf, original.body, self.creators):
            return updated
        inherited = self._inherited_verdict(original.body)
        if inherited == KEPT:
            return updated  # a base's method may create TF1 variables: they need this scope's name
        if _names_nothing(original):
            # DCGAN's ops.batch_norm.__init__: `with tf.variable_scope(name): self.epsilon = ...`
            # makes no op and no variable, so the scope has no effect in TF1. As a name_scope
            # it would take the name in a tf.function graph: a module of that name built
            # later in the same scope (the layer the object's __call__ makes) became d_bn1_1.
            self.changed = True
            return cst.FlattenSentinel(list(updated.body.body))
        items: list[cst.WithItem] = []
        touched = False
        for item in updated.items:
            if self.tf.call_api(item.item) != "variable_scope":
                items.append(item)
                continue
            try:
                call = ScopeCall.parse(item.item)  # type: ignore[arg-type]
            except Unsupported:
                return updated
            name = call.name if call.name is not None else call.default_name
            if isinstance(name, cst.Call) and self.tf.api(name.func) == "get_variable_scope":
                touched = True
                continue  # re-entering the current scope: nothing to name
            if name is None or not (_stringish(name) or (inherited == CONVERTED and _attribute_of_name(name))):
                return updated
            asname = item.asname
            if asname is not None and isinstance(asname.name, cst.Name) and (
                    name_uses(original.body, asname.name.value) or asname.name.value in self.used_later):
                return updated  # a VariableScope object is used (in the block or after it)
            if inherited == CONVERTED:
                if call.default_name is not None:
                    return updated  # TF1 makes a default name unique per entry: no fixed path
                # The inherited methods are module delegates keyed by the current name scope: it
                # must be the TF1 path, also in tf.function and graphs (no `discriminator_1`).
                self.uses_scope_helper = True
                items.append(item.with_changes(item=cst.Call(cst.Name(SCOPE_HELPER_NAME), [cst.Arg(name)]),
                                               asname=None))
                touched = True
                continue
            if call.name is not None and call.default_name is not None:
                # TF1 falls back to default_name when the name is None
                name = cst.BooleanOperation(name, cst.Or(), call.default_name)
            scope = cst.Call(cst.parse_expression(f"{self.tf_alias}.name_scope"), [cst.Arg(name)])
            items.append(item.with_changes(item=scope, asname=None))
            touched = True
        if not touched:
            return updated
        self.changed = True
        if not items:
            return cst.FlattenSentinel(list(updated.body.body))
        items[-1] = items[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return updated.with_changes(items=items)

    def leave_IndentedBlock(self, original: cst.IndentedBlock, updated: cst.IndentedBlock) -> cst.IndentedBlock:
        if not updated.body:
            return updated.with_changes(body=[cst.parse_statement("pass")])
        return updated


def _calls_inherited(body: cst.CSTNode, self_name: str, own: frozenset[str]) -> bool:
    """`self.<m>(...)` in `body` for a method `m` the class does not define itself."""
    found = _InheritedCalls(self_name, own)
    fast_visit(body, found)
    return found.found


class _InheritedCalls(cst.CSTVisitor):
    def __init__(self, self_name: str, own: frozenset[str]) -> None:
        super().__init__()
        self.self_name, self.own = self_name, own
        self.found = False

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if (isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name)
                and func.value.value == self.self_name and func.attr.value not in self.own):
            self.found = True


def _attribute_of_name(expr: cst.BaseExpression) -> bool:
    """`self.name` / `self.scope`: a string the object holds (a VariableScope object is never
    stored on a model class that became a tf.Module: its methods would not have converted)."""
    return isinstance(expr, cst.Attribute) and isinstance(expr.value, cst.Name)


def _stringish(expr: cst.BaseExpression) -> bool:
    return (literal_string(expr) is not None or isinstance(expr, (cst.FormattedString, cst.BinaryOperation, cst.Name))
            or (isinstance(expr, cst.Call) and isinstance(expr.func, cst.Attribute) and expr.func.attr.value == "format"))


def _imports_locally(node: cst.FunctionDef) -> bool:
    """The function imports something other than TensorFlow in its body (`from lm import dense`):
    what it calls may create variables, which this file's analysis cannot see (P's G1)."""
    found = _LocalImports()
    node.body.visit(found)
    return found.found


class _LocalImports(cst.CSTVisitor):
    def __init__(self) -> None:
        super().__init__()
        self.found = False

    def visit_Import(self, node: cst.Import) -> None:
        if any(not code_of(a.name).startswith("tensorflow") for a in node.names):
            self.found = True

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        if node.relative or node.module is None or not code_of(node.module).startswith("tensorflow"):
            self.found = True


def code_of(node: cst.CSTNode) -> str:
    return cst.Module([]).code_for_node(node)


def _creates(tf: TfNames, node: cst.CSTNode, creators: frozenset[str] = frozenset()) -> bool:
    v = _Creates(tf, creators)
    fast_visit(node, v)
    return v.found


def rename_naming_scopes(module: cst.Module, tf: TfNames, tf_alias: str, skip: frozenset[str],
                         untouched: frozenset[int] = frozenset(), quiet: frozenset[int] = frozenset(),
                         creators: frozenset[str] = frozenset(),
                         inherited: dict[str, Inherited] | None = None) -> cst.Module:
    """`untouched`: ids of top-level statements known to hold no variable_scope and no
    reuse_variables (from the analysis): they are not walked. `quiet`: ids of functions that
    the pass would not enter or would find nothing in. `inherited`: the file's classes whose
    bases have variable-creating methods (migrate/codemod/inherited_scopes.py)."""
    creators = creators | layer_holders(module, tf)
    transformer = NamingScopes(tf, tf_alias, skip, quiet, creators, inherited)
    if not untouched:
        new = fast_visit(module, transformer)
    else:
        body = visit_body(module.body, lambda stmt: stmt if id(stmt) in untouched else fast_visit(stmt, transformer))
        new = module if body is None else module.with_changes(body=body)
    if inherited:
        new, renamed = rename_inherited_name(new if transformer.changed else module, inherited)
        transformer.changed |= renamed
    if not transformer.changed:
        return module
    if transformer.uses_scope_helper and not _binds(new, SCOPE_HELPER_NAME):
        from migrate.codemod.convert import _add_scope_helper  # (convert imports this module)

        new = _add_scope_helper(new, tf_alias)
    return new


_LAYER_CLASS_PREFIXES = ("layers.", "keras.layers.", "contrib.", "nn.rnn_cell.")


def _layer_class(api: str | None) -> bool:
    """A constructor of a layer object or RNN cell (`layers.Dense`, `nn.rnn_cell.GRUCell`): it
    creates nothing itself, its first call does, in the variable scope around that call."""
    if api is None or not api.startswith(_LAYER_CLASS_PREFIXES):
        return False
    last = api.rsplit(".", 1)[-1]
    return last[:1].isupper() and last not in VARIABLE_FREE_LAYERS


class _LayerHolders(cst.CSTVisitor):
    def __init__(self, tf: TfNames) -> None:
        super().__init__()
        self.tf = tf
        self.names: set[str] = set()

    def visit_Assign(self, node: cst.Assign) -> None:
        found = _LayerConstructions(self.tf)
        fast_visit(node.value, found)
        if not found.found:
            return
        for target in node.targets:
            t = target.target
            if isinstance(t, cst.Name):
                self.names.add(t.value)
            elif isinstance(t, cst.Attribute):
                self.names.add(t.attr.value)


class _LayerConstructions(cst.CSTVisitor):
    def __init__(self, tf: TfNames) -> None:
        super().__init__()
        self.tf = tf
        self.found = False

    def visit_Call(self, node: cst.Call) -> None:
        if _layer_class(self.tf.api(node.func)):
            self.found = True


def layer_holders(module: cst.Module, tf: TfNames) -> frozenset[str]:
    """Names and attributes bound to a layer object or cell (`self.dense = tf.layers.Dense(8)`,
    a list of them): a kept-TF1 call of one under a variable_scope names its variables
    (`s/dense/kernel`), so that scope is not a naming scope (W's 1b: it became a name_scope)."""
    found = _LayerHolders(tf)
    fast_visit(module, found)
    return frozenset(found.names)


def _binds(module: cst.Module, name: str) -> bool:
    """A top-level def or import of `name` (the helper inlined or imported from the support module)."""
    for stmt in module.body:
        if isinstance(stmt, cst.FunctionDef) and stmt.name.value == name:
            return True
        if isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                if isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar) and any(
                        isinstance(a.name, cst.Name) and (a.asname.name.value if a.asname else a.name.value) == name
                        for a in small.names):
                    return True
    return False


def _loads(node: cst.CSTNode) -> list[cst.Name]:
    """Names read anywhere in `node` except as the target of a `with ... as NAME`."""
    found: list[cst.Name] = []

    class _V(cst.CSTVisitor):
        def visit_AsName(self, n: cst.AsName) -> bool:
            return False

        def visit_Attribute(self, n: cst.Attribute) -> bool:
            fast_visit(n.value, self)
            return False

        def visit_Name(self, n: cst.Name) -> None:
            found.append(n)

    fast_visit(node, _V())  # (a read-only scan: the same callbacks, faster)
    return found


def _names_nothing(node: cst.With) -> bool:
    """The block only binds plain values (no call, no operator: no op is made in it), and its
    scope is not bound with `as`: a scope with nothing to name."""
    if any(item.asname is not None for item in node.items):
        return False
    body = node.body.body if isinstance(node.body, cst.IndentedBlock) else []
    for stmt in body:
        if not isinstance(stmt, cst.SimpleStatementLine):
            return False
        for small in stmt.body:
            if isinstance(small, cst.Pass):
                continue
            if not isinstance(small, (cst.Assign, cst.AnnAssign)) or small.value is None:
                return False
            if not _plain_value(small.value):
                return False
    return bool(body)


def _plain_value(expr: cst.BaseExpression) -> bool:
    """Names, attributes, literals and containers of them: nothing that can make a TF op."""
    if isinstance(expr, (cst.Name, cst.SimpleString, cst.Integer, cst.Float, cst.Imaginary,
                         cst.ConcatenatedString)):
        return True
    if isinstance(expr, cst.Attribute):
        return _plain_value(expr.value)
    if isinstance(expr, cst.UnaryOperation) and isinstance(expr.expression, (cst.Integer, cst.Float)):
        return True
    if isinstance(expr, (cst.Tuple, cst.List)):
        return all(isinstance(e, cst.Element) and _plain_value(e.value) for e in expr.elements)
    return False
