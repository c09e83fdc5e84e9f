#!/usr/bin/env bash
# Installs the Debian packages Pickdesk needs when they are missing: the libraries Qt loads,
# a CJK font for the screen, and the tools the tests drive (pdftoppm, zbar, CUPS, socat).
# As root it installs them; otherwise it prints the exact command to run.
set -euo pipefail

runtime=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
         libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
         libfontconfig1 libdbus-1-3 libpulse0 libpipewire-0.3-0 libva2 libva-drm2 libva-x11-2 fonts-wqy-microhei)
# The tests also play the scan sounds into a real PulseAudio server with a null sink.
testing=(poppler-utils zbar-tools cups cups-bsd cups-client socat xvfb xauth pulseaudio pulseaudio-utils)

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-deps: not a Debian-like system; install Qt 6's xcb/EGL libraries, PulseAudio client," \
       "a CJK font, poppler-utils, zbar, CUPS and socat with your package manager." >&2
  exit 0
fi

missing=()
for pkg in "${runtime[@]}" "${testing[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  echo "system-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # debconf's "delaying package configuration, since apt-utils is not installed" asks nothing of us.
  log=$(mktemp)
  if ! apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$log" 2>&1; then
    cat "$log" >&2; rm -f "$log"; exit 1
  fi
  grep -v -e '^debconf: delaying' -e '^Selecting previously' -e '^Preparing to unpack' -e '^Unpacking' \
          -e '^Setting up' -e '^Processing triggers' -e '^(Reading database' "$log" >&2 || true
  rm -f "$log"
else
  echo "system-deps: these Debian packages are missing; install them with:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
