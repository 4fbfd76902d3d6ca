"""furikaeri (振り返り): an offline mock-interview coach.

Data flows one way: audio -> speech intervals + transcript -> measurements -> report/store.
"""

import os as _os

__version__ = "0.1.0"

# onnxruntime (the Silero speech detector's runtime) keeps a telemetry device id and a queue of
# events bound for Microsoft in ~/.cache, from the first session on (QA s47 EE #7): nothing of
# furikaeri's leaves the machine, so it is turned off before onnxruntime is ever loaded (its own
# switch; a read-only home also no longer gets its warning line).
_os.environ["ORT_DISABLE_TELEMETRY"] = "1"
