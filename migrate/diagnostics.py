"""Diagnostics shared by every stage: what was not converted, where, and why."""

from __future__ import annotations

import re
from dataclasses import dataclass, asdict
from typing import Literal

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Diagnostic:
    """One finding about one place in one file.

    `code` is a stable, machine-readable reason (see REASONS); `message` is for people.
    """

    code: str
    message: str
    line: int = 0
    column: int = 0
    severity: Severity = "warning"
    path: str = ""

    def with_path(self, path: str) -> "Diagnostic":
        return Diagnostic(self.code, self.message, self.line, self.column, self.severity, path)

    def to_json(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:
        # one line per finding (grep-able): tf_upgrade_v2's own texts carry line breaks
        message = re.sub(r"\s*\n\s*", " ", self.message)
        return f"{self.path}:{self.line}:{self.column}: {self.code}: {message}"


def anchor_columns(diagnostics: tuple[Diagnostic, ...], source: str) -> tuple[Diagnostic, ...]:
    """Reasons about a whole function or scope are made with its line only (column 0): on an
    indented line (a method, a nested `with`) they point at the statement's first token instead,
    so every diagnostic names a real place of the original file (issue 12 item 8)."""
    if not any(d.column == 0 and d.line > 0 for d in diagnostics):
        return diagnostics
    lines = source.splitlines()
    out = []
    for d in diagnostics:
        if d.column == 0 and 0 < d.line <= len(lines):
            text = lines[d.line - 1]
            indent = len(text) - len(text.lstrip(" \t"))
            if 0 < indent < len(text):
                d = Diagnostic(d.code, d.message, d.line, indent, d.severity, d.path)
        out.append(d)
    return tuple(out)


# Reason codes. Keep in sync with README ("Reason codes").
REASONS: dict[str, str] = {
    # file level
    "parse-error": "the file does not parse as Python 3 (syntax error or Python 2)",
    "decode-error": "the file's bytes do not decode with its declared or default encoding",
    "io-error": "the file could not be read or written",
    "symlink": "the path is a symbolic link; it is never replaced",
    "generated-file": "the file says it is generated; left alone",
    "too-large": "the file is larger than the configured limit",
    "internal-error": "migrate itself failed on this file (a bug); the file was left untouched",
    "read-only": "the file has no write permission; it is never replaced",
    "notebook-unsupported": "notebook support (migrate.upgrade.notebook) is not installed",
    # structural conversion
    "custom-getter": "variable_scope(custom_getter=...) changes how variables are created",
    "make-template": "tf.make_template shares variables by template identity",
    "partitioner": "partitioned variables have no tf.Module equivalent",
    "collections": "get_variable(collections=...) puts variables in graph collections",
    "implicit-creator": "a tf.layers / contrib / slim / RNN-cell creator the layer library does not cover (layer objects stored on self, used other than by calling them or called in another scope; RNN cells not built and run in the same function, called directly, or run by other than dynamic_rnn / static_rnn / bidirectional_dynamic_rnn)",
    "dynamic-reuse": "reuse is decided from run-time data",
    "scope-lookup": "variables are looked up by collection or scope in a way the model cannot answer (other collections, computed scopes, a non-root function)",
    "dynamic-scope": "a scope name that cannot be resolved statically",
    "unsupported-scope": "a variable_scope form this tool does not convert",
    "unsupported-call": "a variable-creating function used in a way this tool does not convert",
    "decorated": "a variable-creating function has a decorator that opens a scope, changes its arguments, threads state through the object, or is not defined in the file (registries returning the function and logging wrappers convert)",
    "cross-file": "a variable scope wraps code of another file that the run cannot see into (outside the run, or an object another file built)",
    "imported-elsewhere": "a file the run cannot rewrite (outside the run, or one that does not parse) imports this function",
    "unconvertible-callee": "calls a function that could not be converted",
    "kept-tf1": "converted, and its TF1 def also kept beside the class: callers in other files stay TF1",
    "private-api": "a variable API reached through TensorFlow's private modules (tensorflow.python.*): not converted, left as TF1 code",
    "python2": "Python 2 syntax",
    # body modernisation (upgrade stage)
    "compat-v1-kept": "no native TF2 spelling keeps the semantics; tf.compat.v1 kept",
    "contrib": "tf.contrib does not exist in TF2",
    "flags": "tf.flags does not exist in TF2; use absl.flags",
    "session-loop": "a feed-dict / Session loop that cannot be made eager",
    "initializer-rewrite": "a TF1 initializer was rewritten to a spelling that keeps its values",
    "graph-only": "a graph-only attribute (`x.op.name`) read in TF2 code: eager tensors have no op",
    "support-module": "the run's shared TF2 support module (tf2_migrate_support.py) was not used or lacks a name: a file of yours has its name, or a file imports a name it no longer defines",
}


# What the user can do about each reason: shown in the summary and the README's reason table.
# Keep in sync with README ("Reason codes", column "next step"); tests/test_reasons.py checks both.
NEXT_STEPS: dict[str, str] = {
    "parse-error": "fix the syntax error at the reported line (python -m py_compile FILE shows it), then run again",
    "decode-error": "add a PEP 263 coding cookie or re-save the file as UTF-8, then run again",
    "io-error": "check the file's permissions and that nothing else is writing it, then run again",
    "symlink": "migrate the file the link points to instead (name its real path)",
    "generated-file": "migrate the generator's input, or remove the @generated / DO NOT EDIT marker",
    "too-large": "raise [tool.migrate] max_file_size in pyproject.toml if the file really is source",
    "internal-error": "rerun with --debug and file a bug with the traceback; the file was not touched",
    "read-only": "make the file writable (chmod u+w) or write a copy with --out DIR",
    "notebook-unsupported": "install the full package (pip install -e .) or export the notebook to .py first",
    "custom-getter": "remove the custom_getter, or convert this scope by hand (a tf.Module that wraps tf.Variable creation)",
    "make-template": "replace tf.make_template with a function and a shared scope (reuse=True), then run again",
    "partitioner": "remove the partitioner or wrap the variable by hand: TF2 has no partitioned tf.Variable",
    "collections": "drop collections= and keep a Python list of the variables instead (module.variables)",
    "implicit-creator": "use the functional form the library covers (tf.layers.dense, conv2d, conv3d, separable_conv2d, batch_normalization, contrib fully_connected / conv2d / separable_conv2d / batch_norm / layer_norm / instance_norm), or build a layer object in the function that calls it; build an RNN cell in the function that runs it with tf.nn.dynamic_rnn; or port the layer by hand",
    "dynamic-reuse": "make reuse a literal (True/False) or a Python bool decided before graph building, then run again",
    "scope-lookup": "list variables from the root model with tf.trainable_variables() / a literal scope, or pass them as values (TF2 has no collections)",
    "dynamic-scope": "give the scope a literal name or a Python string pattern ('h%d' % i), then run again",
    "unsupported-scope": "simplify this variable_scope (a literal name, no scope-level defaults flowing into callees) or convert it by hand",
    "unsupported-call": "call the function directly with literal scope arguments, or convert this call site by hand",
    "decorated": "remove or inline the decorator (the message says what it does), or define it in the same file as a registry returning the function, then migrate again",
    "cross-file": "include the other file in the same run (or the whole repository), or convert that object by hand first",
    "imported-elsewhere": "add the importing file to the run (run migrate on the whole repository), or fix it so it parses",
    "unconvertible-callee": "fix the callee's own diagnostic first; this function converts once its callee does",
    "kept-tf1": "nothing required; once those callers convert (fix their own diagnostics), delete the TF1 def",
    "private-api": "import the public API instead (import tensorflow.compat.v1 as tf; tf.variable_scope / tf.get_variable), then run again",
    "python2": "run it through a Python 3 converter first (2to3 / futurize), then migrate",
    "compat-v1-kept": "nothing required: the code runs on TF2; replace the tf.compat.v1 call by hand when you drop TF1 semantics",
    "contrib": "replace the tf.contrib symbol with the suggested TF2 / TF Addons one (see the message)",
    "flags": "switch to absl.flags (from absl import flags), a drop-in replacement",
    "session-loop": "rewrite the Session / feed_dict loop as eager calls (or a tf.function) by hand",
    "initializer-rewrite": "nothing required: the rewrite keeps the initial values (migrate check proves it)",
    "graph-only": "nothing required: it reads the op name in graphs and tf.function, \"\" in eager; name what it names (a summary) another way when you drop graph mode",
    "support-module": "rename your tf2_migrate_support.py to let migrated files share the support code (else it stays inlined); re-run migrate on the whole directory when a name is missing",
}
