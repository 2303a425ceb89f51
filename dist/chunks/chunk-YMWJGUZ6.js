import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{b as se,c as ie,d as ne,e as ae}from"./chunk-3MU7OOQZ.js";import{a as ue}from"./chunk-DUTYZMLL.js";import{a as oe,b as le,c as v,e as ce,f as D}from"./chunk-KUB5LXT4.js";import{f as F,g as H,h as ee,i as te}from"./chunk-TMUFYHN2.js";import{e as ke,g as re}from"./chunk-L2MW37RY.js";import{a as w,d as q}from"./chunk-NOSJUC3V.js";import{a as r,d as _e}from"./chunk-6JHUWM2L.js";import{existsSync as ot}from"node:fs";import{readFile as lt}from"node:fs/promises";import{resolve as M}from"node:path";async function de(t,e,s,n){let i;try{i=await t.octokit.rest.repos.get({owner:e,repo:s})}catch(h){throw v(h,`read ${e}/${s}`,n==="write"?"contents: write":"contents: read")}let a=i.headers["x-oauth-scopes"],o=typeof a=="string"?a.split(",").map(h=>h.trim()).filter(Boolean):void 0,u=i.data.permissions?.push,c={canPush:u,scopes:o,defaultBranch:i.data.default_branch,private:i.data.private};if(n==="write"){if(o&&!o.includes("repo")&&!(o.includes("public_repo")&&!i.data.private))throw new w(`the token cannot write to ${e}/${s}: its scopes are ${o.join(", ")||"(none)"}`,{fix:i.data.private?"a classic token needs the repo scope":"a classic token needs the public_repo (or repo) scope"});if(u===!1)throw new w(`the token can read ${e}/${s} but not write to it (contents: write is missing)`,{fix:"add `permissions: contents: write` to the job for GITHUB_TOKEN, or grant Contents: Read and write to the fine-grained token"})}return c}r(de,"preflightRepo");var k=_e(ke(),1);import{tmpdir as Ye}from"node:os";import{join as Je}from"node:path";import{mkdtemp as Ze}from"node:fs/promises";import{mkdir as Ke,writeFile as je}from"node:fs/promises";import{join as We}from"node:path";import{createHash as Xe}from"node:crypto";var fe={Linux:"linux",Darwin:"darwin"},he=[{patterns:["x86_64","amd64"],arch:"amd64"},{patterns:["aarch64","arm64"],arch:"arm64"},{patterns:["armv6*","armv7*","armv8l"],arch:"arm"},{patterns:["i386","i486","i586","i686","x86"],arch:"386"}],pe={AMD64:"amd64",X64:"amd64",ARM64:"arm64",X86:"386",ARM:"arm"};function xe(t){return t==="windows"?".zip":".tar.gz"}r(xe,"archiveExtension");function me(t,e,s,n){return`${t}_${e}_${s}_${n}${xe(s)}`}r(me,"assetName");var Fe=r(t=>F.includes(t),"isOs"),Oe=r(t=>H.includes(t),"isArch");function U(t,e,s){if(!Fe(e)||!Oe(s)||!t.platforms.some(i=>i.os===e&&i.arch===s))return;let n=me(t.name,t.version,e,s);return t.assets.includes(n)?n:void 0}r(U,"selectAsset");function V(t,e=F){let s=[];for(let n of F)if(e.includes(n))for(let i of H){let a=U(t,n,i);a&&s.push({os:n,arch:i,asset:a})}return s}r(V,"installablePlatforms");var K=/^[A-Za-z0-9][A-Za-z0-9._+-]*$/,Le=/^[0-9A-Za-z][0-9A-Za-z.+~-]*$/,Ge=/^[A-Za-z0-9][A-Za-z0-9._+/-]*$/,Me=/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;function g(t,e,s){return new w(e,{location:{file:"install script input",field:t},fix:s})}r(g,"bad");function ge(t){let e=t.toUpperCase().replace(/[^A-Z0-9]/g,"_");return`${/^[0-9]/.test(e)?"_":""}${e}_INSTALL_BASE_URL`}r(ge,"baseUrlVariable");function B(t,e,s){if(!K.test(e))throw g(t,`asset name "${e}" has characters an install script cannot download safely`,'use letters, digits, ".", "_", "+" and "-" only');if(!s.includes(e))throw g(t,`the release has no asset "${e}"`,`upload ${e} with the release, or leave it out`)}r(B,"checkAssetName");function O(t,e){let{name:s,version:n,tag:i}=t;if(!K.test(s))throw g("name",`package name "${s}" cannot be used in an install script`,'use letters, digits, ".", "_", "+" and "-", starting with a letter or digit');if(!Le.test(n)||/^v[0-9]/.test(n))throw g("version",`version "${n}" is not a plain version`,'give the version without a leading "v", e.g. 1.2.3');if(!Ge.test(i)||i.split("/").some(f=>f===""||f==="."||f===".."))throw g("tag",`tag "${i}" cannot be used in a download URL`,"use a tag such as v1.2.3");let a=i.lastIndexOf(n);if(a<0)throw g("tag",`tag "${i}" does not contain the version ${n}`,"name release tags after the version (v1.2.3), so the script can install other versions");if(!Me.test(t.repo))throw g("repo",`repository "${t.repo}" is not owner/name`,"pass GITHUB_REPOSITORY, e.g. octo-org/servin");let o;try{o=new URL(t.serverUrl)}catch{throw g("serverUrl",`server URL "${t.serverUrl}" is not a URL`,"pass GITHUB_SERVER_URL, e.g. https://github.com")}if(!["https:","http:"].includes(o.protocol)||o.search||o.hash||o.username||o.password)throw g("serverUrl",`server URL "${t.serverUrl}" must be a plain http(s) URL`,"pass GITHUB_SERVER_URL, e.g. https://github.com");let u=t.binaries;if(u.length===0)throw g("binaries","no executables to install","list the executables inside each archive");for(let f of u)if(!K.test(f))throw g("binaries",`executable name "${f}" must be a plain file name`,'name files at the archive root: letters, digits, ".", "_", "+", "-"');if(new Set(u).size!==u.length)throw g("binaries","an executable is listed twice","list each executable once");let c=t.checksumsAsset??"SHA256SUMS";B("checksumsAsset",c,t.assets);let h=t.assets.includes(`${c}.asc`)?`${c}.asc`:void 0;t.publicKeyAsset!==void 0&&B("publicKeyAsset",t.publicKeyAsset,t.assets);let m;if(t.publicKeyFingerprint!==void 0&&(m=t.publicKeyFingerprint.replace(/\s+/g,"").toUpperCase(),!/^([0-9A-F]{40}|[0-9A-F]{64})$/.test(m)))throw g("publicKeyFingerprint",`"${t.publicKeyFingerprint}" is not an OpenPGP fingerprint`,"give the 40 hex digits gpg --fingerprint prints");let d=V(t,e);if(d.length===0)throw g("platforms",`the release has no archive for ${e.join(" or ")} among its assets`,`upload e.g. ${s}_${n}_${e[0]}_amd64${e[0]==="windows"?".zip":".tar.gz"}, or do not publish this install script`);for(let f of d)B("assets",f.asset,t.assets);return{name:s,version:n,tag:i,tagPrefix:i.slice(0,a),tagSuffix:i.slice(a+n.length),downloadRoot:`${o.href.replace(/\/+$/,"")}/${t.repo}/releases/download`,baseUrlVariable:ge(s),repo:t.repo,binaries:u,platforms:d,checksums:c,signature:h,publicKey:t.publicKeyAsset,publicKeyFingerprint:m}}r(O,"prepare");function P(t){return`'${t.replace(/['$`]/g,e=>`'\\${e}'`)}'`}r(P,"shQuote");function A(t){return`'${t.replace(/['\u2018\u2019\u201A\u201B]/g,e=>e+e)}'`}r(A,"psQuote");function j(t,e,s='"$1"'){return t.split(e).map(n=>n===""?"":P(n)).join(s)||"''"}r(j,"shVersioned");function W(t,e,s="$V"){return t.split(e).map((n,i,a)=>[...i>0?[s]:[],...n===""&&a.length>1?[]:[A(n)]]).flat().join(" + ")}r(W,"psVersioned");var $e=`PROG="$NAME installer"
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
`;var Ce=["linux","darwin"];function X(t,e,s){return e===void 0?`${t}() { return 1; }`:`${t}() { printf '%s\\n' ${j(e,s)}; }`}r(X,"nameFunction");function z(t){return t.map(([e,s])=>`    ${e}) ${s} ;;`).join(`
`)}r(z,"caseArms");function He(t){let e=Object.entries(fe).map(([i,a])=>[i,`echo ${a}`]),s=he.map(({patterns:i,arch:a})=>[i.join(" | "),`echo ${a}`]),n=t.platforms.map(i=>[`${i.os}/${i.arch}`,`printf '%s\\n' ${j(i.asset,t.version)}`]);return`NAME=${P(t.name)}
RELEASE_VERSION=${P(t.version)}
TAG_PREFIX=${P(t.tagPrefix)}
TAG_SUFFIX=${P(t.tagSuffix)}
DEFAULT_BASE_URL=${P(t.downloadRoot)}
BASE_URL_VARIABLE=${P(t.baseUrlVariable)}
BASE_URL=\${${t.baseUrlVariable}:-$DEFAULT_BASE_URL}
BINARIES=${P(t.binaries.join(" "))}
PLATFORMS=${P(t.platforms.map(i=>`${i.os}/${i.arch}`).join(" "))}
KEY_FINGERPRINT=${P(t.publicKeyFingerprint??"")}

# uname -s / uname -m to the Go names in the archive names.
go_os() {
  case "$1" in
${z([...e,["MINGW* | MSYS* | CYGWIN* | Windows_NT","echo windows"],["*",'echo "$1"']])}
  esac
}
go_arch() {
  case "$1" in
${z([...s,["*",'echo "$1"']])}
  esac
}

# The release's files for version $1 (the version is part of the archive names).
asset_name() {
  case "$2" in
${z([...n,["*","return 1"]])}
  esac
}
${X("checksums_name",t.checksums,t.version)}
${X("signature_name",t.signature,t.version)}
${X("public_key_name",t.publicKey,t.version)}
`}r(He,"shData");function Y(t){let e=O(t,Ce);return`#!/bin/sh
# Installs ${e.name} from the GitHub release ${e.tag} of ${e.repo} (or another release with --version),
# refusing anything whose SHA-256 does not match the release's ${e.checksums}.
# Generated by package-actions. Usage: sh install.sh --help
set -eu

${He(e)}
${$e}`}r(Y,"renderInstallSh");var Se=`Set-StrictMode -Version 2.0
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
`;var De=["windows"],Re=r(t=>/\.exe$/i.test(t)?t:`${t}.exe`,"exe"),we=r(t=>`@(${t.map(A).join(", ")})`,"list");function J(t,e,s){return`function ${t}([string]$V) { return ${e===void 0?"$null":`(${W(e,s)})`} }`}r(J,"nameFunction");function Ae(t,e,s){return`function ${t}([string]$${e}) {
    switch ($${e}) {
${s.map(([n,i])=>`        ${A(n)} { return (${i}) }`).join(`
`)}
    }
    return $null
}`}r(Ae,"switchFunction");function Ve(t){return`$Name = ${A(t.name)}
$TagPrefix = ${A(t.tagPrefix)}
$TagSuffix = ${A(t.tagSuffix)}
$DefaultBaseUrl = ${A(t.downloadRoot)}
$BaseUrlVariable = ${A(t.baseUrlVariable)}
$Binaries = ${we(t.binaries.map(Re))}
$Platforms = ${we(t.platforms.map(e=>`${e.os}/${e.arch}`))}
$KeyFingerprint = ${A(t.publicKeyFingerprint??"")}

# RuntimeInformation.OSArchitecture / PROCESSOR_ARCHITECTURE to the Go names in the archive names
# (switch compares case-insensitively).
${Ae("ConvertTo-GoArch","Value",Object.entries(pe).map(([e,s])=>[e,A(s)]))}

# The release's files for version $V (the version is part of the archive names).
${Ae("Get-AssetName","Platform",t.platforms.map(e=>[`${e.os}/${e.arch}`,W(e.asset,t.version)])).replace("([string]$Platform)","([string]$V, [string]$Platform)")}
${J("Get-ChecksumsName",t.checksums,t.version)}
${J("Get-SignatureName",t.signature,t.version)}
${J("Get-PublicKeyName",t.publicKey,t.version)}
`}r(Ve,"ps1Data");function Be(t){let e=`${t.downloadRoot}/${t.tag}/install.ps1`;return`<#
.SYNOPSIS
    Installs ${t.name} from the GitHub release ${t.tag} of ${t.repo}, refusing any download whose
    SHA-256 does not match the release's ${t.checksums}.
.DESCRIPTION
    Generated by package-actions. Downloads the zip for this machine (${t.platforms.map(s=>`${s.os}/${s.arch}`).join(", ")}),
    checks it against ${t.checksums} (with -VerifySignature also the OpenPGP signature, using gpg),
    installs ${t.binaries.map(Re).join(", ")} into %LOCALAPPDATA%\\Programs\\${t.name} (or -Prefix) and adds
    that folder to the user PATH unless -NoModifyPath is given. Never needs administrator rights
    unless -Prefix points somewhere that does.
    Set the environment variable ${t.baseUrlVariable} to download from a mirror laid out
    like the release (<url>/<tag>/<file>).
.PARAMETER Version
    Release to install instead of ${t.version}; 1.2.3 and v1.2.3 both work.
.PARAMETER Prefix
    Folder to install into (default: %LOCALAPPDATA%\\Programs\\${t.name}).
.PARAMETER DryRun
    Print what would be downloaded and installed, change nothing.
.PARAMETER VerifySignature
    Also verify the OpenPGP signature of ${t.checksums} with gpg (fails when gpg is missing).
.PARAMETER NoModifyPath
    Do not add the install folder to the user PATH.
.EXAMPLE
    powershell -ExecutionPolicy Bypass -File install.ps1 -Version ${t.version}
.EXAMPLE
    & ([scriptblock]::Create((Invoke-RestMethod '${e}'))) -DryRun
#>`}r(Be,"help");function Z(t){let e=O(t,De);return`${Be(e)}
[CmdletBinding()]
param(
    [string]$Version = ${A(e.version)},
    [string]$Prefix = '',
    [switch]$DryRun,
    [switch]$VerifySignature,
    [switch]$NoModifyPath
)

${Ve(e)}
${Se}`}r(Z,"renderInstallPs1");async function T(t,e,s){await Ke(t,{recursive:!0});let n=We(t,e),i=Buffer.from(s,"utf8");return await je(n,i),{path:n,name:e,size:i.length,sha256:Xe("sha256").update(i).digest("hex"),renamed:!1}}r(T,"generatedAsset");async function ye(t,e){let s={name:e.config.name,version:e.version,tag:e.tag,repo:e.repo,serverUrl:e.serverUrl,platforms:e.config.platforms,assets:[...new Set([...e.assetNames,e.checksumsName,...e.signer?[`${e.checksumsName}.asc`,e.publicKeyName??""]:[]])].filter(Boolean),binaries:ue(e.config),checksumsAsset:e.checksumsName,publicKeyAsset:e.signer?e.publicKeyName:void 0,publicKeyFingerprint:e.signer?.primaryFingerprint},n=[],i=e.config.platforms.some(o=>o.os!=="windows"&&U(s,o.os,o.arch)),a=e.config.platforms.some(o=>o.os==="windows"&&U(s,o.os,o.arch));return i&&n.push(await T(t,"install.sh",Y(s))),a&&n.push(await T(t,"install.ps1",Z(s))),n}r(ye,"installScripts");async function N(t,e,s){if(e.digest?.startsWith("sha256:"))return e.digest.slice(7);let n=s?.get(e.name);return n||t.downloadSha256(e)}r(N,"remoteSha256");async function _(t,e,s){let n=[];for(let i of s){let a=e.find(u=>u.name===i.name);if(!a||a.state!=="uploaded"){n.push({local:i,status:"upload",existing:a});continue}let o=a.size===i.size&&await N(t,a)===i.sha256;n.push({local:i,status:o?"unchanged":"replace",existing:a})}return n}r(_,"planAssets");function Pe(t,e){if(t.draft||!t.immutable)return;let s=e.filter(i=>i.status!=="unchanged");if(s.length===0)return;let n=s.map(i=>`${i.local.name} (${i.status==="replace"?"different bytes than the published one":"not in the release"})`).join(", ");throw new w(`release ${t.tag} is published and immutable, so its assets cannot change: ${n}`,{fix:"publish a new version, or rebuild byte-identical files (set SOURCE_DATE_EPOCH to the original build time)"})}r(Pe,"refuseImmutableChanges");async function L(t,e,s,n){let i=[];for(let a of s){if(a.status==="unchanged"){i.push({...a,outcome:"unchanged",remote:a.existing});continue}try{a.existing&&await t.deleteAsset(a.existing.id);let o=await ze(t,e,a.local);n(`${a.status==="replace"?"replaced":"uploaded"} ${a.local.name} (${a.local.size} bytes)`),i.push({...a,outcome:a.status==="replace"?"replaced":"uploaded",remote:o})}catch(o){i.push({...a,outcome:"failed",error:o instanceof Error?o.message:String(o)})}}return i}r(L,"applyPlans");async function ze(t,e,s){try{return await t.upload(e,s.name,s.path,s.size)}catch(n){if(n.status!==422&&!/already_exists|already exists/.test(String(n.message)))throw n;let i=(await t.assets(e.id)).find(a=>a.name===s.name);if(!i)throw n;if(i.state==="uploaded"&&await N(t,i)===s.sha256)return i;if(i.state!=="uploaded")return await t.deleteAsset(i.id),t.upload(e,s.name,s.path,s.size);throw new Error(`${s.name} was uploaded by someone else meanwhile, with different bytes`)}}r(ze,"uploadOnce");var be=5;function Qe(t,e,s){return e||!k.default.valid(t)?!1:s.map(i=>k.default.valid(i.replace(/^[^0-9]*/,""))).filter(i=>i!==null&&!k.default.prerelease(i)).every(i=>k.default.gte(t,i))}r(Qe,"shouldBeLatest");async function qe(t,e,s){let n=await t.releasesForTag(e.tag);if(n[0])return n[0];if(e.dryRun)return;let i=await t.createDraft({tag:e.tag,name:e.name,body:e.body,prerelease:e.prerelease??e.isPrerelease,target:e.target,generateNotes:e.generateNotes}),o=(await t.releasesForTag(e.tag))[0]??i;return o.id!==i.id?(s.info(`another job created release ${e.tag} at the same time; using it and removing the duplicate draft`),await t.deleteRelease(i.id)):s.info(`created draft release ${e.tag}`),o}r(qe,"releaseFor");async function Ee(t,e,s){let n=e.tempDir??await Ze(Je(Ye(),"pa-release-")),i=await s.group(`Find or create release ${e.tag}`,()=>qe(t,e,s)),a=i?await t.assets(i.id):[],o=[...e.files];if(e.signer){if(e.signFiles)for(let l of e.files)o.push(await T(n,`${l.name}.asc`,await ae(e.signer,l.path)));o.push(await T(n,e.publicKeyName,e.signer.publicKeyArmored))}let u=await _(t,a,o);if(i&&Pe(i,u),e.dryRun||!i){for(let l of u)s.info(`dry-run: would ${l.status==="unchanged"?"keep":l.status} ${l.local.name}`);return s.info(`dry-run: would ${i?"update":"create"} release ${e.tag}, write ${e.checksumsName}${e.signer?` and ${e.checksumsName}.asc`:""}${e.installScript?", install scripts":""}, and ${e.draft?"leave it a draft":"publish it"}`),{release:i,assets:u.map(l=>({name:l.local.name,url:"",size:l.local.size,sha256:l.local.sha256})),results:u.map(l=>({...l,outcome:"planned"}))}}let c=i,h=await s.group(`Upload ${u.filter(l=>l.status!=="unchanged").length} of ${u.length} assets`,()=>L(t,c,u,l=>s.info(l)));if(h.filter(l=>l.outcome==="failed").length)return{release:c,assets:[],results:h};let d=new Map(o.map(l=>[l.name,l.sha256]));if(await s.group(`Install scripts and ${e.checksumsName}`,async()=>{if(e.installScript&&e.config){let l=(await t.assets(c.id)).map(y=>y.name),$=await ye(n,{config:e.config,version:e.version,tag:e.tag,repo:e.repo,serverUrl:e.serverUrl,assetNames:l,checksumsName:e.checksumsName,signer:e.signer,publicKeyName:e.publicKeyName});$.length===0&&s.warning("no release archive matches a platform of the config (name_version_os_arch.tar.gz / .zip): install scripts skipped; attach the build-archive outputs");for(let y of $)d.set(y.name,y.sha256);let p=await L(t,c,await _(t,await t.assets(c.id),$),y=>s.info(y));h.push(...p)}else e.installScript&&s.warning("no config file: install scripts need its name and platforms; skipped");h.push(...await et(t,c,e,n,d,s))}),h.some(l=>l.outcome==="failed"))return{release:c,assets:[],results:h};if(!e.draft){let l=e.makeLatest??Qe(e.version,e.prerelease??e.isPrerelease,await t.allTags()),$=e.prerelease??e.isPrerelease;c.draft||c.prerelease!==$?(i=await s.group(`Publish ${e.tag}`,()=>t.update(c.id,{draft:!1,prerelease:$,make_latest:l?"true":"false"})),s.info(`published ${i.htmlUrl}${l?" (latest)":""}`)):s.info(`release ${e.tag} is already published; nothing to change`)}let f=await t.assets(c.id),R=[];for(let l of f)R.push({name:l.name,url:l.url,size:l.size,sha256:await N(t,l,d)});return{release:i??c,assets:R,results:h}}r(Ee,"publishRelease");async function et(t,e,s,n,i,a){let o=new Set([s.checksumsName,`${s.checksumsName}.asc`]),u=[];for(let c=1;c<=be;c++){let h=(await t.assets(e.id)).filter(p=>!o.has(p.name)&&p.state==="uploaded"),m=[];for(let p of h)m.push({name:p.name,sha256:await N(t,p,i)});let d=await T(n,s.checksumsName,D(m)),f=await t.assets(e.id),R=await _(t,f,[d]),l=[d];if(s.signer){let p=`${s.checksumsName}.asc`,y=f.some(x=>x.name===p&&x.state==="uploaded");(R[0]?.status!=="unchanged"||!y)&&l.push(await T(n,p,await s.signer.signDetachedArmored(Buffer.from(D(m)))))}if(u=await L(t,e,await _(t,f,l),p=>a.info(p)),u.some(p=>p.outcome==="failed")){if(c<be){a.info(`${s.checksumsName} changed under us (another job?); recomputing`);continue}return u}if((await t.assets(e.id)).filter(p=>!o.has(p.name)).map(p=>p.name).sort().join(`
`)===h.map(p=>p.name).sort().join(`
`))return u;a.info(`assets changed while ${s.checksumsName} was written (another job?); recomputing`)}throw new w(`the release kept changing while ${s.checksumsName} was written`,{fix:"run publish-release once more after the other jobs finish, e.g. in a final job with needs:"})}r(et,"syncChecksums");function Te(t,e){let s=new Map(e.map(n=>[n.name,n.url]));return t.map(n=>({name:n.local.name,size:n.local.size,sha256:n.local.sha256,url:s.get(n.local.name)||void 0,status:n.outcome==="failed"?`failed: ${n.error??""}`:n.outcome}))}r(Te,"summaryRows");import{createHash as at}from"node:crypto";import{createReadStream as tt}from"node:fs";import{Readable as st}from"node:stream";var it=r(t=>new Promise(e=>setTimeout(e,t)),"sleep");function nt(t,e){return`${t.replace(/\{[^}]*\}$/,"")}?name=${encodeURIComponent(e)}`}r(nt,"uploadUrlFor");async function ve(t,e,s,n,i,a={}){let o=a.attempts??4,u=a.fast?10:1e3,c;for(let h=1;h<=o;h++){let m=u*h*h;try{let d=await fetch(nt(e,s),{method:"POST",headers:{authorization:`token ${t.token}`,accept:"application/vnd.github+json","content-type":"application/octet-stream","content-length":String(i),"user-agent":"package-actions","x-github-api-version":"2022-11-28"},body:st.toWeb(tt(n)),duplex:"half"}),f=await d.text();if(d.status===201)return JSON.parse(f);let R=Number(d.headers.get("retry-after")),l=(d.status===403||d.status===429)&&(/rate limit/i.test(f)||d.headers.get("x-ratelimit-remaining")==="0"),$=Object.assign(new Error(`upload of ${s} failed: ${d.status} ${f.slice(0,300)}`),{status:d.status,response:{headers:Object.fromEntries(d.headers),data:f}});if(!l&&d.status<500)throw $;Number.isFinite(R)&&R>0&&(m=a.fast?10:R*1e3),c=$}catch(d){let f=d.status;if(f!==void 0&&f<500&&f!==403&&f!==429||f===403&&!/rate limit/i.test(String(d.message)))throw d;c=d}h<o&&(a.onRetry?.(String(c?.message??c),m),await it(m))}throw c}r(ve,"uploadReleaseAsset");var Q=r(t=>({id:t.id,tag:t.tag_name,draft:t.draft,prerelease:t.prerelease,immutable:t.immutable===!0,name:t.name,body:t.body??null,htmlUrl:t.html_url,uploadUrl:t.upload_url}),"release"),rt=r(t=>({id:t.id,name:t.name,size:t.size,state:t.state,digest:t.digest??null,url:t.browser_download_url,apiUrl:t.url}),"asset"),G=class{constructor(e,s,n,i,a){this.client=e;this.owner=s;this.repo=n;this.fast=i;this.onRetry=a}client;owner;repo;fast;onRetry;static{r(this,"ReleaseRemote")}writes=0;get rest(){return this.client.octokit.rest}async call(e,s){try{return await s()}catch(n){throw v(n,e,"contents: write")}}async releasesForTag(e){return(await this.call("list releases",()=>this.client.octokit.paginate(this.rest.repos.listReleases,{owner:this.owner,repo:this.repo,per_page:100}))).filter(n=>n.tag_name===e).map(Q).sort((n,i)=>n.id-i.id)}async allTags(){return(await this.call("list releases",()=>this.client.octokit.paginate(this.rest.repos.listReleases,{owner:this.owner,repo:this.repo,per_page:100}))).filter(s=>!s.draft).map(s=>s.tag_name)}async createDraft(e){this.writes++;let s=await this.call(`create the release ${e.tag}`,()=>this.rest.repos.createRelease({owner:this.owner,repo:this.repo,tag_name:e.tag,name:e.name,body:e.body,draft:!0,prerelease:e.prerelease,target_commitish:e.target,generate_release_notes:e.generateNotes}));return Q(s.data)}async update(e,s){this.writes++;let n=await this.call("update the release",()=>this.rest.repos.updateRelease({owner:this.owner,repo:this.repo,release_id:e,...s}));return Q(n.data)}async deleteRelease(e){this.writes++,await this.call("delete a duplicate draft release",()=>this.rest.repos.deleteRelease({owner:this.owner,repo:this.repo,release_id:e}))}async assets(e){return(await this.call("list release assets",()=>this.client.octokit.paginate(this.rest.repos.listReleaseAssets,{owner:this.owner,repo:this.repo,release_id:e,per_page:100}))).map(rt)}async deleteAsset(e){this.writes++;try{await this.rest.repos.deleteReleaseAsset({owner:this.owner,repo:this.repo,asset_id:e})}catch(s){if(s.status===404)return;throw v(s,"delete a release asset","contents: write")}}async upload(e,s,n,i){this.writes++;try{let a=await ve(this.client,e.uploadUrl,s,n,i,{fast:this.fast,onRetry:r(o=>this.onRetry(o),"onRetry")});return{id:a.id,name:a.name,size:a.size,state:"uploaded",digest:a.digest??null,url:a.browser_download_url,apiUrl:""}}catch(a){throw v(a,`upload ${s}`,"contents: write")}}async downloadSha256(e){let s=await fetch(e.apiUrl,{headers:{authorization:`token ${this.client.token}`,accept:"application/octet-stream","user-agent":"package-actions"}});if(!s.ok||!s.body)throw new Error(`download of ${e.name} failed: ${s.status}`);let n=at("sha256");for await(let i of s.body)n.update(i);return n.digest("hex")}};var Ie="${{ github.token }}";function ct(t,e,s,n){let i=n.GITHUB_REF?.startsWith("refs/tags/")?n.GITHUB_REF.slice(10):void 0,a=t??(e?`${s}${e.replace(/^v/,"")}`:i);if(!a)throw new w("no release tag",{fix:"run on a tag push, or pass tag: v1.2.3 or version: 1.2.3 (e.g. from detect-version)"});let o=re(e??a,{tagPrefix:s,allowNonSemver:!0});return{tag:a,version:o.version,isPrerelease:o.isPrerelease}}r(ct,"tagAndVersion");var Us={name:"publish-release",description:"Create or update a GitHub Release safely: draft, upload (skipping identical assets), SHA256SUMS over the whole release, signatures, install scripts, then publish.",inputs:{"working-directory":{description:"Directory the config and files paths are relative to.",default:"."},config:{description:"The package-actions config (used for install scripts; optional).",default:ee},tag:{description:"Release tag, e.g. v1.2.3. Default: from version, else the pushed tag."},version:{description:"Version (e.g. detect-version's output); the tag is tag-prefix + version."},"tag-prefix":{description:"Prefix of release tags.",default:"v"},files:{description:"Newline-separated paths or globs of the files to attach (e.g. build-deb and build-rpm outputs)."},name:{description:"Release title (default: the tag). Used when the release is created."},body:{description:"Release notes (Markdown). Used when the release is created."},"body-file":{description:"File holding the release notes."},"generate-notes":{description:"Let GitHub generate the notes when the release is created.",default:"false",kind:"boolean"},draft:{description:"Leave the release a draft (matrix jobs; a final job without draft publishes).",default:"false",kind:"boolean"},prerelease:{description:"true or false; default: true for a semver prerelease."},"make-latest":{description:"true or false; default: true only for the highest stable version."},checksums:{description:"Name of the checksums asset, covering every asset of the release.",default:"SHA256SUMS"},sign:{description:"With a signing key, sign SHA256SUMS (SHA256SUMS.asc) and attach the public key; false leaves the release unsigned.",default:"true",kind:"boolean"},"sign-files":{description:"With a signing key, also attach a .asc for every file (SHA256SUMS.asc is always made).",default:"false",kind:"boolean"},"public-key-name":{description:"Asset name of the public key attached with a signing key.",default:"KEY.asc"},"install-script":{description:"Attach install.sh and install.ps1 that verify SHA256SUMS before installing.",default:"true",kind:"boolean"},repository:{description:"owner/name of the repository (default: the workflow's)."},target:{description:"Commit the tag is created at when it does not exist (default: GITHUB_SHA)."},token:{description:"Token with contents: write on the repository.",default:Ie,kind:"secret"},"dry-run":{description:"Read the release and print every change it would make; write nothing.",default:"false",kind:"boolean"},...se},outputs:{"release-id":{description:"Numeric id of the release."},"html-url":{description:"Web page of the release."},"upload-url":{description:"upload_url of the release."},assets:{description:"JSON list of {name, url, size, sha256} for every asset of the release."},tag:{description:"The release tag."}},async run({io:t,inputs:e,env:s,cwd:n}){let i=M(n,e.required("working-directory")),a=e.boolean("dry-run"),o=e.secret("token"),u=o&&o!==Ie?o:s.GITHUB_TOKEN??"";u&&t.setSecret(u);let{owner:c,repo:h}=le(e.string("repository")??s.GITHUB_REPOSITORY),{tag:m,version:d,isPrerelease:f}=ct(e.string("tag"),e.string("version"),e.required("tag-prefix"),s),R=r(S=>{let E=e.string(S);if(E!==void 0){if(E!=="true"&&E!=="false")throw new w(`input "${S}" must be true, false or empty, not "${E}"`);return E==="true"}},"bool3"),l=M(i,e.required("config")),$=ot(l)?(await te(l,{cwd:i,displayRoot:s.GITHUB_WORKSPACE??n})).config:void 0,p=await t.group("Hash the files",async()=>{let S=await ce(e.list("files"),i);for(let E of S)E.renamed&&t.warning(`${E.path}: GitHub names this asset "${E.name}"`);return S}),y=e.string("body-file"),x=y?await lt(M(i,y),"utf8"):e.string("body")??"",Ue=e.boolean("sign")?await ne(e,{date:ie(s),log:t}):void 0,C=oe({token:u,env:s,log:t});await de(C,c,h,a?"read":"write");let Ne=new G(C,c,h,s.PACKAGE_ACTIONS_FAST_RETRIES==="1",S=>t.warning(`retrying: ${S}`)),b=await Ee(Ne,{tag:m,version:d,isPrerelease:f,name:e.string("name")??m,body:x,generateNotes:e.boolean("generate-notes"),draft:e.boolean("draft"),prerelease:R("prerelease"),makeLatest:R("make-latest"),target:e.string("target")??s.GITHUB_SHA,files:p,checksumsName:e.required("checksums"),signer:Ue,signFiles:e.boolean("sign-files"),publicKeyName:e.required("public-key-name"),installScript:e.boolean("install-script"),config:$,repo:`${c}/${h}`,serverUrl:C.serverUrl,dryRun:a,tempDir:s.RUNNER_TEMP?M(s.RUNNER_TEMP,`package-actions-${process.pid}`):void 0},t),I=b.results.filter(S=>S.outcome==="failed");if(await t.summaryFiles(`publish-release ${m}${a?" (dry run: nothing written)":""}`,Te(b.results,b.assets),I.length?`${I.length} asset(s) did not land; the release was not published. Rerun the job: identical assets are skipped.`:b.release?`release: ${b.release.htmlUrl}`:void 0),I.length)throw new q(`${I.length} upload(s) failed after retries (${I.map(S=>`${S.local.name}: ${S.error}`).join("; ")}); the release was left unpublished: rerun to complete it`);return{"release-id":b.release?String(b.release.id):"","html-url":b.release?.htmlUrl??"","upload-url":b.release?.uploadUrl??"",assets:JSON.stringify(b.assets),tag:m}}};export{ye as a,Us as b};
//# sourceMappingURL=chunk-YMWJGUZ6.js.map
