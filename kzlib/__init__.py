"""kzlib."""
