#!/bin/sh
# servin postremove. The .deb runs it as postrm ("remove", "purge", "upgrade <new-version>",
# "disappear", "abort-*"); the .rpm as %postun (0 when erased, 1 or more on upgrade).
set -e

root="${DPKG_ROOT:-}"

case "${1:-}" in
    purge)
        # Purging means "forget everything": images, containers and VM disks go too.
        rm -rf "$root/var/lib/servin"
        ;;
esac

case "${1:-}" in
    remove | purge | 0)
        if [ -z "$root" ] && [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
            systemctl daemon-reload >/dev/null 2>&1 || true
        fi
        ;;
esac

exit 0
