"""Argdown: placeholder."""
from __future__ import annotations


def read_argdown_json(text):
    raise NotImplementedError


def write_argdown(argmap, sources=None):
    raise NotImplementedError
