#!/bin/sh
# servin prerm for the .deb: "remove", "upgrade <new-version>", "deconfigure", "failed-upgrade".
# (The .rpm uses preremove-rpm.sh; see overrides.rpm in package-actions.yml.)
set -e

case "${1:-}" in
    remove) ;;
    *) exit 0 ;;
esac

# Nothing of ours runs inside a root that dpkg manages from outside (DPKG_ROOT), and without a
# running systemd there is no service to stop. deb-systemd-invoke (init-system-helpers, which
# is Essential in Debian and Ubuntu) honours policy-rc.d.
if [ -z "${DPKG_ROOT:-}" ] && [ -d /run/systemd/system ] && command -v deb-systemd-invoke >/dev/null 2>&1; then
    deb-systemd-invoke stop servin.service >/dev/null 2>&1 || true
fi

exit 0
