"""migrate: structural TF1 -> TF2 migration of variable scopes into tf.Module classes."""

__version__ = "0.1.0"
