"""Stance (moved: kzlib/stance.py -> kzlib/stance/rules.py; split into submodules in the next commit)."""
from kzlib.stance.rules import *  # noqa: F401,F403
from kzlib.stance.rules import __all__  # noqa: F401
