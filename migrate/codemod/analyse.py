"""Which functions and methods create variables, who calls whom, and what blocks conversion.

Conversion is decided per connected component of the variable-creating call graph: a converted
caller cannot call a legacy creator, and a legacy caller cannot call a generated class, so one
blocker leaves the whole component byte-identical (never a silent half-conversion).

The analysis reads Python's own `ast` (parsed in C, a tenth of libcst's time): a file that the
analysis shows will stay as it is never needs a libcst tree. `attach_nodes` links each function to
its libcst node once a conversion needs one.
"""

from __future__ import annotations

import ast
import builtins
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

import libcst as cst

from migrate.codemod.decorators import (DecoratorVerdict, classify as classify_decorator, earlier_run_blocks,
                                        foreign_key, kept_defs)
from migrate.codemod.external import ExternalCallee, parse_cst_def
from migrate.codemod.host_nested import estimator_model_fns, host_nested_defs, nested_host_calls
from migrate.codemod.local_names import local_name_ids
from migrate.codemod.lookups import ast_listing, by_captured_scope, reads_tensor_collection
from migrate.codemod.constructed_under_scopes import (constructed_message, constructions_under_scope_settings,
                                                      derived_tensors_read_later)
from migrate.codemod.recomputed_attributes import recomputable
from migrate.codemod.creators_rnn import LIBRARY_CALLS as RNN_LIBRARY_CALLS
from migrate.codemod.rnn_cells import cell_blockers
from migrate.codemod.rnn_cell_shared import shared_cells_by_class
from migrate.codemod.reuse_flags import FirstCallFlags
from migrate.codemod.reuse_hosts import reuse_hosts
from migrate.codemod.tfapi import TfNames, ast_dotted_name
from migrate.codemod.variable_free import VARIABLE_FREE_LAYERS, makes_variables
from migrate.support_module import generated_defs
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
    # contrib.layers.utils: outputs collections, no variables
    "collect_named_outputs", "convert_collection_to_dict", "append_tensor_alias", "gather_tensors_aliases",
    # (legacy_)seq2seq losses, beam-search utilities and decoding helpers: tensors only
    "sequence_loss", "sequence_loss_by_example", "tile_batch", "hardmax", "gather_tree",
    "TrainingHelper", "GreedyEmbeddingHelper", "SampleEmbeddingHelper", "InferenceHelper",
    "ScheduledEmbeddingTrainingHelper", "ScheduledOutputTrainingHelper", "CustomHelper",
} | VARIABLE_FREE_LAYERS  # (with the pooling aliases MaxPool2D, AvgPool2D, ...)
# slim's input pipeline and reporting: no variables (reported `contrib` by the upgrade stage)
_NON_CREATING_SLIM = (
    "contrib.slim.dataset", "contrib.slim.queues.", "contrib.slim.python.slim.data.",
    "contrib.slim.data.", "contrib.slim.tfexample_decoder.", "contrib.slim.parallel_reader.",
    "contrib.slim.model_analyzer.",
)
_IMPLICIT_CREATOR_PREFIXES = (
    "layers.", "contrib.layers.", "contrib.slim.", "contrib.rnn.", "nn.rnn_cell.", "keras.layers.",
    "contrib.legacy_seq2seq.", "contrib.seq2seq.", "contrib.cudnn_rnn.",
)
# Calls after which the naming-scope pass leaves a whole function alone (it may create variables).
NAMING_SCOPE_CREATORS = {"get_variable", "Variable", "make_template"}
NAMING_SCOPE_CREATOR_PREFIXES = ("layers.", "contrib.", "keras.layers.", "nn.rnn_cell.")
_SCOPE_LOOKUPS = {
    "get_collection", "get_collection_ref", "trainable_variables", "global_variables",
    "local_variables", "model_variables", "all_variables", "contrib.framework.get_variables",
    "contrib.framework.get_variables_by_name", "contrib.framework.get_model_variables",
    "contrib.framework.get_trainable_variables", "contrib.slim.get_variables",
    "contrib.slim.get_trainable_variables", "contrib.slim.get_model_variables",
}
# Decorators a converted method keeps around its delegate. Excluded: those that change how the
# method binds (static/class methods), open scopes / share variables themselves, or run the body
# in several graphs (run_in_graph_and_eager_modes: one cached module cannot serve both).
_DELEGATE_BREAKING_DECORATORS = re.compile(r"^(staticmethod|classmethod)$|scope|reuse|template|shar|variable|graph|eager|mode|session|defun|function",
                                           re.IGNORECASE)


def _delegate_keeps(decorator: str) -> bool:
    return decorator != "a computed decorator" and not _DELEGATE_BREAKING_DECORATORS.search(
        decorator.rsplit(".", 1)[-1])


_DEFERRED_OPS = {"group"}
_TRAINING_METHODS = {"minimize", "apply_gradients", "compute_gradients"}
# contrib/slim's training-op builders (an optimizer's apply_gradients with the global step)
_TRAINING_APIS = {"contrib.slim.learning.create_train_op", "contrib.training.create_train_op",
                  "contrib.layers.optimize_loss", "contrib.slim.learning.train", "contrib.training.train",
                  "contrib.slim.python.slim.learning.create_train_op"}
# Methods of tensors, shapes and containers: calling them on another file's object creates nothing.
_PLAIN_METHODS = {
    "get_shape", "set_shape", "as_list", "eval", "numpy", "append", "extend", "get", "items", "keys",
    "values", "format", "join", "split", "strip", "update", "copy", "pop", "insert", "read", "write",
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



Function = ast.FunctionDef | ast.AsyncFunctionDef
_FUNCTION_TYPES = (ast.FunctionDef, ast.AsyncFunctionDef)
_NESTING_TYPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)


@dataclass
class FunctionInfo:
    """One top-level function or method of a top-level class."""

    qualname: str
    name: str
    line: int  # of its `def`
    key: tuple[int, int | None]  # (index among top-level defs/classes, index among the class's defs)
    owner: str | None = None  # class name for methods
    self_name: str | None = None  # a method's first parameter
    node: cst.FunctionDef | None = None  # the libcst node, once `attach_nodes` ran
    direct_creator: bool = False
    calls: set[str] = field(default_factory=set)  # qualnames of local functions called
    blockers: list[Diagnostic] = field(default_factory=list)
    escapes: bool = False  # referenced other than by a direct call
    is_host: bool = False  # runs sessions / feeds: stays a function, hosts module instances
    host_nested: frozenset[str] = frozenset()  # a host's nested defs whose calls it rewrites (host_nested.py)
    host_model_fns: frozenset[str] = frozenset()  # its nested Estimator model_fns: hosts of their own
    host_shared: frozenset[str] = frozenset()  # callees a host builds once per graph with the other
    #   functions that call them (a VAE's decoder() re-entering the autoencoder's scope: reuse_hosts)
    external: ExternalCallee | None = None  # another file's function, as this file calls it


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
    foreign_reruns: frozenset[str] = frozenset()  # other files' classes whose constructor converts
    extra_edges: dict[str, set[str]] = field(default_factory=dict)  # sharing beyond calls
    assigned_names: set[str] = field(default_factory=set)  # plain names assigned anywhere
    naming_regions: set[str | None] = field(default_factory=set)  # where variable_scope/reuse_variables
    #   occur: a function's qualname, or None (module level, class bodies, nested classes)
    creating_regions: set[str | None] = field(default_factory=set)  # where NAMING_SCOPE_CREATORS are called
    kept_tf1: frozenset[str] = frozenset()  # converted, and the TF1 def stays for other files' TF1 callers
    kept_why: dict[str, str] = field(default_factory=dict)  # kept_tf1 qualname -> the TF1 caller, and why it stays
    base_chains: dict[str, list[str]] = field(default_factory=dict)  # class -> its bases in the file that
    #   end in a plain root (migrate/codemod/module_bases.py; set by convert_module)
    kept_by_decorator: dict[str, str] = field(default_factory=dict)  # converting functions whose decorator
    #   returns them (a registry, a logging wrapper): qualname -> what it does; their def stays (kept_tf1)
    recomputed_attrs: dict[str, frozenset[str]] = field(default_factory=dict)  # class -> tensors its converted
    #   constructor derives from variables, read through a property (recomputed_attributes.py)

    @property
    def cross_file(self) -> bool:
        """Some scope wraps functions of other files: the file's naming scopes are left alone too."""
        return any(d.code == "cross-file" for d in self.diagnostics)


class _BodyScan:
    """What one function body (or the module level) does with variables."""

    def __init__(self, tf: TfNames, top_functions: set[str], methods: set[str], class_names: set[str],
                 self_name: str | None, owner: str | None, params: set[str]) -> None:
        self.tf = tf
        self.top_functions = top_functions
        self.methods = methods  # method names of the owner class
        self.class_names = class_names
        self.self_name = self_name
        self.owner = owner
        self.params = params
        self.direct_creator = False
        self.named_creator = False  # get_variable, a layer library creator, make_template: not only tf.Variable
        self.training = False  # builds an optimizer's training op or a deferred update (tf.group)
        self.calls: set[str] = set()
        self.blockers: list[tuple[tuple[int, int], Diagnostic]] = []
        self.session = False
        self.constructs: set[str] = set()  # top-level classes instantiated in this body
        self.foreign_classes: frozenset[str] = frozenset()  # other files' converted classes (the plan)
        self.tf_variable = False
        # calls inside `with variable_scope(...)` of functions from other files
        self.scope_line = 0
        self.external: set[str] = set()
        self.assigned: set[str] = set()  # plain names assigned so far (an assigned name is local)
        self.external_names: set[str] = set()  # other files' functions called by a plain name
        self.external_dotted: set[str] = set()  # ... and as `module.function`
        self.external_attrs: set[str] = set()  # the last parts of `external_dotted`
        self.foreign: set[str] = set()  # local names bound to objects built by other files' code
        self.listings: list[int] = []  # lines of variable listings the converted model can answer
        self.listing_names: set[str] = set()  # local names bound to such a listing
        self.nested_external: list[Diagnostic] = []  # blocks of other files' functions called in nested code
        self.call_sites: list[tuple[str, int, int, bool]] = []  # (callee, line, column, in nested code)
        self.value_refs: set[str] = set()  # names (`f`, `ops.f`) this body uses as values, not as callees
        self.reuse_flags: FirstCallFlags | None = None  # the file's first-call reuse flags (reuse_flags.py)

    def _own_flags(self) -> frozenset[str]:
        return self.reuse_flags.of(self.owner) if self.reuse_flags is not None else frozenset()

    def block(self, code: str, message: str, node: ast.expr) -> None:
        self.blockers.append(((node.lineno, node.col_offset), Diagnostic(code, message, node.lineno, node.col_offset)))

    def sorted_blockers(self) -> list[Diagnostic]:
        """In source order, as a libcst visit would have met them."""
        return [d for _, d in sorted(self.blockers, key=lambda b: b[0])]

    def call(self, node: ast.Call, api: str | None, nested: int) -> None:
        from migrate.codemod.creators import SPECS
        from migrate.codemod.normalizers import NORMALIZER_CLASSES

        func = node.func
        for kw in [*node.keywords, *(ast.keyword(None, a) for a in node.args)]:
            # `normalizer_fn=slim.batch_norm`: a creator the call runs inside; `slim.repeat(x, 2,
            # slim.conv2d, ...)`, `mp(tf.layers.dense, x, ...)`: a creator passed positionally
            passed = self.tf.api(kw.value) if isinstance(kw.value, (ast.Attribute, ast.Name)) else None
            if kw.arg == "normalizer_fn" and passed in NORMALIZER_CLASSES and self.tf.api(func) in SPECS:
                continue  # the library layer builds it (migrate.codemod.normalizers)
            if passed is not None and passed.startswith(_IMPLICIT_CREATOR_PREFIXES) \
                    and passed.rsplit(".", 1)[-1] not in _NON_CREATING_LAYERS:
                self.block("implicit-creator", f"tf.{passed} passed as {kw.arg or 'an argument'}"
                           f"{'=' if kw.arg else ''}: the layer library does "
                           "not run creators passed as values", node)
        if type(func) is ast.Name and func.id in ("set", "frozenset") and any(
                type(a) is ast.Name and a.id in self.listing_names for a in node.args):
            # TF2 variables are not hashable: a set of the model's variables would raise
            self.block("scope-lookup", f"{func.id}() of a variable listing (TF2 variables are unhashable)", node)
        if api is not None and api.startswith("train.") and api.endswith("Optimizer") or api in _TRAINING_APIS or (
                type(func) is ast.Attribute and func.attr in _TRAINING_METHODS and api is None):
            # optimizers create slot variables and build update ops for sess.run: a training
            # step, not model code (TF2 writes it with tf.GradientTape)
            self.block("unsupported-call", f"{ast_dotted_name(func) or func.attr}(...): an optimizer's "
                       "training op (slot variables, an update run by sess.run)", node)
            self.training = True
        if api in _DEFERRED_OPS:
            # TF1 built this op for a later sess.run (a target update): eager code would run it on every call
            self.block("unsupported-call", f"{ast_dotted_name(func) or func.attr}(...) builds an update op that TF1 "
                       "ran only through sess.run; called eagerly it would run at once", node)
            self.training = True
        if self.external_dotted and type(func) is ast.Attribute and func.attr in self.external_attrs:
            dotted = ast_dotted_name(func)
            if dotted in self.external_dotted:  # another file's function, or a tf.layers-style creator
                self.calls.add(dotted)  # type: ignore[arg-type]
                self.call_sites.append((dotted, node.lineno, node.col_offset, bool(nested)))
                if nested:
                    self.block("unsupported-call", f"{dotted} inside a nested function or lambda", node)
                    self.nested_external.append(self.blockers[-1][1])
                return
        if api is not None and type(func) is ast.Name and func.id in self.external_names \
                and func.id not in self.assigned and func.id not in self.params:
            # a creator imported by name (`from tensorflow.contrib.layers import batch_norm`):
            # the layer library's callee, as `tf.contrib.layers.batch_norm` is (implicit.py)
            self.calls.add(func.id)
            self.call_sites.append((func.id, node.lineno, node.col_offset, bool(nested)))
            if nested:
                self.block("unsupported-call", f"{func.id} inside a nested function or lambda", node)
                self.nested_external.append(self.blockers[-1][1])
            return
        if api is not None:
            self._tf_call(api, node, nested)
            return
        if type(func) is ast.Attribute and self.foreign_classes:
            dotted = ast_dotted_name(func)
            if dotted in self.foreign_classes:  # `modeling.BertModel(...)`: another file's model class
                self.constructs.add(dotted)  # type: ignore[arg-type]
        if type(func) is ast.Name:
            if func.id in self.class_names or func.id in self.foreign_classes:
                self.constructs.add(func.id)
            if func.id in self.top_functions:
                self.calls.add(func.id)
                self.call_sites.append((func.id, node.lineno, node.col_offset, bool(nested)))
            elif func.id in self.external_names and func.id not in self.assigned and func.id not in self.params:
                self.calls.add(func.id)
                self.call_sites.append((func.id, node.lineno, node.col_offset, bool(nested)))
        elif type(func) is ast.Attribute:
            if self.self_name is not None and type(func.value) is ast.Name and func.value.id == self.self_name \
                    and func.attr in self.methods:
                self.calls.add(f"{self.owner}.{func.attr}")
            elif func.attr == "run" and ast_dotted_name(func.value) in ("sess", "session", "self.sess", "self.session"):
                self.session = True

    def _tf_call(self, api: str, node: ast.Call, nested: int) -> None:
        if api in ("get_variable", "Variable"):
            self.direct_creator = True
            self.named_creator = self.named_creator or api == "get_variable"
            self.tf_variable = self.tf_variable or api == "Variable"
            if nested:
                self.block("unsupported-call", f"tf.{api} inside a nested function or lambda", node)
            if api == "get_variable":
                for kw in node.keywords:
                    if kw.arg in _GET_VARIABLE_BLOCKING_KWARGS:
                        self.block(_GET_VARIABLE_BLOCKING_KWARGS[kw.arg], f"get_variable({kw.arg}=...)", node)
        elif api in ("variable_scope", "variable_op_scope"):
            for kw in node.keywords:
                key = kw.arg
                if key is None:
                    continue
                if key in _SCOPE_BLOCKING_KWARGS and _SCOPE_BLOCKING_KWARGS[key]:
                    self.block(_SCOPE_BLOCKING_KWARGS[key], f"variable_scope({key}=...)", node)
                if key == "reuse" and not _static_reuse(kw.value, self.tf, self.params, self.self_name,
                                                        self._own_flags):
                    self.block("dynamic-reuse", _dynamic_reuse_message(kw.value, self.self_name), node)
            if api == "variable_op_scope":
                self.block("unsupported-scope", "variable_op_scope", node)
        elif api == "make_template":
            self.direct_creator = self.named_creator = True
            self.block("make-template", "tf.make_template shares variables by template", node)
        elif api in _SCOPE_LOOKUPS and not _is_regularization_lookup(self.tf, node):
            listing = ast_listing(self.tf, node) if not nested else None
            if listing is not None:
                if not by_captured_scope(listing):  # (its own scope's: its module answers it)
                    self.listings.append(node.lineno)  # the model answers it (migrate.codemod.lookups)
            elif reads_tensor_collection(self.tf, node):
                self.block("scope-lookup", f"tf.{api} reads a collection of tensors (tf.add_to_collection), not "
                           "variables: TF2 eager has no graph collections, a module could not run it", node)
            else:
                self.block("scope-lookup", f"tf.{api} looks variables up by collection/name", node)
        elif api.startswith("contrib.") and api.rsplit(".", 1)[-1] == "arg_scope":
            # left by migrate.codemod.arg_scopes: its defaults reach every op called during the block
            self.block("implicit-creator", "slim arg_scope defaults could not be resolved statically "
                       "(see the arg_scope diagnostic)", node)
        elif api in RNN_LIBRARY_CALLS:
            pass  # built here, run by dynamic_rnn & co: checked per function (migrate.codemod.rnn_cells)
        elif api.startswith(_IMPLICIT_CREATOR_PREFIXES) and api.rsplit(".", 1)[-1] not in _NON_CREATING_LAYERS \
                and not api.startswith(_NON_CREATING_SLIM) and api not in _TRAINING_APIS:
            self.direct_creator = self.named_creator = True
            self.block("implicit-creator", f"tf.{api} creates variables implicitly", node)
        elif api in ("Session", "InteractiveSession", "placeholder", "train.MonitoredTrainingSession"):
            self.session = True


class _FileScan:
    """One pass over the whole file: every function body through its `_BodyScan`, plus what the
    file as a whole needs (names used as values, assigned names, where naming scopes are)."""

    def __init__(self, tf: TfNames, imported: set[str], star: bool, known: set[str],
                 externals: dict[str, ExternalCallee] | None = None) -> None:
        self.tf = tf
        self.imported = imported  # names imported from other (non-TF) modules
        self.imported_modules: set[str] = set()  # ... and modules imported whole (`import utils`)
        self.star = star  # `from x import *`: any unknown name may come from another file
        self.known = known
        self.externals = externals or {}
        self.known_plain: frozenset[str] = frozenset()  # imported names the project knows create nothing
        self.foreign_classes: frozenset[str] = frozenset()  # other files' converted classes (the plan)
        self.foreign_attrs: set[tuple[str, str]] = set()  # (class, attr): callables built elsewhere
        self.class_bases: dict[str, tuple[str, ...]] = {}  # this file's classes -> their bases by name
        self.external_attrs = {s.rsplit(".", 1)[1] for s in self.externals if "." in s}
        self.escaped: set[str] = set()  # names used other than as the callee of a call
        self.local_refs: set[int] = set()  # ids of Names bound locally (a parameter `net`: not the function)
        self.assigned: set[str] = set()
        self.naming_regions: set[str | None] = set()
        self.creating_regions: set[str | None] = set()
        self.region: str | None = None
        self.body: _BodyScan | None = None
        self.nested = 0
        self.scope_depth = 0
        self.local_known: set[str] = set()

    def walk(self, node: ast.AST) -> None:
        t = type(node)
        handler = _HANDLERS.get(t)
        if handler is not None:
            handler(self, node)
            return
        for child in ast.iter_child_nodes(node):
            self.walk(child)

    def walk_all(self, nodes: list) -> None:
        for node in nodes:
            self.walk(node)

    # -- handlers (one per node type that matters; everything else just recurses)

    def _name(self, node: ast.Name) -> None:
        if id(node) not in self.local_refs:
            self.escaped.add(node.id)
            if self.body is not None and type(node.ctx) is ast.Load:
                self.body.value_refs.add(node.id)

    def _call(self, node: ast.Call) -> None:
        func = node.func
        api = self.tf.api(func) if type(func) in (ast.Name, ast.Attribute) else None
        body = self.body
        if api is not None and api in ("variable_scope", "variable_op_scope"):
            self.naming_regions.add(self.region)
        elif type(func) is ast.Attribute and func.attr == "reuse_variables":
            self.naming_regions.add(self.region)
        if makes_variables(api, NAMING_SCOPE_CREATORS, NAMING_SCOPE_CREATOR_PREFIXES):  # (P's H21)
            self.creating_regions.add(self.region)
        if body is not None and type(func) is ast.Name and id(func) in self.local_refs and func.id in body.top_functions:
            # `def apply(image, net): return net(image)` beside `def net(image)`: not a call of it
            body.block("unsupported-call", f"{func.id}(...) calls a local that has the name of the module-level "
                       f"function {func.id}", node)
        if body is not None:
            body.call(node, api, self.nested)
            if self.scope_depth and type(func) is ast.Name:
                name = func.id
                if name in self.externals or name in self.known_plain or name in self.foreign_classes:
                    pass  # another file's function, known to the project plan
                elif name in self.imported or (self.star and name not in self.local_known and name not in body.assigned):
                    body.external.add(name)
            elif self.scope_depth and type(func) is ast.Attribute and type(func.value) is ast.Name \
                    and func.value.id in body.foreign and func.attr not in _PLAIN_METHODS:
                body.external.add(f"{func.value.id}.{func.attr}")  # e.g. model.initialize(...)
            elif self.scope_depth and type(func) is ast.Attribute and api is None \
                    and _root_name(func) in self.imported_modules:
                dotted = ast_dotted_name(func)
                if dotted is not None and dotted not in self.externals and dotted not in self.known_plain \
                        and dotted not in self.foreign_classes:
                    body.external.add(dotted)  # `tl.layers.fc(...)`: another module's code in the scope
            elif self.scope_depth and type(func) is ast.Attribute and type(func.value) is ast.Name \
                    and body.owner is not None and func.value.id == body.self_name \
                    and any((c, func.attr) in self.foreign_attrs for c in self._lineage(body.owner)):
                body.external.add(f"self.{func.attr}")  # e.g. self.network_builder(obs)
        if type(func) is ast.Attribute and func.attr in self.external_attrs and ast_dotted_name(func) in self.externals:
            pass  # `ops.linear(...)`: a call, not a use as a value
        elif type(func) is not ast.Name:  # a plain callee is not a use as a value
            self.walk(func)
        self.walk_all(node.args)
        for kw in node.keywords:
            self.walk(kw.value)

    def _attribute(self, node: ast.Attribute) -> None:
        if node.attr in self.external_attrs:
            dotted = ast_dotted_name(node)
            if dotted in self.externals:
                self.escaped.add(dotted)  # `ops.linear` passed around as a value
                if self.body is not None:
                    self.body.value_refs.add(dotted)
                return
        self.walk(node.value)

    def _nested(self, node: ast.AST) -> None:
        if type(node) is ast.ClassDef:
            self.escaped.add(node.name)
        if self.body is not None and type(node) is not ast.Lambda:
            self.body.assigned.add(node.name)  # a local def: its calls are this file's code, walked here
        self.nested += 1
        for child in ast.iter_child_nodes(node):
            self.walk(child)
        self.nested -= 1

    def _arguments(self, node: ast.arguments) -> None:
        # parameter names and annotations are not uses; defaults are
        self.walk_all(node.defaults)
        for default in node.kw_defaults:
            if default is not None:
                self.walk(default)

    def _with(self, node: ast.With | ast.AsyncWith) -> None:
        opens = any(type(item.context_expr) is ast.Call and self.tf.api(item.context_expr.func) == "variable_scope"
                    for item in node.items)
        if opens and self.body is not None:
            self.body.scope_line = self.body.scope_line or node.lineno
        self.scope_depth += opens  # calls in the `with` line itself count (tensorpack towers)
        for item in node.items:
            self.walk(item.context_expr)
            if item.optional_vars is not None:
                self.walk(item.optional_vars)
        self.walk_all(node.body)
        self.scope_depth -= opens

    def _assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            self.assigned.update(_target_names(target))
            if type(target) is ast.Name and self.body is not None:
                self.body.assigned.add(target.id)
                value = node.value
                if type(value) is ast.Call and type(value.func) in (ast.Name, ast.Attribute) \
                        and ast_listing(self.tf, value) is not None:
                    self.body.listing_names.add(target.id)
                if type(value) is ast.Call and type(value.func) is ast.Name and value.func.id not in self.foreign_classes and (
                        value.func.id in self.imported or (self.star and value.func.id not in self.local_known)):
                    self.body.foreign.add(target.id)  # an object another file built: its methods may create
            elif (type(target) is ast.Attribute and type(target.value) is ast.Name and self.body is not None
                    and self.body.owner is not None and target.value.id == self.body.self_name
                    and self._built_elsewhere(node.value)):
                # `self.network = get_network_builder(name)(**kwargs)`: a callable another function
                # made; calling it in a scope may create variables this file cannot see.
                self.foreign_attrs.add((self.body.owner, target.attr))
            self.walk(target)
        self.walk(node.value)

    def _lineage(self, owner: str) -> list[str]:
        """The class and its bases defined in this file (baselines' Actor(Model): the attribute is
        set in Model.__init__, called in Actor.__call__)."""
        out, stack = [], [owner]
        while stack:
            c = stack.pop()
            if c not in out:
                out.append(c)
                stack.extend(self.class_bases.get(c, ()))
        return out

    def _built_elsewhere(self, value: ast.expr) -> bool:
        """A call result the file cannot see into: a factory's product (`f(x)()`), or a call of
        another module's function that is not a TF API, a known plain name or a converted class."""
        if type(value) is not ast.Call:
            return False
        func = value.func
        if type(func) is ast.Call:
            return self.tf.api(func.func) is None if type(func.func) in (ast.Name, ast.Attribute) else True
        if type(func) is ast.Name:
            name = func.id
            if name in self.foreign_classes or name in self.known_plain or name in self.local_known \
                    or name in _BUILTINS:
                return False
            return name in self.imported or self.star
        return False

    def _for(self, node: ast.For | ast.AsyncFor) -> None:
        self.assigned.update(_target_names(node.target))
        for child in ast.iter_child_nodes(node):
            self.walk(child)

    def _global(self, node: ast.Global | ast.Nonlocal) -> None:
        self.escaped.update(node.names)

    def _except(self, node: ast.ExceptHandler) -> None:
        if node.name:
            self.escaped.add(node.name)
        for child in ast.iter_child_nodes(node):
            self.walk(child)

    def _skip(self, node: ast.AST) -> None:
        pass


_HANDLERS = {
    ast.Name: _FileScan._name,
    ast.Call: _FileScan._call,
    ast.Attribute: _FileScan._attribute,
    ast.FunctionDef: _FileScan._nested,
    ast.AsyncFunctionDef: _FileScan._nested,
    ast.Lambda: _FileScan._nested,
    ast.ClassDef: _FileScan._nested,
    ast.arguments: _FileScan._arguments,
    ast.With: _FileScan._with,
    ast.AsyncWith: _FileScan._with,
    ast.Assign: _FileScan._assign,
    ast.For: _FileScan._for,
    ast.AsyncFor: _FileScan._for,
    ast.Global: _FileScan._global,
    ast.Nonlocal: _FileScan._global,
    ast.ExceptHandler: _FileScan._except,
    ast.Constant: _FileScan._skip,
    ast.alias: _FileScan._skip,
    ast.Import: _FileScan._skip,
    ast.ImportFrom: _FileScan._skip,
    ast.Load: _FileScan._skip,
    ast.Store: _FileScan._skip,
}


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


def _is_regularization_lookup(tf: TfNames, node: ast.Call) -> bool:
    """`is_regularization_lookup` on the analysis' ast."""
    api = tf.api(node.func)
    args = [*node.args, *(kw.value for kw in node.keywords)]
    if api in _REGULARIZATION_APIS:
        return not args
    if api in ("get_collection", "get_collection_ref") and len(args) == 1:
        key = args[0]
        return tf.api(key) == "GraphKeys.REGULARIZATION_LOSSES" or (
            isinstance(key, ast.Constant) and key.value == "regularization_losses")
    return False


def _static_reuse(expr: ast.expr, tf: TfNames, params: set[str], self_name: str | None = None,
                  flags: Callable[[], frozenset[str]] = frozenset) -> bool:
    """Reuse values whose meaning the codemod can decide: literals, AUTO_REUSE, parameters,
    comparisons of loop counters (`t > 0`), the owner's first-call flags (`self._reuse`), and
    `not`/`or`/`and` of those. A local computed from data (`reuse = tf.cond(...)`) is not, nor
    an attribute of `self` that other code sets (`self.reuse = reuse`: instances share)."""
    if isinstance(expr, ast.Name):
        return expr.id in params
    if isinstance(expr, ast.Constant):
        return expr.value is None or isinstance(expr.value, int)  # True, False, None, 0, 1
    if tf.api(expr) == "AUTO_REUSE":
        return True
    if isinstance(expr, ast.Compare):
        return all(isinstance(p, (ast.Name, ast.Attribute)) or _int_or_name_constant(p)
                   for p in [expr.left, *expr.comparators])
    if isinstance(expr, ast.UnaryOp) and isinstance(expr.op, ast.Not):
        return _static_reuse(expr.operand, tf, params, self_name, flags)
    if isinstance(expr, ast.BoolOp):
        return all(_static_reuse(v, tf, params, self_name, flags) for v in expr.values)
    if isinstance(expr, ast.Attribute) and self_name is not None and type(expr.value) is ast.Name \
            and expr.value.id == self_name:
        return expr.attr in flags()
    if isinstance(expr, ast.Attribute) and expr.attr == "reuse":
        return True  # `scope.reuse`, `tf.get_variable_scope().reuse`
    return False


def _dynamic_reuse_message(expr: ast.expr, self_name: str | None) -> str:
    if isinstance(expr, ast.Attribute) and type(expr.value) is ast.Name and expr.value.id == self_name:
        return (f"reuse={self_name}.{expr.attr}: an attribute that other code sets (a constructor argument, "
                "another method or object), not a flag that is False at the first call and True after it: "
                "instances may share variables, which one module per instance would not")
    return "reuse is computed at run time"


def _int_or_name_constant(expr: ast.expr) -> bool:
    return isinstance(expr, ast.Constant) and (expr.value is None or isinstance(expr.value, int))


def _target_names(target: ast.expr) -> list[str]:
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [n for el in target.elts for n in _target_names(el)]
    if isinstance(target, ast.Starred):
        return _target_names(target.value)
    return []


def _is_tf2_class(tf: TfNames, cls: ast.ClassDef) -> bool:
    for base in cls.bases:
        api = tf.api(base)
        if api is not None and (api == "Module" or api.startswith(("keras.", "compat.v1.keras."))):
            return True
    return False


# (and Python 2's, which py2-era code that also parses as Python 3 still calls: xrange, reduce)
_BUILTINS = set(dir(builtins)) | {"xrange", "reduce", "unicode", "basestring", "long", "raw_input",
                                  "unichr", "cmp", "execfile", "file", "intern", "apply", "buffer"}
# Modules whose functions never create TF variables: the standard library and the numeric /
# compatibility packages TF1 code imports (`from six.moves import range`, `from numpy import ...`).
_PLAIN_MODULES = frozenset(sys.stdlib_module_names) | {
    "six", "numpy", "np", "scipy", "absl", "future", "past", "builtins", "typing_extensions",
    "matplotlib", "PIL", "pandas", "tqdm", "yaml", "h5py", "sklearn", "gym", "cloudpickle",
    "mpi4py", "gin", "attr", "attrs", "dataclasses", "nltk", "librosa", "cv2", "imageio"}


def _root_name(node: ast.expr) -> str | None:
    while type(node) is ast.Attribute:
        node = node.value
    return node.id if type(node) is ast.Name else None


def _plain_module(module: str) -> bool:
    return module.split(".", 1)[0] in _PLAIN_MODULES


_CELL_WORDS = ("rnn", "cell", "lstm", "gru")


def _may_use_cells(tree: ast.Module, tf: TfNames) -> bool:
    """Whether any call could resolve to an RNN cell or runner: every such API's name says so
    (`LSTMCell`, `rnn.GRUCell`, `dynamic_rnn`), as does an alias bound to one. A cheap test
    before the per-function cell analysis, which costs a walk of every function."""
    if any(w in full.lower() for full in tf.aliases.values() for w in _CELL_WORDS):
        return True
    for node in ast.walk(tree):
        text = node.id if type(node) is ast.Name else node.attr if type(node) is ast.Attribute else None
        if text is not None and any(w in text.lower() for w in _CELL_WORDS):
            return True
    return False


def _add_rnn_cell_blockers(info: FunctionInfo, fn: Function, tf: TfNames, converting: frozenset[str],
                           shared: frozenset[str] = frozenset()) -> None:
    """RNN cells convert only when built and run in the same function (migrate.codemod.rnn_cells),
    or kept on `self` for the whole class (`shared`, rnn_cell_shared.py); a refused cell makes its
    function a blocked creator, as every implicit creator is."""
    found = cell_blockers(fn, tf, converting=converting, shared=shared)
    if found:
        info.direct_creator = True
        info.blockers.extend(Diagnostic(code, message, node.lineno, node.col_offset)
                             for code, message, node in found)


def _calls_base_init(fn: Function) -> bool:
    """`super().__init__(...)`, `super(C, self).__init__(...)` or `Base.__init__(self, ...)`."""
    for node in ast.walk(fn):
        if type(node) is ast.Call and type(node.func) is ast.Attribute and node.func.attr == "__init__":
            return True
        if type(node) is ast.Name and node.id == "super":
            return True
    return False


def _params(fn: Function) -> set[str]:
    """Named parameters (not *args / **kwargs)."""
    a = fn.args
    return {p.arg for p in [*a.posonlyargs, *a.args, *a.kwonlyargs]}


def _module_names(tree: ast.Module) -> tuple[set[str], bool, set[str]]:
    """(names imported from other non-TF modules, whether any `import *`, names the module binds)."""
    imported: set[str] = set()
    star = False
    local: set[str] = set()
    for stmt in tree.body:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            local.add(stmt.name)
        elif isinstance(stmt, ast.ImportFrom) and stmt.module is not None:
            if stmt.module == "tensorflow" or stmt.module.startswith("tensorflow.") \
                    or (stmt.level == 0 and _plain_module(stmt.module)):
                continue
            for alias in stmt.names:
                if alias.name == "*":
                    star = True
                else:
                    imported.add(alias.asname or alias.name)
        elif isinstance(stmt, ast.Assign):
            local.update(t.id for t in stmt.targets if isinstance(t, ast.Name))
    return imported, star, local


def _imported_modules(tree: ast.Module) -> set[str]:
    """Local names of modules imported whole (`import tensorlayer as tl`, `import utils`) that are
    neither TF nor plain: their functions may create variables (`tl.layers.fc(...)`)."""
    out: set[str] = set()
    for stmt in tree.body:
        if isinstance(stmt, ast.Import):
            for alias in stmt.names:
                if alias.name == "tensorflow" or alias.name.startswith("tensorflow.") or _plain_module(alias.name):
                    continue
                out.add(alias.asname or alias.name.split(".", 1)[0])
        elif isinstance(stmt, ast.ImportFrom) and stmt.module is None:  # `from . import ops`
            out.update(alias.asname or alias.name for alias in stmt.names if alias.name != "*")
    return out


def analyse_module(tree: ast.Module, tf: TfNames, pinned: frozenset[str] = frozenset(),
                   externals: tuple[ExternalCallee, ...] = (),
                   forced_blocks: tuple[tuple[str, str, str], ...] = (),
                   known_plain: frozenset[str] = frozenset(),
                   foreign_classes: frozenset[str] = frozenset(),
                   foreign_reruns: frozenset[str] = frozenset(),
                   foreign_decorators: tuple[tuple[str, str, str], ...] = (),
                   used_elsewhere: frozenset[str] = frozenset(),
                   private_externals: frozenset[str] = frozenset()) -> FileAnalysis:
    """`externals`: other files' variable-creating functions this file calls (the project plan);
    `forced_blocks`: (qualname, code, message) of local functions another file keeps TF1;
    `foreign_decorators`: verdicts on decorators other files define (decorators.foreign_verdicts);
    `used_elsewhere`: top-level names another file of the run mentions (project.words_elsewhere);
    `private_externals`: other files' functions only this file uses (project.private_externals)."""
    functions: dict[str, FunctionInfo] = {}
    defs: list[tuple[FunctionInfo, Function]] = []
    top_index = 0
    generated = generated_defs(tree)  # migrate's own inlined support code (a second run): not analysed
    for stmt in tree.body:
        if id(stmt) in generated:
            pass
        elif isinstance(stmt, _FUNCTION_TYPES):
            info = FunctionInfo(stmt.name, stmt.name, stmt.lineno, (top_index, None))
            functions[stmt.name] = info
            defs.append((info, stmt))
        elif isinstance(stmt, ast.ClassDef):
            if not _is_tf2_class(tf, stmt):  # already TF2 (tf.Module, Keras): a second run must change nothing
                method_index = 0
                for item in stmt.body:
                    if isinstance(item, _FUNCTION_TYPES):
                        qual = f"{stmt.name}.{item.name}"
                        a = item.args.args
                        info = FunctionInfo(qual, item.name, item.lineno, (top_index, method_index), owner=stmt.name,
                                            self_name=a[0].arg if a else None)
                        functions[qual] = info
                        defs.append((info, item))
                        method_index += 1
        else:
            continue
        top_index += 1
    top_functions = {s.name for s in tree.body if isinstance(s, _FUNCTION_TYPES)}
    class_names = {s.name for s in tree.body if isinstance(s, ast.ClassDef)}
    methods_by_owner: dict[str, set[str]] = {}
    for info in functions.values():
        if info.owner:
            methods_by_owner.setdefault(info.owner, set()).add(info.name)

    imported, star, local = _module_names(tree)
    by_spelling = {e.spelling: e for e in externals
                   if e.spelling not in local and e.spelling.split(".", 1)[0] not in top_functions}
    scan = _FileScan(tf, imported, star, local | _BUILTINS, by_spelling)
    scan.local_refs = local_name_ids(tree)
    scan.imported_modules = _imported_modules(tree) - local
    scan.known_plain = known_plain
    scan.foreign_classes = foreign_classes
    scan.class_bases = {s.name: tuple(b.id for b in s.bases if type(b) is ast.Name)
                        for s in tree.body if isinstance(s, ast.ClassDef)}
    external_names = {s for s in by_spelling if "." not in s}
    external_dotted = {s for s in by_spelling if "." in s}
    scans: dict[int, _BodyScan] = {}

    def body_scan(*args) -> _BodyScan:
        b = _BodyScan(*args)
        b.external_names, b.external_dotted = external_names, external_dotted
        b.foreign_classes = foreign_classes
        b.external_attrs = scan.external_attrs
        return b

    reuse_flags = FirstCallFlags(tree)
    for info, fn in defs:
        params = _params(fn)
        scans[id(fn)] = body_scan(tf, top_functions, methods_by_owner.get(info.owner or "", set()), class_names,
                                  info.self_name, info.owner, params)
        scans[id(fn)].reuse_flags = reuse_flags
    script = body_scan(tf, top_functions, set(), class_names, None, None, set())
    # The whole file, once, in source order.
    for stmt in tree.body:
        if id(stmt) in generated:
            continue
        if isinstance(stmt, (*_FUNCTION_TYPES, ast.ClassDef)):
            _walk_definition(scan, stmt, scans, None)
        else:
            scan.body, scan.region = script, None
            scan.walk(stmt)
    scan.body = None

    constructs: dict[str, set[str]] = {}
    tf_variable_direct: set[str] = set()
    scan_of = {info.qualname: scans[id(fn)] for info, fn in defs if functions.get(info.qualname) is info}
    nested_candidates: list[tuple[FunctionInfo, Function, _BodyScan]] = []
    kept_by_decorator: dict[str, str] = {}  # qualname -> what its decorator does (it returns the function)
    foreign_verdict = {key: DecoratorVerdict(kind, what) for key, kind, what in foreign_decorators}
    may_use_cells = _may_use_cells(tree, tf)
    shared_cells = shared_cells_by_class(tree, tf) if may_use_cells else {}
    for info, fn in defs:
        if functions.get(info.qualname) is not info:
            continue  # redefined later in the file: the last definition counts
        s = scans[id(fn)]
        info.direct_creator = s.direct_creator
        # a creator it names as a value (`lookup_fn = onehot_lookup if use_tpu else gather_lookup`,
        # `partial(ops.linear, ...)`) runs in its scopes too: it shares that creator's fate (P's H23)
        info.calls = s.calls | {r for r in s.value_refs if r in functions and r != info.qualname and (
            functions[r].owner is None and functions[r].external is None
            or functions[r].external is not None and not functions[r].external.implicit)}
        info.blockers = s.sorted_blockers()
        if may_use_cells:
            _add_rnn_cell_blockers(info, fn, tf, frozenset(by_spelling), shared_cells.get(info.owner, frozenset()))
        # A training graph builder (placeholders, the model, its loss and optimizer: GAN
        # `build_model`s, a model's `__init__`) stays TF1 graph code and calls the converted
        # model as a host; its own tf.Variables (global_step, BEGAN's k) stay TF1 variables.
        info.is_host = (s.session and not s.direct_creator) or (s.training and not s.named_creator)
        model_fns = estimator_model_fns(fn, tf) if info.owner is None and not s.direct_creator else frozenset()
        if model_fns:  # BERT's model_fn_builder: the Estimator runs each model_fn in a graph of its own
            info.is_host, info.host_model_fns = True, model_fns
        if info.is_host:
            info.host_nested = host_nested_defs(fn, tf)[0]
        elif not s.direct_creator and any(nested for *_, nested in s.call_sites):
            nested_candidates.append((info, fn, s))
        constructs[info.qualname] = s.constructs
        if s.tf_variable:
            tf_variable_direct.add(info.qualname)
        for deco in fn.decorator_list:
            name = ast_dotted_name(deco.func if isinstance(deco, ast.Call) else deco) or "a computed decorator"
            if info.owner is not None and name == "property":
                continue
            verdict = foreign_verdict.get(foreign_key(deco)) or classify_decorator(deco, tree, tf)  # (decorators.py)
            if info.owner is None and verdict.kind == "transparent":
                continue  # returns the function itself for arg_scope: the class keeps working without it
            if info.owner is None and verdict.keeps_def:
                kept_by_decorator[info.qualname] = verdict.what  # converts; the decorated def stays beside its class
                continue
            if info.owner is not None and (verdict.keeps_def or (not verdict.breaks_delegate and _delegate_keeps(name))):
                continue  # a method stays a method (a delegate to its module): the decorator still wraps it
            info.blockers.append(Diagnostic(
                "decorated", f"{info.qualname} is decorated: {verdict.what}", info.line, _column(fn, deco)))
        if info.owner and info.name == "__init__" and _calls_base_init(fn):
            info.blockers.append(Diagnostic(
                "unsupported-call", "variables created in __init__, which also runs its base class's "
                "__init__ (the generated module cannot call super() for it)", info.line))

    forced = {q: (code, message) for q, code, message in forced_blocks}
    for q, (code, message) in forced.items():
        if q in functions:
            functions[q].blockers.append(Diagnostic(code, message, functions[q].line,
                                                    severity="info" if code == "kept-tf1" else "warning"))
    for spelling, ext in by_spelling.items():
        info = FunctionInfo(spelling, spelling, 0, (-1, None), direct_creator=True, external=ext)
        if ext.blocked_reason is not None:
            info.blockers.append(Diagnostic("unconvertible-callee",
                                            f"{spelling} ({ext.origin}) stays TF1: {ext.blocked_reason}", 0))
        functions[spelling] = info
        if ext.creates_tf_variable:
            tf_variable_direct.add(spelling)

    def creating() -> set[str]:
        creators = {q for q, f in functions.items() if f.direct_creator and not f.is_host}
        changed = True
        while changed:
            changed = False
            for q, f in functions.items():
                # (A constructor that only builds such objects stores them: it creates nothing.)
                built = constructs.get(q, set())
                builds_owner = f.name != "__init__" and (
                    bool(built & foreign_classes) or any(c == (functions[m].owner or "") for c in built for m in creators))
                if q not in creators and (f.calls & creators or builds_owner) and not f.is_host:
                    creators.add(q)
                    changed = True
        return creators

    creators = creating()
    defs_by_name = {info.qualname: fn for info, fn in defs}

    def shares_by_reuse(name: str) -> bool:
        """The callee's own code asks for AUTO_REUSE (so does a host's per-graph module)."""
        callee = functions.get(name)
        if callee is not None and callee.external is not None:
            return "AUTO_REUSE" in callee.external.source
        node = defs_by_name.get(name)
        return node is not None and _mentions_auto_reuse(node)

    if any(_nested_host(info, fn, s, tf, creators, shares_by_reuse) for info, fn, s in nested_candidates):
        creators = creating()
    if reuse_hosts(defs, functions, creators, scan_of, tf, used_elsewhere | pinned, private_externals):
        creators = creating()
    constructors = {c for c in class_names if f"{c}.__init__" in creators}
    recomputed: dict[str, set[str]] = {}  # class -> derived tensors read through a property
    for cls_name in sorted(constructors):
        init = functions[f"{cls_name}.__init__"]
        builders = sorted(m for m in init.calls if m.startswith(f"{cls_name}.") and functions[m].is_host)
        if builders:
            # (NTM's __init__ makes global_step, then calls self.build_model(): placeholders, the
            # loss and its optimizers. That graph stays TF1; a module constructor calling it would
            # run TF1 graph code eagerly, and a second run would read the class as converted.)
            init.blockers.append(Diagnostic(
                "unsupported-call", f"{cls_name}.__init__ calls self.{builders[0].split('.', 1)[1]}(), a training "
                "graph builder (placeholders, a loss, an optimizer) that stays TF1 graph code: the constructor "
                "stays TF1 with it", init.line))

    def helper_source(spelling: str) -> str | None:
        callee = functions.get(spelling)
        if callee is not None and callee.external is not None:
            return callee.external.source
        node = defs_by_name.get(spelling)
        return ast.unparse(node) if node is not None else None

    for cls in (c for c in tree.body if isinstance(c, ast.ClassDef) and c.name in constructors):
        # (the user's creating helpers: a library layer or cell is an object, not a tensor)
        helpers = frozenset(q for q in creators if functions[q].external is None or not functions[q].external.implicit)
        for attr, method, line in derived_tensors_read_later(cls, tf, helpers, helper_source):
            if recomputable(cls, attr, tf, helper_source):
                recomputed.setdefault(cls.name, set()).add(attr)
                continue
            init = functions[f"{cls.name}.__init__"]
            init.blockers.append(Diagnostic(
                "unsupported-call", f"{cls.name}.__init__ stores a tensor computed from its variables in "
                f"self.{attr}, which {method}() reads with inputs of its own (line {line}): TF1 recomputed it on "
                "every run; a constructor converted into a module would compute it once (stale in eager code)",
                init.line))
    for built in constructions_under_scope_settings(tree, tf, constructors):
        init = functions[f"{built.spelling}.__init__"]
        init.blockers.append(Diagnostic("unsupported-scope", constructed_message(built), init.line))

    # A host stays TF1 and only its own statements are rewritten: a variable-creating function
    # called from a function or lambda nested in it (pix2pix's create_model.create_discriminator)
    # keeps its def, so it stays TF1 too.
    for info, fn in defs:
        if info.is_host and functions.get(info.qualname) is info:
            model_fns = [stmt for stmt in fn.body if isinstance(stmt, ast.FunctionDef) and stmt.name in info.host_model_fns]
            for name, line in [*_nested_calls(fn, info.host_nested | info.host_model_fns),
                               *(call for model_fn in model_fns for call in nested_host_calls(model_fn))]:
                callee = functions.get(name)
                if name in creators and callee is not None and not (callee.external and callee.external.implicit):
                    callee.blockers.append(Diagnostic(
                        "unsupported-call", f"{name} is called in a function nested in {info.qualname}, "
                        "which stays TF1 graph code (it builds a training op or feeds a session)", line))
    # A Keras-style layer class (`class FeedForward(tf.layers.Layer)`, TF's official Transformer
    # v1): Keras builds and names its weights, and TF 2.21's Keras 3 has no such base for TF1
    # code; its methods stay as written (P's G11: half converted, it did not import).
    layer_classes = {c.name for c in tree.body if isinstance(c, ast.ClassDef) and any(
        isinstance(b, (ast.Name, ast.Attribute)) and (tf.api(b) or "").endswith(("layers.Layer", "keras.Model"))
        for b in c.bases)}
    for info, fn in defs:
        if info.owner in layer_classes and functions.get(info.qualname) is info:
            info.blockers.append(Diagnostic("implicit-creator", f"{info.owner} subclasses a Keras layer "
                                            f"(tf.layers.Layer): its weights are the layer's own", info.line))
    # `__init__` (or any dunder) that creates variables, directly or through `self._init(...)`
    # (baselines' policies): the object's constructor cannot delegate to a module it owns.
    for q in sorted(creators):
        f = functions[q]
        if f.owner and f.name.startswith("__") and f.name.endswith("__") and f.name not in ("__call__", "__init__"):
            if not any(d.message.startswith("variables created in") for d in f.blockers):
                f.blockers.append(Diagnostic("unsupported-call", f"variables created in {f.name} (directly or "
                                             "through the methods it calls)", f.line))
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
    # Objects a constructor stores (`self.d_bn1 = batch_norm(...)`) are called by the owner's
    # methods: they convert together.
    for q, f in functions.items():
        if f.owner and f.name == "__init__" and q not in creators and f.owner in owner_methods:
            for cls in constructs.get(q, set()) & set(owner_methods):
                for m in owner_methods[f.owner]:
                    extra_edges.setdefault(m, set()).update(owner_methods[cls])
    # A class converts as one unit: its owner becomes a tf.Module only if every method does.
    for methods in owner_methods.values():
        for q in methods:
            extra_edges.setdefault(q, set()).update(methods - {q})
    owner_classes = set(owner_methods)

    diagnostics: list[Diagnostic] = list(script.sorted_blockers())
    diagnostics += [Diagnostic(code, message, node.lineno, node.col_offset)
                    for code, message, node in (cell_blockers(tree, tf, script=True) if may_use_cells else ())]
    for q in sorted(creators):
        f = functions[q]
        # a creator passed as a value blocks the function passing it (_BodyScan.call), not
        # its own direct calls elsewhere: each is a module of its caller
        if f.owner is None and f.name in scan.escaped and not (f.external is not None and f.external.implicit):
            f.escapes = True
            f.blockers.append(Diagnostic("unsupported-call", f"{q} is used as a value (not only called)", f.line))
        if f.external is not None:
            continue
        body = scan_of.get(q)
        if body is not None and body.scope_line and body.external:
            f.blockers.append(Diagnostic(
                "cross-file", f"variable_scope in {q} wraps calls of code from other files "
                f"({', '.join(sorted(body.external)[:4])}) that may create variables; "
                "the scope cannot be modelled", body.scope_line))
        if body is not None and body.listings and f.owner is None and any(
                q in g.calls for other, g in functions.items() if other != q and other in creators):
            f.blockers.append(Diagnostic("scope-lookup", f"{q} lists the graph's variables but is called by other "
                                         "variable-creating code: its module alone does not hold them", body.listings[0]))
        if f.owner is None and (q in pinned or "*" in pinned):
            f.blockers.append(Diagnostic("imported-elsewhere", f"{q} is imported by another file of this run; "
                                         "converting it would break that import", f.line))

    earlier_run_blocks(kept_by_decorator, functions, creators, class_names)
    # Components of the creator graph (undirected); hosts and module level are not members.
    blocked: set[str] = set()
    component_of = components(creators, functions, extra_edges)
    seen: set[str] = set()
    for start in sorted(creators):
        if start in seen:
            continue
        component = component_of[start]
        seen |= component
        # another file's function is each caller's dependency (not a link between its callers):
        # one that stays TF1 keeps its callers TF1
        refused_callees = sorted({c for q in component for c in functions[q].calls
                                  if c in creators and c not in component and functions[c].blockers})
        reasons = [d for q in sorted(component) for d in functions[q].blockers] + \
            [d for c in refused_callees for d in functions[c].blockers]
        if reasons:
            blocked |= component
            first = next(d for q in [*refused_callees, *sorted(component, key=lambda q: functions[q].external is None)]
                         for d in functions[q].blockers)
            for q in sorted(component):
                own = functions[q].blockers
                if functions[q].external is not None:
                    continue  # reported in its own file; its callers here say why they stay
                if own:
                    diagnostics.extend(own)
                else:
                    diagnostics.append(Diagnostic(
                        "unconvertible-callee",
                        f"{q} left unchanged: it shares variables with a function that cannot be converted "
                        f"({first.message if first.code == 'unconvertible-callee' else first.code})",
                        functions[q].line))
    # Scopes whose variables come from functions of other files: this file alone cannot say what
    # they create, so it is left as it is and the user is told.
    for info, fn in defs:
        s = scans[id(fn)]
        if functions.get(info.qualname) is info and info.qualname not in creators and s.scope_line and s.external:
            diagnostics.append(Diagnostic(
                "cross-file", f"variable_scope in {info.qualname} wraps calls of functions from other files "
                f"({', '.join(sorted(s.external)[:4])}) that this run does not convert: the scope stays as written",
                s.scope_line))
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
                        extra_edges=extra_edges,
                        owner_classes={c for c in owner_classes
                                       if any(m in converted for m in owner_methods[c])} | set(foreign_classes),
                        foreign_reruns=foreign_reruns,
                        assigned_names=scan.assigned,
                        naming_regions=scan.naming_regions,
                        creating_regions=scan.creating_regions,
                        kept_by_decorator={q: w for q, w in kept_by_decorator.items() if q in creators},
                        recomputed_attrs={c: frozenset(a) for c, a in recomputed.items() if f"{c}.__init__" in converted},
                        kept_tf1=kept_defs(kept_by_decorator.keys() & converted, functions, creators))


def components(members: set[str], functions: dict[str, FunctionInfo],
               extra_edges: dict[str, set[str]]) -> dict[str, set[str]]:
    """Each member's connected component in the (undirected) graph of calls and sharing edges
    between members: what is converted, or left, together."""
    adjacency: dict[str, set[str]] = {q: set() for q in members}
    for q in members:
        for other in (functions[q].calls | extra_edges.get(q, set())) & members:
            external = functions[other].external
            if external is not None and other in functions[q].calls and other not in extra_edges.get(q, set()):
                # each call of tf.layers.dense / dynamic_rnn / another file's helper is its own
                # module: callers share nothing through it (a refused one still refuses them)
                continue
            adjacency[q].add(other)
            adjacency[other].add(q)
    out: dict[str, set[str]] = {}
    for start in sorted(members):
        if start in out:
            continue
        component, stack = set(), [start]
        while stack:
            q = stack.pop()
            if q not in component:
                component.add(q)
                stack.extend(adjacency[q] - component)
        for q in component:
            out[q] = component
    return out


def _walk_definition(scan: _FileScan, node: Function | ast.ClassDef, scans: dict[int, _BodyScan],
                     owner: str | None) -> None:
    """A top-level def or class: its body under its own `_BodyScan`, the rest (decorators,
    defaults, bases, class-level statements) under none."""
    scan.body, scan.region = None, None
    if isinstance(node, ast.ClassDef):
        scan.escaped.add(node.name)
        scan.walk_all(node.decorator_list)
        scan.walk_all(node.bases)
        for kw in node.keywords:
            scan.walk(kw.value)
        for item in node.body:
            if isinstance(item, _FUNCTION_TYPES) and id(item) in scans:
                _walk_definition(scan, item, scans, node.name)
            else:
                scan.body, scan.region = None, None
                scan.walk(item)
        return
    scan.walk_all(node.decorator_list)
    scan.walk(node.args)
    if node.returns is not None:
        scan.walk(node.returns)
    body = scans.get(id(node))
    scan.body = body
    scan.region = f"{owner}.{node.name}" if owner else node.name
    scan.local_known = scan.known | (_params(node) | _star_params(node))
    scan.walk_all(node.body)
    scan.body, scan.region = None, None


def _nested_host(info: FunctionInfo, fn: Function, s: _BodyScan, tf: TfNames, creators: set[str],
                 shares_by_reuse) -> bool:
    """A function that calls variable-creating functions from its own nested defs (gpt-2's
    sample_sequence: step() -> model.model(..., reuse=tf.AUTO_REUSE)), and creates none itself, is
    a host, which builds each module once before the def, when the defs' calls provably run at
    its root scope, and once per graph: their variables are shared by AUTO_REUSE (at the call or
    in the callee), as the per-graph module shares them, also when converted code calls the host
    again (a host that builds modules per run would make new variables on every call)."""
    if info.owner is not None or info.qualname not in creators:
        return False
    sites = [(name, (line, col), nested) for name, line, col, nested in s.call_sites if name in creators]
    if not any(nested for *_, nested in sites):
        return False
    calls = {(n.lineno, n.col_offset): n for n in ast.walk(fn) if type(n) is ast.Call}
    if not all(shares_by_reuse(name) or (position in calls and any(
            k.arg == "reuse" and _mentions_auto_reuse(k.value) for k in calls[position].keywords))
            for name, position, nested in sites if nested):
        return False
    qualifying, positions = host_nested_defs(fn, tf)
    if any(nested and position not in positions for _, position, nested in sites):
        return False  # (its direct calls are rewritten as any host's)
    info.is_host = True
    info.host_nested = qualifying
    info.blockers = [d for d in info.blockers if not any(d is r for r in s.nested_external)]
    return True


def _mentions_auto_reuse(node: ast.AST) -> bool:
    return any(type(n) is ast.Attribute and n.attr == "AUTO_REUSE" or type(n) is ast.Name and n.id == "AUTO_REUSE"
               for n in ast.walk(node))


def _nested_calls(fn: Function, rewritten: frozenset[str] = frozenset()) -> list[tuple[str, int]]:
    """Names (`f`, `ops.f`) called inside functions and lambdas nested in `fn` (but not in the
    nested defs the host rewrites)."""
    out = []
    for stmt in fn.body:
        if isinstance(stmt, ast.FunctionDef) and stmt.name in rewritten:
            continue
        for node in ast.walk(stmt):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                for call in ast.walk(node):
                    if isinstance(call, ast.Call):
                        name = ast_dotted_name(call.func)
                        if name is not None:
                            out.append((name, call.lineno))
    return out


def _star_params(fn: Function) -> set[str]:
    a = fn.args
    return {p.arg for p in (a.vararg, a.kwarg) if p is not None}


def attach_nodes(analysis: FileAnalysis, module: cst.Module) -> None:
    """Point every FunctionInfo at its libcst node (same file, same order of definitions)."""
    top = [s for s in module.body if isinstance(s, (cst.FunctionDef, cst.ClassDef))]
    for info in analysis.functions.values():
        if info.external is not None:
            if info.node is None:
                info.node = parse_cst_def(info.external)
            continue
        top_index, method_index = info.key
        node = top[top_index]
        if method_index is not None:
            assert isinstance(node, cst.ClassDef)
            node = [s for s in node.body.body if isinstance(s, cst.FunctionDef)][method_index]
        assert isinstance(node, cst.FunctionDef) and node.name.value == info.name, info.qualname
        info.node = node


def _column(fn: ast.AST, deco: ast.expr) -> int:
    return max(getattr(deco, "col_offset", 1) - 1, 0)  # the `@`
