#!/bin/sh
# Stands in for Chromium in the launch drills of tests/e2e/guard.spec.mjs (Playwright) and
# tests/e2e/engines-guard.spec.mjs (the engine suite), which crash-at-start.mjs sets up: the
# first launch of a drill (the one that creates the folder $REGLAB_LAUNCH_DRILL_MARK) dies of
# SIGSEGV before the browser answers, as Debian Chromium 148's browser process did in a clean
# clone; every other launch is the real Chromium ($REGLAB_LAUNCH_DRILL_CHROMIUM).
ulimit -c 0
if mkdir "${REGLAB_LAUNCH_DRILL_MARK:?}" 2>/dev/null; then
  kill -SEGV $$
fi
exec "${REGLAB_LAUNCH_DRILL_CHROMIUM:?}" "$@"
