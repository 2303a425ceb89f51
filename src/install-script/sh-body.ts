// The fixed part of install.sh (POSIX sh; runs under dash, bash and busybox ash; shellcheck -s sh clean).
// It reads only the variables and functions sh.ts generates. Written as a template literal:
// \${ and \\ below are the shell's own ${ and \.
export const SH_BODY = `PROG="$NAME installer"
CR=$(printf '\\r')

say() { printf '%s\\n' "$*" >&2; }
warn() { printf '%s: warning: %s\\n' "$PROG" "$*" >&2; }
die() { printf '%s: error: %s\\n' "$PROG" "$*" >&2; exit 1; }
usage_error() {
  printf '%s: error: %s\\nRun with --help for the options.\\n' "$PROG" "$1" >&2
  exit 2
}
have() { command -v "$1" >/dev/null 2>&1; }

usage() {
  printf '%s\\n' \\
    "Installs $NAME $RELEASE_VERSION (or another release) after checking every download" \\
    "against the release's SHA-256 checksums; refuses to install anything that does not match." \\
    "" \\
    "Usage: sh install.sh [options]" \\
    "" \\
    "  --prefix DIR          install into DIR (default: /usr/local/bin when writable, else ~/.local/bin)" \\
    "  --version VERSION     install that release instead of $RELEASE_VERSION" \\
    "  --verify-signature    also check the OpenPGP signature of the checksums file (needs gpg)" \\
    "  --dry-run             print what would be downloaded and installed, change nothing" \\
    "  -h, --help            show this help" \\
    "" \\
    "Environment:" \\
    "  $BASE_URL_VARIABLE  download from this mirror instead of" \\
    "      $DEFAULT_BASE_URL (same layout: <url>/<tag>/<file>)" \\
    "" \\
    "Platforms: $PLATFORMS"
}

VERSION=$RELEASE_VERSION
PREFIX=''
DRY_RUN=0
VERIFY_SIGNATURE=0
while [ "$#" -gt 0 ]; do
  case "$1" in
    --prefix | --version)
      if [ "$#" -lt 2 ] || [ -z "$2" ]; then usage_error "$1 needs a value"; fi
      if [ "$1" = --prefix ]; then PREFIX=$2; else VERSION=$2; fi
      shift 2
      ;;
    --prefix=?*) PREFIX=\${1#--prefix=}; shift ;;
    --version=?*) VERSION=\${1#--version=}; shift ;;
    --dry-run) DRY_RUN=1; shift ;;
    --verify-signature) VERIFY_SIGNATURE=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage_error "unknown option: $1" ;;
  esac
done

# Accept 1.2.3 and v1.2.3; the tag and the file names are rebuilt around the plain version.
VERSION=\${VERSION#v}
case "$VERSION" in
  [0-9A-Za-z]*) ;;
  *) usage_error "not a version: $VERSION" ;;
esac
case "$VERSION" in
  *[!0-9A-Za-z.+~-]*) usage_error "not a version: $VERSION" ;;
esac
TAG="$TAG_PREFIX$VERSION$TAG_SUFFIX"
BASE_URL=\${BASE_URL%/}
case "$BASE_URL" in
  https://*) HTTPS_ONLY=1 ;;
  http://*) HTTPS_ONLY=0 ;;
  *) die "$BASE_URL_VARIABLE must be an http(s) URL, not: $BASE_URL" ;;
esac

# --- which archive ---------------------------------------------------------------------------
UNAME_S=$(uname -s)
UNAME_M=$(uname -m)
OS=$(go_os "$UNAME_S")
ARCH=$(go_arch "$UNAME_M")
case "$OS" in
  windows) die "this is Windows ($UNAME_S): use install.ps1 from the same release" ;;
esac
# A shell under Rosetta 2 sees x86_64; prefer the native build when the release has one.
if [ "$OS" = darwin ] && [ "$ARCH" = amd64 ] && asset_name "$VERSION" darwin/arm64 >/dev/null &&
  [ "$(sysctl -n sysctl.proc_translated 2>/dev/null || true)" = 1 ]; then
  ARCH=arm64
fi
ASSET=$(asset_name "$VERSION" "$OS/$ARCH") ||
  die "no $NAME build for $OS/$ARCH (uname: $UNAME_S $UNAME_M); available: $PLATFORMS"
SUMS=$(checksums_name "$VERSION")
URL="$BASE_URL/$TAG"

# --- tools -----------------------------------------------------------------------------------
if have curl; then
  DOWNLOADER=curl
elif have wget; then
  DOWNLOADER=wget
else
  die "neither curl nor wget is installed; install one of them"
fi
if have sha256sum; then
  HASHER=sha256sum
elif have shasum; then
  HASHER=shasum
elif have openssl; then
  HASHER=openssl
else
  die "no SHA-256 tool found (looked for sha256sum, shasum, openssl): refusing to install without checking the download; install coreutils, perl or openssl"
fi
have tar || die "tar is not installed"
if [ "$VERIFY_SIGNATURE" = 1 ]; then
  have gpg || die "--verify-signature needs gpg (GnuPG), which is not installed"
  SIGNATURE=$(signature_name "$VERSION") || die "this release has no signature ($SUMS.asc) to verify"
  PUBLIC_KEY=$(public_key_name "$VERSION") || die "this release publishes no public key to verify $SUMS.asc with"
fi

# --- where -----------------------------------------------------------------------------------
if [ -z "$PREFIX" ]; then
  if [ -d /usr/local/bin ] && [ -w /usr/local/bin ]; then
    PREFIX=/usr/local/bin
  elif [ -n "\${HOME:-}" ]; then
    PREFIX="$HOME/.local/bin"
  else
    die "HOME is not set and /usr/local/bin is not writable; use --prefix DIR"
  fi
fi
PREFIX=\${PREFIX%/}
[ -n "$PREFIX" ] || PREFIX=/

if [ "$DRY_RUN" = 1 ]; then
  printf 'dry run: %s %s for %s/%s\\n' "$NAME" "$VERSION" "$OS" "$ARCH"
  printf 'would download: %s\\n' "$URL/$ASSET" "$URL/$SUMS"
  if [ "$VERIFY_SIGNATURE" = 1 ]; then
    printf 'would download: %s\\n' "$URL/$SIGNATURE" "$URL/$PUBLIC_KEY"
  fi
  printf 'would check SHA-256 with: %s\\n' "$HASHER"
  for b in $BINARIES; do
    printf 'would install: %s\\n' "$PREFIX/$b"
  done
  exit 0
fi

# --- download and check ----------------------------------------------------------------------
TMP=''
STAGED=0
cleanup() {
  if [ "$STAGED" = 1 ]; then
    for b in $BINARIES; do rm -f "$PREFIX/.$b.tmp.$$"; done
  fi
  if [ -n "$TMP" ]; then
    if [ -d "$TMP/gnupg" ] && have gpgconf; then gpgconf --homedir "$TMP/gnupg" --kill all >/dev/null 2>&1 || true; fi
    rm -rf "$TMP"
  fi
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM
TMP=$(mktemp -d 2>/dev/null || mktemp -d -t "$NAME-install") || die "could not create a temporary directory"

download() {
  say "downloading $1"
  if [ "$DOWNLOADER" = curl ]; then
    if [ "$HTTPS_ONLY" = 1 ]; then
      curl --proto '=https' --proto-redir '=https' --tlsv1.2 -fsSL --retry 3 -o "$2" "$1"
    else
      curl -fsSL --retry 3 -o "$2" "$1"
    fi
  else
    wget -q -O "$2" "$1"
  fi
}

[ "$HTTPS_ONLY" = 1 ] || warn "downloading over plain http from $BASE_URL"
download "$URL/$ASSET" "$TMP/$ASSET" ||
  die "could not download $URL/$ASSET (is there a release $TAG with a $OS/$ARCH build?)"
download "$URL/$SUMS" "$TMP/$SUMS" ||
  die "could not download $URL/$SUMS: refusing to install without checksums"

if [ "$VERIFY_SIGNATURE" = 1 ]; then
  download "$URL/$SIGNATURE" "$TMP/$SIGNATURE" || die "could not download $URL/$SIGNATURE"
  download "$URL/$PUBLIC_KEY" "$TMP/$PUBLIC_KEY" || die "could not download $URL/$PUBLIC_KEY"
  # A throwaway keyring holding only the release's key; the user's own keyring is never touched.
  mkdir -m 700 "$TMP/gnupg"
  : >"$TMP/gnupg/common.conf"
  gpg --batch --no-tty --homedir "$TMP/gnupg" --import "$TMP/$PUBLIC_KEY" >"$TMP/gpg.log" 2>&1 ||
    die "could not import $PUBLIC_KEY: $(cat "$TMP/gpg.log")"
  if ! gpg --batch --no-tty --homedir "$TMP/gnupg" --status-fd 1 --verify "$TMP/$SIGNATURE" "$TMP/$SUMS" >"$TMP/gpg.status" 2>"$TMP/gpg.log"; then
    die "BAD or unusable signature: $SIGNATURE does not verify $SUMS with $PUBLIC_KEY: refusing to install. gpg said: $(cat "$TMP/gpg.log")"
  fi
  SIGNER=''
  PINNED=0
  while IFS= read -r line; do
    case "$line" in
      '[GNUPG:] VALIDSIG '*)
        set -f
        # shellcheck disable=SC2086 # split the status line into its fields
        set -- $line
        set +f
        SIGNER=$3
        case " $line " in *" $KEY_FINGERPRINT "*) PINNED=1 ;; esac
        ;;
    esac
  done <"$TMP/gpg.status"
  [ -n "$SIGNER" ] || die "gpg reported no valid signature on $SUMS: refusing to install"
  if [ -n "$KEY_FINGERPRINT" ] && [ "$PINNED" != 1 ]; then
    die "$SUMS is signed by key $SIGNER, not by $KEY_FINGERPRINT: refusing to install"
  fi
  if [ -n "$KEY_FINGERPRINT" ]; then
    say "good signature on $SUMS from key $KEY_FINGERPRINT"
  else
    say "good signature on $SUMS from key $SIGNER (the key came with the release; compare its fingerprint with one you trust)"
  fi
elif have gpg && signature_name "$VERSION" >/dev/null; then
  say "note: run with --verify-signature to also check the OpenPGP signature of $SUMS"
fi

# The checksum line for the asset: "<64 hex>  <name>" (or " *<name>", sha256sum's binary mode).
EXPECTED=''
while IFS= read -r line || [ -n "$line" ]; do
  line=\${line%"$CR"}
  hash=\${line%% *}
  case "\${line#"$hash"}" in
    "  $ASSET" | " *$ASSET") ;;
    *) continue ;;
  esac
  case "$hash" in
    *[!0-9A-Fa-f]*) continue ;;
  esac
  [ "\${#hash}" -eq 64 ] || continue
  case "$hash" in
    *[A-F]*) hash=$(printf '%s' "$hash" | tr 'A-F' 'a-f') ;;
  esac
  if [ -n "$EXPECTED" ] && [ "$EXPECTED" != "$hash" ]; then
    die "$SUMS lists $ASSET twice with different checksums: refusing to install"
  fi
  EXPECTED=$hash
done <"$TMP/$SUMS"
[ -n "$EXPECTED" ] || die "$SUMS has no checksum for $ASSET: refusing to install an unverified file"

case "$HASHER" in
  sha256sum) ACTUAL=$(cd "$TMP" && sha256sum "./$ASSET") ;;
  shasum) ACTUAL=$(cd "$TMP" && shasum -a 256 "./$ASSET") ;;
  *) ACTUAL=$(cd "$TMP" && openssl dgst -sha256 "./$ASSET") && ACTUAL=\${ACTUAL##* } ;;
esac || die "$HASHER could not hash $ASSET: refusing to install"
ACTUAL=\${ACTUAL%% *}
case "$ACTUAL" in
  *[A-F]*) ACTUAL=$(printf '%s' "$ACTUAL" | tr 'A-F' 'a-f') ;;
esac
if [ "$ACTUAL" != "$EXPECTED" ]; then
  die "checksum mismatch for $ASSET: expected $EXPECTED, got $ACTUAL: refusing to install (the download is corrupt or was tampered with)"
fi
say "checksum OK: $ASSET ($HASHER)"

# --- unpack and install ----------------------------------------------------------------------
mkdir "$TMP/unpacked"
tar -xzf "$TMP/$ASSET" -C "$TMP/unpacked" || die "could not unpack $ASSET"
for b in $BINARIES; do
  if [ ! -f "$TMP/unpacked/$b" ] || [ -L "$TMP/unpacked/$b" ]; then
    die "$ASSET has no file $b at its root"
  fi
done

if [ ! -d "$PREFIX" ]; then
  mkdir -p "$PREFIX" 2>/dev/null || die "cannot create $PREFIX; re-run with sudo or --prefix ~/.local/bin"
fi
if [ ! -w "$PREFIX" ]; then
  die "cannot write to $PREFIX; re-run with sudo or --prefix ~/.local/bin"
fi
# Copy next to the target, then rename: a running or half-copied binary is never seen at its name.
STAGED=1
for b in $BINARIES; do
  cp "$TMP/unpacked/$b" "$PREFIX/.$b.tmp.$$" || die "could not write $PREFIX/.$b.tmp.$$; re-run with sudo or --prefix ~/.local/bin"
  chmod 0755 "$PREFIX/.$b.tmp.$$"
done
for b in $BINARIES; do
  mv -f "$PREFIX/.$b.tmp.$$" "$PREFIX/$b" || die "could not move $b into $PREFIX"
  say "installed $PREFIX/$b"
done
STAGED=0

case ":\${PATH:-}:" in
  *":$PREFIX:"*) ;;
  *) warn "$PREFIX is not on your PATH; add it, e.g.: export PATH=\\"$PREFIX:\\$PATH\\"" ;;
esac
for b in $BINARIES; do
  found=$(command -v "$b" 2>/dev/null || true)
  if [ -n "$found" ] && [ "$found" != "$PREFIX/$b" ]; then
    warn "$found comes before $PREFIX/$b on your PATH"
  fi
done
say "$NAME $VERSION is installed in $PREFIX"
`;
