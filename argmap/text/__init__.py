"""Text helpers shared by every output: terminal-safe text and plural words. They import nothing."""
