#!/bin/sh
# servin %preun for the .rpm: argument 0 when the package is erased, 1 or more on upgrade.
set -e

case "${1:-0}" in
    0) ;;
    *) exit 0 ;;
esac

if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
    systemctl stop servin.service >/dev/null 2>&1 || true
fi

exit 0
