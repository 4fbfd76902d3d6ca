"""QA session 47's findings on capture: a stop that hangs when the sound server dies."""

from __future__ import annotations

import threading

import pytest
import time

from furikaeri import capture


class _Hung:
    """A stream whose stop never returns, as PortAudio's did when the sound server died mid-take."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.closed = False

    def stop(self) -> None:
        self.release.wait()

    def close(self) -> None:
        self.closed = True


class _Fine:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def stop(self) -> None:
        self.calls.append("stop")

    def close(self) -> None:
        self.calls.append("close")


def test_a_stop_that_hangs_is_given_up_and_the_exit_handler_kept_from_it(monkeypatch):
    # QA s47 EE #1: 6 of 20 takes whose sound server was stopped froze in stream.stop(), deaf to Ctrl-C
    import atexit

    import sounddevice as sd

    dropped = []
    monkeypatch.setattr(atexit, "unregister", dropped.append)
    hung = _Hung()
    t0 = time.monotonic()
    assert capture._stop_stream(hung, wait_s=0.3) is False
    assert 0.25 <= time.monotonic() - t0 < 2.0
    assert dropped == [sd._exit_handler]
    hung.release.set()  # let its thread end
    fine = _Fine()
    assert capture._stop_stream(fine) is True and fine.calls == ["stop", "close"]


def test_output_piped_in_a_latin1_locale_is_utf8():
    # QA s47 EE #3: `export > backup.json` in a Latin-1 locale wrote every Japanese transcript as "?"
    import io

    from furikaeri.cli.streams import REPAIR, _utf8_when_piped

    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="latin-1", errors=REPAIR)
    _utf8_when_piped(out)
    out.write('{"transcript": "自己紹介をお願いします"}\n')
    out.flush()
    assert raw.getvalue().decode("utf-8") == '{"transcript": "自己紹介をお願いします"}\n'


def test_a_model_folder_whose_config_cannot_be_read_is_said_so(tmp_path, monkeypatch):
    # QA s47 EE #5: an unreadable config.json ended in "unexpected RuntimeError" (exit 70)
    import builtins
    import errno

    import pytest

    from furikaeri import models
    from furikaeri.errors import ModelError

    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "model.bin").write_bytes((6).to_bytes(4, "little") + b"\0" * 16)
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        (folder / name).write_text("{}")
    real_open = builtins.open

    def denied(path, *args, **kwargs):
        if str(path).endswith("config.json"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(models, "open", denied, raising=False)
    with pytest.raises(ModelError, match=r"config\.json cannot be read \(Permission denied\)") as e:
        models.check_folder(folder)
    assert "読み込めません" in e.value.ja


def test_a_saved_takes_left_marker_goes_unless_it_is_being_recorded(tmp_path):
    # QA s47 EE #9: after a lost microphone's take was saved as its error line said, `recover`
    # still "repaired" it
    import fcntl
    import os

    take = tmp_path / "take.wav"
    take.write_bytes(b"RIFF")
    marker = capture.marker_path(take)
    marker.write_text("{}")
    fd = os.open(marker, os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a recorder still writing it
    capture.forget_left_take(take)
    assert marker.exists()
    os.close(fd)
    capture.forget_left_take(take)
    assert not marker.exists() and take.exists()
    assert capture.find_partial_takes(tmp_path) == []


def test_onnxruntime_keeps_no_telemetry_in_the_home(tmp_path):
    # QA s47 EE #7: every analysis wrote ~/.cache/Microsoft/DeveloperTools/.onnxruntime/{deviceid,
    # onnxruntime.db}, a queue of telemetry events bound for Microsoft
    import os
    import subprocess
    import sys

    script = ("import numpy as np, furikaeri\n"
              "from faster_whisper.vad import VadOptions, get_speech_timestamps\n"
              "get_speech_timestamps(np.zeros(32000, np.float32), VadOptions())\n")
    env = {k: v for k, v in os.environ.items() if k != "ORT_DISABLE_TELEMETRY"}
    r = subprocess.run([sys.executable, "-c", script], env={**env, "HOME": str(tmp_path)}, capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert not (tmp_path / ".cache" / "Microsoft").exists()


@pytest.mark.model
@pytest.mark.parametrize("json_", [False, True])
def test_a_reader_leaving_early_does_not_stop_the_saving(tmp_path, json_):
    # QA s47 EE #4: `analyze a b c --save | head -1` left the third file unanalysed and unsaid, exit 1
    import os
    import subprocess
    import sys

    from conftest import SAMPLES

    files = [str(SAMPLES / f"en_{n}.flac") for n in ("greatest_strength", "tell_me_about_yourself",
                                                      "weakness_over_budget")]
    env = {**os.environ, "FURIKAERI_HOME": str(tmp_path / "h"), "LC_ALL": "C"}
    p = subprocess.Popen([sys.executable, "-m", "furikaeri", "analyze", *files, "--save", "-l", "en",
                          *(["--json"] if json_ else [])], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    p.stdout.readline()
    p.stdout.close()  # the reader leaves after one line
    err = p.stderr.read().decode()
    assert p.wait(timeout=600) == 0, err
    assert "saved as answer 3" in err and "Traceback" not in err, err


def test_a_device_no_rate_opens_on_is_said_as_no_microphone_in_one_line(capfd):
    # QA s47 EE #2: a sound server with no input source: 30 lines of ALSA's, then "accepts none of
    # the usual sample rates"
    import os

    from furikaeri.errors import DeviceError

    class _NoSource:
        @staticmethod
        def check_input_settings(**_):
            os.write(2, b"ALSA lib pcm_pulse.c:758:(pulse_prepare) PulseAudio: Unable to create stream\n")
            raise RuntimeError("Unanticipated host error [PaErrorCode -9999]: 'Input/output error' [ALSA error -5]")

    class _Rates:
        @staticmethod
        def check_input_settings(**_):
            raise RuntimeError("Invalid sample rate [PaErrorCode -9997]")

    device = capture.Device(0, "default", 44100, 2, True)
    with pytest.raises(DeviceError, match="is a microphone connected") as e:
        capture._open_settings(_NoSource, device)
    assert "sample rates" not in str(e.value) and "マイク" in e.value.ja
    assert "ALSA lib" not in capfd.readouterr().err
    with pytest.raises(DeviceError, match="accepts none of the usual sample rates"):
        capture._open_settings(_Rates, device)


@pytest.mark.parametrize("language, said", [("ja", "話し始めるまで6秒"), ("en", "0:06 before your first word")])
def test_the_panel_says_the_time_to_the_first_word_is_running(language, said):
    # QA s47 BB #4: reading the screen counted as "freezing", and nothing on the panel said time was running
    from rich.console import Console

    from furikaeri.cli.live import LivePanel

    panel = LivePanel(Console(width=100, record=True, force_terminal=False), question="Q", budget=30.0,
                      language=language)
    panel.started, panel.elapsed = None, 2.0
    panel.console.print(panel.render())
    early = panel.console.export_text()
    assert "first word" not in early and "話し始めるまで" not in early  # not before 3 s
    panel.elapsed = 6.4
    panel.console.print(panel.render())
    assert said in " ".join(panel.console.export_text().split())
    panel.started = 6.5  # once speaking: gone
    panel.elapsed = 8.0
    panel.console.print(panel.render())
    text = panel.console.export_text()
    assert "first word" not in text and "話し始めるまで" not in text


def test_piped_output_made_utf8_keeps_its_repair_of_undecodable_names():
    # QA s47 FF #9: reconfigured to UTF-8, stdout fell back to strict errors and an EUC-JP export
    # ended in an internal error on a file name's undecodable bytes
    import io

    from furikaeri.cli.streams import REPAIR, _utf8_when_piped

    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="euc-jp", errors=REPAIR)
    _utf8_when_piped(out)
    out.write("file: \udce3\udc81\udcbf.toml\n")  # UTF-8 bytes of a name read with another codec
    out.flush()
    assert raw.getvalue().decode("utf-8", errors="replace").startswith("file: ")
