"""Model package: building blocks and the policy network."""
