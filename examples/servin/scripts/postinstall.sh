#!/bin/sh
# servin postinstall. The .deb runs it as postinst ("configure <old-version>" or "abort-*"),
# the .rpm as %post (argument: how many versions are installed, 1 or 2).
set -e

# dpkg sets DPKG_ROOT when it installs into another root without chrooting
# (dpkg --root=R --force-script-chrootless); every path we touch is under it.
root="${DPKG_ROOT:-}"

case "${1:-}" in
    configure | [0-9]*) ;;
    *) exit 0 ;;
esac

# Members of the "servin" group may use the daemon socket (see /etc/servin/servin.toml).
# groupadd/addgroup edit the /etc/group of the system they run on. With DPKG_ROOT set that is
# the host, not the root being installed, so skip it there; `dpkg-reconfigure servin` inside
# that system later creates the group.
if [ -z "$root" ]; then
    if ! getent group servin >/dev/null 2>&1; then
        if command -v groupadd >/dev/null 2>&1; then
            groupadd --system servin || true
        elif command -v addgroup >/dev/null 2>&1; then
            addgroup --system servin 2>/dev/null || addgroup -S servin 2>/dev/null || true
        fi
    fi
    if [ -d /var/lib/servin ]; then
        chgrp servin /var/lib/servin 2>/dev/null || true
    fi
fi

# Only talk to systemd when it is the running init of this system: not in containers or
# chroots without it, and never from outside a DPKG_ROOT.
if [ -z "$root" ] && [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
    systemctl daemon-reload >/dev/null 2>&1 || true
fi

exit 0
