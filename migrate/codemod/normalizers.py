"""`normalizer_fn=slim.batch_norm` in converted code: contrib's layers run the normalizer inside
their own scope (`Conv/BatchNorm/beta`); the layer library takes the normalizer's *class* and
builds one instance per layer on first call (tf2_layers `_contrib_normalize`), so the value
becomes the library class and the class is emitted with the file's library."""

from __future__ import annotations

import libcst as cst

from migrate.codemod.creators import SPECS

_NORMALIZERS = ("batch_norm", "layer_norm", "instance_norm", "group_norm")
# API spelling (as TfNames.api gives it) -> library class, for contrib/slim normalizers
NORMALIZER_CLASSES: dict[str, str] = {
    api: spec.class_name for api, spec in SPECS.items()
    if api.startswith(("contrib.layers.", "contrib.slim.")) and api.rsplit(".", 1)[-1] in _NORMALIZERS
}


def library_normalizers(body: cst.CSTNode, tf, library_classes: set[str]) -> cst.CSTNode:
    """`body` with each `normalizer_fn=<contrib normalizer>` keyword naming the library class;
    the classes used are added to `library_classes`."""
    rewriter = _Rewriter(tf, library_classes)
    return body.visit(rewriter)


class _Rewriter(cst.CSTTransformer):
    def __init__(self, tf, library_classes: set[str]) -> None:
        super().__init__()
        self.tf = tf
        self.library_classes = library_classes

    def leave_Arg(self, original_node: cst.Arg, updated_node: cst.Arg) -> cst.Arg:
        if updated_node.keyword is None or updated_node.keyword.value != "normalizer_fn":
            return updated_node
        if not isinstance(updated_node.value, (cst.Attribute, cst.Name)):
            return updated_node
        cls = NORMALIZER_CLASSES.get(self.tf.api(updated_node.value) or "")
        if cls is None:
            return updated_node
        self.library_classes.add(cls)
        return updated_node.with_changes(value=cst.Name(cls))
