#!/bin/sh
# servin %postun for the .rpm: argument 0 when the package is erased, 1 or more on upgrade.
# rpm has no "purge": /var/lib/servin (images, containers, VM disks) stays until the admin
# deletes it, as Fedora's packaging guidelines ask.
set -e

case "${1:-0}" in
    0) ;;
    *) exit 0 ;;
esac

if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
    systemctl daemon-reload >/dev/null 2>&1 || true
fi

exit 0
