"""furikaeri (振り返り): an offline mock-interview coach.

Data flows one way: audio -> speech intervals + transcript -> measurements -> report/store.
"""

__version__ = "0.1.0"
