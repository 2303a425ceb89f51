import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{a as _}from"./chunk-DUTYZMLL.js";import{i as g,j as P}from"./chunk-OYQUZ3GF.js";import{a as N}from"./chunk-NOSJUC3V.js";import{a as r}from"./chunk-6JHUWM2L.js";import{mkdir as te,writeFile as ne}from"node:fs/promises";import{join as ie}from"node:path";import{createHash as se}from"node:crypto";var F={Linux:"linux",Darwin:"darwin"},O=[{patterns:["x86_64","amd64"],arch:"amd64"},{patterns:["aarch64","arm64"],arch:"arm64"},{patterns:["armv6*","armv7*","armv8l"],arch:"arm"},{patterns:["i386","i486","i586","i686","x86"],arch:"386"}],L={AMD64:"amd64",X64:"amd64",ARM64:"arm64",X86:"386",ARM:"arm"};function K(e){return e==="windows"?".zip":".tar.gz"}r(K,"archiveExtension");function x(e,t,n,s){return`${e}_${t}_${n}_${s}${K(n)}`}r(x,"assetName");var X=r(e=>g.includes(e),"isOs"),W=r(e=>P.includes(e),"isArch");function f(e,t,n){if(!X(t)||!W(n)||!e.platforms.some(i=>i.os===t&&i.arch===n))return;let s=x(e.name,e.version,t,n);return e.assets.includes(s)?s:void 0}r(f,"selectAsset");function E(e,t=g){let n=[];for(let s of g)if(t.includes(s))for(let i of P){let o=f(e,s,i);o&&n.push({os:s,arch:i,asset:o})}return n}r(E,"installablePlatforms");var R=/^[A-Za-z0-9][A-Za-z0-9._+-]*$/,Y=/^[0-9A-Za-z][0-9A-Za-z.+~-]*$/,j=/^[A-Za-z0-9][A-Za-z0-9._+/-]*$/,J=/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;function l(e,t,n){return new N(t,{location:{file:"install script input",field:e},fix:n})}r(l,"bad");function M(e){let t=e.toUpperCase().replace(/[^A-Z0-9]/g,"_");return`${/^[0-9]/.test(t)?"_":""}${t}_INSTALL_BASE_URL`}r(M,"baseUrlVariable");function A(e,t,n){if(!R.test(t))throw l(e,`asset name "${t}" has characters an install script cannot download safely`,'use letters, digits, ".", "_", "+" and "-" only');if(!n.includes(t))throw l(e,`the release has no asset "${t}"`,`upload ${t} with the release, or leave it out`)}r(A,"checkAssetName");function p(e,t){let{name:n,version:s,tag:i}=e;if(!R.test(n))throw l("name",`package name "${n}" cannot be used in an install script`,'use letters, digits, ".", "_", "+" and "-", starting with a letter or digit');if(!Y.test(s)||/^v[0-9]/.test(s))throw l("version",`version "${s}" is not a plain version`,'give the version without a leading "v", e.g. 1.2.3');if(!j.test(i)||i.split("/").some(h=>h===""||h==="."||h===".."))throw l("tag",`tag "${i}" cannot be used in a download URL`,"use a tag such as v1.2.3");let o=i.lastIndexOf(s);if(o<0)throw l("tag",`tag "${i}" does not contain the version ${s}`,"name release tags after the version (v1.2.3), so the script can install other versions");if(!J.test(e.repo))throw l("repo",`repository "${e.repo}" is not owner/name`,"pass GITHUB_REPOSITORY, e.g. octo-org/servin");let a;try{a=new URL(e.serverUrl)}catch{throw l("serverUrl",`server URL "${e.serverUrl}" is not a URL`,"pass GITHUB_SERVER_URL, e.g. https://github.com")}if(!["https:","http:"].includes(a.protocol)||a.search||a.hash||a.username||a.password)throw l("serverUrl",`server URL "${e.serverUrl}" must be a plain http(s) URL`,"pass GITHUB_SERVER_URL, e.g. https://github.com");let u=e.binaries;if(u.length===0)throw l("binaries","no executables to install","list the executables inside each archive");for(let h of u)if(!R.test(h))throw l("binaries",`executable name "${h}" must be a plain file name`,'name files at the archive root: letters, digits, ".", "_", "+", "-"');if(new Set(u).size!==u.length)throw l("binaries","an executable is listed twice","list each executable once");let d=e.checksumsAsset??"SHA256SUMS";A("checksumsAsset",d,e.assets);let B=e.assets.includes(`${d}.asc`)?`${d}.asc`:void 0;e.publicKeyAsset!==void 0&&A("publicKeyAsset",e.publicKeyAsset,e.assets);let m;if(e.publicKeyFingerprint!==void 0&&(m=e.publicKeyFingerprint.replace(/\s+/g,"").toUpperCase(),!/^([0-9A-F]{40}|[0-9A-F]{64})$/.test(m)))throw l("publicKeyFingerprint",`"${e.publicKeyFingerprint}" is not an OpenPGP fingerprint`,"give the 40 hex digits gpg --fingerprint prints");let S=E(e,t);if(S.length===0)throw l("platforms",`the release has no archive for ${t.join(" or ")} among its assets`,`upload e.g. ${n}_${s}_${t[0]}_amd64${t[0]==="windows"?".zip":".tar.gz"}, or do not publish this install script`);for(let h of S)A("assets",h.asset,e.assets);return{name:n,version:s,tag:i,tagPrefix:i.slice(0,o),tagSuffix:i.slice(o+s.length),downloadRoot:`${a.href.replace(/\/+$/,"")}/${e.repo}/releases/download`,baseUrlVariable:M(n),repo:e.repo,binaries:u,platforms:S,checksums:d,signature:B,publicKey:e.publicKeyAsset,publicKeyFingerprint:m}}r(p,"prepare");function c(e){return`'${e.replace(/['$`]/g,t=>`'\\${t}'`)}'`}r(c,"shQuote");function $(e){return`'${e.replace(/['\u2018\u2019\u201A\u201B]/g,t=>t+t)}'`}r($,"psQuote");function y(e,t,n='"$1"'){return e.split(t).map(s=>s===""?"":c(s)).join(n)||"''"}r(y,"shVersioned");function T(e,t,n="$V"){return e.split(t).map((s,i,o)=>[...i>0?[n]:[],...s===""&&o.length>1?[]:[$(s)]]).flat().join(" + ")}r(T,"psVersioned");var G=`PROG="$NAME installer"
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
`;var z=["linux","darwin"];function w(e,t,n){return t===void 0?`${e}() { return 1; }`:`${e}() { printf '%s\\n' ${y(t,n)}; }`}r(w,"nameFunction");function I(e){return e.map(([t,n])=>`    ${t}) ${n} ;;`).join(`
`)}r(I,"caseArms");function Z(e){let t=Object.entries(F).map(([i,o])=>[i,`echo ${o}`]),n=O.map(({patterns:i,arch:o})=>[i.join(" | "),`echo ${o}`]),s=e.platforms.map(i=>[`${i.os}/${i.arch}`,`printf '%s\\n' ${y(i.asset,e.version)}`]);return`NAME=${c(e.name)}
RELEASE_VERSION=${c(e.version)}
TAG_PREFIX=${c(e.tagPrefix)}
TAG_SUFFIX=${c(e.tagSuffix)}
DEFAULT_BASE_URL=${c(e.downloadRoot)}
BASE_URL_VARIABLE=${c(e.baseUrlVariable)}
BASE_URL=\${${e.baseUrlVariable}:-$DEFAULT_BASE_URL}
BINARIES=${c(e.binaries.join(" "))}
PLATFORMS=${c(e.platforms.map(i=>`${i.os}/${i.arch}`).join(" "))}
KEY_FINGERPRINT=${c(e.publicKeyFingerprint??"")}

# uname -s / uname -m to the Go names in the archive names.
go_os() {
  case "$1" in
${I([...t,["MINGW* | MSYS* | CYGWIN* | Windows_NT","echo windows"],["*",'echo "$1"']])}
  esac
}
go_arch() {
  case "$1" in
${I([...n,["*",'echo "$1"']])}
  esac
}

# The release's files for version $1 (the version is part of the archive names).
asset_name() {
  case "$2" in
${I([...s,["*","return 1"]])}
  esac
}
${w("checksums_name",e.checksums,e.version)}
${w("signature_name",e.signature,e.version)}
${w("public_key_name",e.publicKey,e.version)}
`}r(Z,"shData");function b(e){let t=p(e,z);return`#!/bin/sh
# Installs ${t.name} from the GitHub release ${t.tag} of ${t.repo} (or another release with --version),
# refusing anything whose SHA-256 does not match the release's ${t.checksums}.
# Generated by package-actions. Usage: sh install.sh --help
set -eu

${Z(t)}
${G}`}r(b,"renderInstallSh");var k=`Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'
# Invoke-WebRequest in Windows PowerShell 5.1 is many times slower while it draws progress.
$ProgressPreference = 'SilentlyContinue'

function Fail([string]$Message) {
    throw ('{0} installer: error: {1}' -f $Name, $Message)
}

function Get-Architecture {
    $seen = @()
    try {
        $seen += [System.Runtime.InteropServices.RuntimeInformation]::OSArchitecture.ToString()
    } catch {
        # Windows PowerShell on an older .NET Framework: fall back to the environment.
    }
    foreach ($variable in @('PROCESSOR_ARCHITEW6432', 'PROCESSOR_ARCHITECTURE')) {
        $value = [Environment]::GetEnvironmentVariable($variable)
        if ($value) { $seen += $value }
    }
    foreach ($value in $seen) {
        $arch = ConvertTo-GoArch $value
        if ($arch) { return $arch }
    }
    if ($seen.Count -gt 0) { return $seen[0].ToLowerInvariant() }
    return 'unknown'
}

function Get-Download([string]$From, [string]$To) {
    Write-Host ('downloading ' + $From)
    try {
        Invoke-WebRequest -Uri $From -OutFile $To -UseBasicParsing
    } catch {
        Fail ('could not download {0}: {1}' -f $From, $_.Exception.Message)
    }
}

function Get-Sha256([string]$Path) {
    if (Get-Command Get-FileHash -ErrorAction SilentlyContinue) {
        return (Get-FileHash -LiteralPath $Path -Algorithm SHA256).Hash.ToLowerInvariant()
    }
    $sha = [System.Security.Cryptography.SHA256]::Create()
    $stream = [System.IO.File]::OpenRead($Path)
    try {
        return ([System.BitConverter]::ToString($sha.ComputeHash($stream)) -replace '-', '').ToLowerInvariant()
    } finally {
        $stream.Dispose()
        $sha.Dispose()
    }
}

# The checksum line for a file: "<64 hex>  <name>" (or " *<name>", sha256sum's binary mode).
function Get-ExpectedSha256([string]$SumsPath, [string]$File) {
    $expected = $null
    foreach ($line in [System.IO.File]::ReadAllLines($SumsPath)) {
        if ($line -cmatch '^([0-9A-Fa-f]{64}) [ *](.+)$' -and $Matches[2] -ceq $File) {
            $hash = $Matches[1].ToLowerInvariant()
            if ($expected -and $expected -ne $hash) {
                Fail ('{0} lists {1} twice with different checksums: refusing to install' -f $Sums, $File)
            }
            $expected = $hash
        }
    }
    return $expected
}

function Test-Signature([string]$Gpg, [string]$Dir) {
    $gnupgHome = Join-Path $Dir 'gnupg'
    $log = Join-Path $Dir 'gpg.log'
    $status = Join-Path $Dir 'gpg.status'
    # A throwaway keyring holding only the release's key; the user's own keyring is never touched.
    New-Item -ItemType Directory -Path $gnupgHome | Out-Null
    Set-Content -LiteralPath (Join-Path $gnupgHome 'common.conf') -Value ''
    & $Gpg --batch --no-tty --homedir $gnupgHome --log-file $log --import (Join-Path $Dir $PublicKey) | Out-Null
    if ($LASTEXITCODE -ne 0) {
        Fail ('could not import {0}: {1}' -f $PublicKey, (Get-Content -LiteralPath $log -Raw))
    }
    & $Gpg --batch --no-tty --homedir $gnupgHome --log-file $log --status-file $status --verify (Join-Path $Dir $Signature) (Join-Path $Dir $Sums) | Out-Null
    $verified = $LASTEXITCODE -eq 0
    $gpgconf = Get-Command gpgconf -CommandType Application -ErrorAction SilentlyContinue
    if ($gpgconf) {
        try { & $gpgconf.Source --homedir $gnupgHome --kill all | Out-Null } catch { Write-Verbose 'gpgconf --kill failed' }
    }
    if (-not $verified) {
        Fail ('BAD or unusable signature: {0} does not verify {1} with {2}: refusing to install. gpg said: {3}' -f $Signature, $Sums, $PublicKey, (Get-Content -LiteralPath $log -Raw))
    }
    $signer = $null
    $pinned = $false
    foreach ($line in [System.IO.File]::ReadAllLines($status)) {
        if ($line.StartsWith('[GNUPG:] VALIDSIG ')) {
            $fields = $line.Split(' ')
            $signer = $fields[2]
            if ($KeyFingerprint -and ($fields -contains $KeyFingerprint)) { $pinned = $true }
        }
    }
    if (-not $signer) { Fail ('gpg reported no valid signature on {0}: refusing to install' -f $Sums) }
    if ($KeyFingerprint -and -not $pinned) {
        Fail ('{0} is signed by key {1}, not by {2}: refusing to install' -f $Sums, $signer, $KeyFingerprint)
    }
    if ($KeyFingerprint) {
        Write-Host ('good signature on {0} from key {1}' -f $Sums, $KeyFingerprint)
    } else {
        Write-Host ('good signature on {0} from key {1} (the key came with the release; compare its fingerprint with one you trust)' -f $Sums, $signer)
    }
}

# Moves a staged file over the installed one. A running .exe cannot be overwritten but can be
# renamed, so the old file is moved aside first and deleted when it is no longer in use.
function Install-Staged([string]$Staged, [string]$Target) {
    $aside = $Target + '.old-' + [Guid]::NewGuid().ToString('N')
    if (Test-Path -LiteralPath $Target) { [System.IO.File]::Move($Target, $aside) }
    try {
        [System.IO.File]::Move($Staged, $Target)
    } catch {
        if (Test-Path -LiteralPath $aside) { [System.IO.File]::Move($aside, $Target) }
        throw
    }
    if (Test-Path -LiteralPath $aside) { Remove-Item -LiteralPath $aside -Force -ErrorAction SilentlyContinue }
}

# Appends a directory to the user's PATH in the registry, keeping the other entries unexpanded
# (reading Path through [Environment] would turn %USERPROFILE% entries into fixed paths).
function Add-UserPath([string]$Dir) {
    $key = 'Registry::HKEY_CURRENT_USER\\Environment'
    $current = (Get-Item -LiteralPath $key).GetValue('Path', '', 'DoNotExpandEnvironmentNames')
    $entries = @(([string]$current).Split(';') | Where-Object { $_ -ne '' })
    foreach ($entry in $entries) {
        if ($entry.TrimEnd('\\') -eq $Dir.TrimEnd('\\')) { return $false }
    }
    Set-ItemProperty -LiteralPath $key -Name 'Path' -Value ((@($entries) + $Dir) -join ';') -Type ExpandString
    # Setting a user variable through .NET broadcasts the change, so new terminals see the new Path.
    [Environment]::SetEnvironmentVariable($BaseUrlVariable + '_PATH_UPDATED', '1', 'User')
    [Environment]::SetEnvironmentVariable($BaseUrlVariable + '_PATH_UPDATED', [NullString]::Value, 'User')
    $env:Path = $env:Path.TrimEnd(';') + ';' + $Dir
    return $true
}

if ((Test-Path -LiteralPath 'variable:IsWindows') -and -not $IsWindows) {
    Fail 'this is not Windows: use install.sh from the same release'
}

# Accept 1.2.3 and v1.2.3; the tag and the file names are rebuilt around the plain version.
$Version = $Version.Trim()
if ($Version.StartsWith('v')) { $Version = $Version.Substring(1) }
if ($Version -cnotmatch '^[0-9A-Za-z][0-9A-Za-z.+~-]*$') { Fail ('not a version: ' + $Version) }
$Tag = $TagPrefix + $Version + $TagSuffix

$BaseUrl = [Environment]::GetEnvironmentVariable($BaseUrlVariable)
if (-not $BaseUrl) { $BaseUrl = $DefaultBaseUrl }
$BaseUrl = $BaseUrl.TrimEnd('/')
if ($BaseUrl -notmatch '^https?://') { Fail ('{0} must be an http(s) URL, not: {1}' -f $BaseUrlVariable, $BaseUrl) }
if ($BaseUrl -match '^http://') { Write-Warning ('downloading over plain http from ' + $BaseUrl) }
if ($PSVersionTable.PSVersion.Major -lt 6) {
    # Windows PowerShell 5.1 may default to TLS 1.0, which GitHub refuses.
    [Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12
}
$Url = $BaseUrl + '/' + $Tag

$Platform = 'windows/' + (Get-Architecture)
$Asset = Get-AssetName $Version $Platform
if (-not $Asset) { Fail ('no {0} build for {1}; available: {2}' -f $Name, $Platform, ($Platforms -join ' ')) }
$Sums = Get-ChecksumsName $Version
$Signature = Get-SignatureName $Version
$PublicKey = Get-PublicKeyName $Version
$Gpg = Get-Command gpg -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
if ($VerifySignature) {
    if (-not $Gpg) { Fail '-VerifySignature needs gpg (GnuPG, e.g. from Gpg4win), which is not installed' }
    if (-not $Signature) { Fail ('this release has no signature ({0}.asc) to verify' -f $Sums) }
    if (-not $PublicKey) { Fail ('this release publishes no public key to verify {0}.asc with' -f $Sums) }
}
if (-not $Prefix) { $Prefix = Join-Path ([Environment]::GetFolderPath('LocalApplicationData')) ('Programs\\' + $Name) }
# .NET calls below resolve relative paths against the process directory, not the PowerShell location.
$Prefix = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Prefix).TrimEnd('\\')

if ($DryRun) {
    Write-Output ('dry run: {0} {1} for {2}' -f $Name, $Version, $Platform)
    Write-Output ('would download: ' + $Url + '/' + $Asset)
    Write-Output ('would download: ' + $Url + '/' + $Sums)
    if ($VerifySignature) {
        Write-Output ('would download: ' + $Url + '/' + $Signature)
        Write-Output ('would download: ' + $Url + '/' + $PublicKey)
    }
    foreach ($b in $Binaries) { Write-Output ('would install: ' + (Join-Path $Prefix $b)) }
    if (-not $NoModifyPath) { Write-Output ('would add to the user PATH: ' + $Prefix) }
    return
}

$Tmp = Join-Path ([System.IO.Path]::GetTempPath()) ($Name + '-install-' + [Guid]::NewGuid().ToString('N'))
New-Item -ItemType Directory -Path $Tmp | Out-Null
$Staged = @()
try {
    Get-Download ($Url + '/' + $Asset) (Join-Path $Tmp $Asset)
    Get-Download ($Url + '/' + $Sums) (Join-Path $Tmp $Sums)
    if ($VerifySignature) {
        Get-Download ($Url + '/' + $Signature) (Join-Path $Tmp $Signature)
        Get-Download ($Url + '/' + $PublicKey) (Join-Path $Tmp $PublicKey)
        Test-Signature $Gpg.Source $Tmp
    } elseif ($Gpg -and $Signature) {
        Write-Host ('note: run with -VerifySignature to also check the OpenPGP signature of ' + $Sums)
    }

    $Expected = Get-ExpectedSha256 (Join-Path $Tmp $Sums) $Asset
    if (-not $Expected) { Fail ('{0} has no checksum for {1}: refusing to install an unverified file' -f $Sums, $Asset) }
    $Actual = Get-Sha256 (Join-Path $Tmp $Asset)
    if ($Actual -ne $Expected) {
        Fail ('checksum mismatch for {0}: expected {1}, got {2}: refusing to install (the download is corrupt or was tampered with)' -f $Asset, $Expected, $Actual)
    }
    Write-Host ('checksum OK: ' + $Asset)

    $Unpacked = Join-Path $Tmp 'unpacked'
    Add-Type -AssemblyName System.IO.Compression.FileSystem
    [System.IO.Compression.ZipFile]::ExtractToDirectory((Join-Path $Tmp $Asset), $Unpacked)
    foreach ($b in $Binaries) {
        if (-not (Test-Path -LiteralPath (Join-Path $Unpacked $b) -PathType Leaf)) { Fail ('{0} has no file {1} at its root' -f $Asset, $b) }
    }

    if (-not (Test-Path -LiteralPath $Prefix -PathType Container)) {
        try {
            New-Item -ItemType Directory -Force -Path $Prefix | Out-Null
        } catch {
            Fail ('cannot create {0}: {1}; choose another folder with -Prefix' -f $Prefix, $_.Exception.Message)
        }
    }
    # Copy next to the targets first, then rename: nothing is replaced until every file is in place.
    foreach ($b in $Binaries) {
        $staging = Join-Path $Prefix ('.' + $b + '.tmp')
        $Staged += $staging
        try {
            Copy-Item -LiteralPath (Join-Path $Unpacked $b) -Destination $staging -Force
        } catch {
            Fail ('cannot write to {0}: {1}; run as administrator or choose another folder with -Prefix' -f $Prefix, $_.Exception.Message)
        }
    }
    foreach ($b in $Binaries) {
        $target = Join-Path $Prefix $b
        try {
            Install-Staged (Join-Path $Prefix ('.' + $b + '.tmp')) $target
        } catch {
            Fail ('could not replace {0}: {1}' -f $target, $_.Exception.Message)
        }
        Write-Host ('installed ' + $target)
    }
    $Staged = @()
} finally {
    foreach ($s in $Staged) { Remove-Item -LiteralPath $s -Force -ErrorAction SilentlyContinue }
    Remove-Item -LiteralPath $Tmp -Recurse -Force -ErrorAction SilentlyContinue
}

if ($NoModifyPath) {
    $onPath = @($env:Path.Split(';') | Where-Object { $_.TrimEnd('\\') -eq $Prefix })
    if ($onPath.Count -eq 0) { Write-Warning ($Prefix + ' is not on your PATH; add it, or re-run without -NoModifyPath') }
} elseif (Add-UserPath $Prefix) {
    Write-Host ('added {0} to your user PATH; open a new terminal to use {1}' -f $Prefix, $Name)
}
Write-Host ('{0} {1} is installed in {2}' -f $Name, $Version, $Prefix)
`;var q=["windows"],H=r(e=>/\.exe$/i.test(e)?e:`${e}.exe`,"exe"),C=r(e=>`@(${e.map($).join(", ")})`,"list");function v(e,t,n){return`function ${e}([string]$V) { return ${t===void 0?"$null":`(${T(t,n)})`} }`}r(v,"nameFunction");function V(e,t,n){return`function ${e}([string]$${t}) {
    switch ($${t}) {
${n.map(([s,i])=>`        ${$(s)} { return (${i}) }`).join(`
`)}
    }
    return $null
}`}r(V,"switchFunction");function Q(e){return`$Name = ${$(e.name)}
$TagPrefix = ${$(e.tagPrefix)}
$TagSuffix = ${$(e.tagSuffix)}
$DefaultBaseUrl = ${$(e.downloadRoot)}
$BaseUrlVariable = ${$(e.baseUrlVariable)}
$Binaries = ${C(e.binaries.map(H))}
$Platforms = ${C(e.platforms.map(t=>`${t.os}/${t.arch}`))}
$KeyFingerprint = ${$(e.publicKeyFingerprint??"")}

# RuntimeInformation.OSArchitecture / PROCESSOR_ARCHITECTURE to the Go names in the archive names
# (switch compares case-insensitively).
${V("ConvertTo-GoArch","Value",Object.entries(L).map(([t,n])=>[t,$(n)]))}

# The release's files for version $V (the version is part of the archive names).
${V("Get-AssetName","Platform",e.platforms.map(t=>[`${t.os}/${t.arch}`,T(t.asset,e.version)])).replace("([string]$Platform)","([string]$V, [string]$Platform)")}
${v("Get-ChecksumsName",e.checksums,e.version)}
${v("Get-SignatureName",e.signature,e.version)}
${v("Get-PublicKeyName",e.publicKey,e.version)}
`}r(Q,"ps1Data");function ee(e){let t=`${e.downloadRoot}/${e.tag}/install.ps1`;return`<#
.SYNOPSIS
    Installs ${e.name} from the GitHub release ${e.tag} of ${e.repo}, refusing any download whose
    SHA-256 does not match the release's ${e.checksums}.
.DESCRIPTION
    Generated by package-actions. Downloads the zip for this machine (${e.platforms.map(n=>`${n.os}/${n.arch}`).join(", ")}),
    checks it against ${e.checksums} (with -VerifySignature also the OpenPGP signature, using gpg),
    installs ${e.binaries.map(H).join(", ")} into %LOCALAPPDATA%\\Programs\\${e.name} (or -Prefix) and adds
    that folder to the user PATH unless -NoModifyPath is given. Never needs administrator rights
    unless -Prefix points somewhere that does.
    Set the environment variable ${e.baseUrlVariable} to download from a mirror laid out
    like the release (<url>/<tag>/<file>).
.PARAMETER Version
    Release to install instead of ${e.version}; 1.2.3 and v1.2.3 both work.
.PARAMETER Prefix
    Folder to install into (default: %LOCALAPPDATA%\\Programs\\${e.name}).
.PARAMETER DryRun
    Print what would be downloaded and installed, change nothing.
.PARAMETER VerifySignature
    Also verify the OpenPGP signature of ${e.checksums} with gpg (fails when gpg is missing).
.PARAMETER NoModifyPath
    Do not add the install folder to the user PATH.
.EXAMPLE
    powershell -ExecutionPolicy Bypass -File install.ps1 -Version ${e.version}
.EXAMPLE
    & ([scriptblock]::Create((Invoke-RestMethod '${t}'))) -DryRun
#>`}r(ee,"help");function U(e){let t=p(e,q);return`${ee(t)}
[CmdletBinding()]
param(
    [string]$Version = ${$(t.version)},
    [string]$Prefix = '',
    [switch]$DryRun,
    [switch]$VerifySignature,
    [switch]$NoModifyPath
)

${Q(t)}
${k}`}r(U,"renderInstallPs1");async function D(e,t,n){await te(e,{recursive:!0});let s=ie(e,t),i=Buffer.from(n,"utf8");return await ne(s,i),{path:s,name:t,size:i.length,sha256:se("sha256").update(i).digest("hex"),renamed:!1}}r(D,"generatedAsset");async function ke(e,t){let n={name:t.config.name,version:t.version,tag:t.tag,repo:t.repo,serverUrl:t.serverUrl,platforms:t.config.platforms,assets:[...new Set([...t.assetNames,t.checksumsName,...t.signer?[`${t.checksumsName}.asc`,t.publicKeyName??""]:[]])].filter(Boolean),binaries:_(t.config),checksumsAsset:t.checksumsName,publicKeyAsset:t.signer?t.publicKeyName:void 0,publicKeyFingerprint:t.signer?.primaryFingerprint},s=[],i=t.config.platforms.some(a=>a.os!=="windows"&&f(n,a.os,a.arch)),o=t.config.platforms.some(a=>a.os==="windows"&&f(n,a.os,a.arch));return i&&s.push(await D(e,"install.sh",b(n))),o&&s.push(await D(e,"install.ps1",U(n))),s}r(ke,"installScripts");export{D as a,ke as b};
//# sourceMappingURL=chunk-6ICJIUXB.js.map
