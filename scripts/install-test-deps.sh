#!/usr/bin/env bash
# Installs the Debian packages the interop tests judge our output with, if any is missing.
# Safe to run repeatedly: it only calls apt-get (and `apt-get update` first) when something
# is missing. Runs as root, or through sudo when available. On a machine without apt
# (macOS, Windows) it does nothing: the unit tests need none of these tools.
set -euo pipefail

# package            what the tests use it for
PACKAGES=(
  dpkg-dev           # dpkg-deb, dpkg-scanpackages: read and install our .deb files
  lintian            # Debian policy checks on our .deb files
  man-db             # lintian's manual page checks
  rpm                # rpm -qip/-K/-V, rpmkeys: read, verify and install our .rpm files
  rpm2cpio           # unpack our rpm payloads
  cpio               # list rpm payloads
  rpmlint            # rpm policy checks
  dnf                # installs our rpms from a repository, with gpgcheck
  createrepo-c       # makes that repository
  gnupg              # gpg: keys and signature checks for repositories
  gpgv               # apt's own signature verifier
  git                # check-dist, loopback git server in the GitHub stand-in
  xz-utils           # xz -t on our data.tar.xz
  zstd               # zstd -t on our zstd payloads
  gzip               # gzip -t, gzip -9n reference output
  binutils           # ar t on our .deb files; readelf on the example binaries
  file               # what `file` says about our outputs
  shellcheck         # maintainer scripts and install scripts
  dash               # scripts must run under a strict POSIX sh
  busybox            # ... and under busybox sh
  ruby               # ruby -c on generated Homebrew formulae
  desktop-file-utils # desktop-file-validate on the example's .desktop file
  apt-utils          # apt-ftparchive: apt's own reader of our .deb control and data members
  pacman-package-manager # libalpm's vercmp judges our pacman version mapping
  python3            # calls libalpm through ctypes
  tar                # GNU tar: the reference for our tar writer
  time               # GNU time: peak RSS in npm run bench
  unzip              # unzip -t / zipinfo on our release zips
  zip                # zip -T on our release zips
  libarchive-tools   # bsdtar: a second, independent archive reader
  curl               # install.sh downloads with curl ...
  wget               # ... or wget
  openssl            # install.sh's third hash tool
  perl               # shasum, install.sh's second hash tool
  util-linux         # setpriv: install.sh run as an unprivileged user
  yamllint           # lints the WinGet manifests
)

# Rebuilds vendor/liblzma/liblzma.wasm (test/interop/liblzma-wasm.test.ts). Installed on their
# own, after the rest, so a distribution without one of them still gets every other tool.
WASM_TOOLCHAIN=(clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32)

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-test-deps: no dpkg/apt here; skipping (interop tests need a Debian or Ubuntu machine)"
  exit 0
fi

# Prints the packages of the arguments that are not installed.
missing_of() {
  for pkg in "$@"; do
    if [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)" != "install ok installed" ]; then
      echo "$pkg"
    fi
  done
}

mapfile -t missing < <(missing_of "${PACKAGES[@]}")
mapfile -t missing_wasm < <(missing_of "${WASM_TOOLCHAIN[@]}")

if [ "${#missing[@]}" -eq 0 ] && [ "${#missing_wasm[@]}" -eq 0 ]; then
  echo "install-test-deps: all $((${#PACKAGES[@]} + ${#WASM_TOOLCHAIN[@]})) packages present"
  exit 0
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "install-test-deps: missing ${missing[*]}; run as root or install sudo" >&2
    exit 1
  fi
fi

echo "install-test-deps: installing ${missing[*]} ${missing_wasm[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
if [ "${#missing[@]}" -gt 0 ]; then
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if [ "${#missing_wasm[@]}" -gt 0 ]; then
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing_wasm[@]}" ||
    echo "install-test-deps: could not install ${missing_wasm[*]}; the liblzma.wasm rebuild test will say so" >&2
fi
