"""Renderers: they receive data (an Analysis, a history) and draw it; they never measure or
touch the database."""
