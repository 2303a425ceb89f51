#!/usr/bin/env bash
# Builds vendor/liblzma/liblzma.wasm: liblzma's encoder from the unmodified XZ Utils release
# (Debian's copy of the upstream tarball, checked by SHA-256), compiled to WebAssembly with
# Debian bookworm's clang 14 and wasi-libc. The same tools and tarball give the same bytes, so
#   bash scripts/build-liblzma.sh --check
# rebuilds into a temporary file and fails unless it equals the committed one, and
#   bash scripts/build-liblzma.sh --out FILE
# writes the build to FILE instead of vendor/liblzma/liblzma.wasm.
#
# Needs: clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32 (scripts/install-test-deps.sh),
# and curl unless LIBLZMA_TARBALL names the tarball on disk.
#
# Why not node-liblzma's build: it is made for size (-Oz, XZ_SMALL: byte-at-a-time CRCs, computed
# price and position tables, no inlining) and runs the -6 encoder about 1.2x slower than the
# native xz; this one runs it at the native speed. It also has no 256 MiB memory cap, so -8
# and -9 work, and no Emscripten glue: the xz workers instantiate it themselves
# (src/archive/compress/worker-source.ts).
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=5.8.1
URL="http://deb.debian.org/debian/pool/main/x/xz-utils/xz-utils_${VERSION}.orig.tar.xz"
SHA256=0b54f79df85912504de0b14aec7971e3f964491af1812d83447005807513cd9e
OUT=vendor/liblzma/liblzma.wasm

check=false
case "${1:-}" in
  --check) check=true ;;
  --out) OUT=${2:?--out needs a file} ;;
  "") ;;
  *) echo "usage: bash scripts/build-liblzma.sh [--check | --out FILE]" >&2; exit 2 ;;
esac

for tool in clang-14 wasm-ld-14; do
  command -v "$tool" >/dev/null || { echo "build-liblzma: $tool is missing (apt-get install clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32)" >&2; exit 1; }
done
[ -f /usr/lib/wasm32-wasi/libc.a ] || { echo "build-liblzma: wasi-libc is missing (apt-get install wasi-libc)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/liblzma-wasm.XXXXXX")
trap 'rm -rf "$work"' EXIT

tarball=${LIBLZMA_TARBALL:-$work/xz.tar.xz}
if [ -z "${LIBLZMA_TARBALL:-}" ]; then
  curl -fsSL --retry 3 -o "$tarball" "$URL"
fi
echo "$SHA256  $tarball" | sha256sum -c --quiet - || { echo "build-liblzma: $tarball is not xz-utils $VERSION" >&2; exit 1; }
tar -xJf "$tarball" -C "$work"

# What liblzma's configure would find on a 32-bit little-endian target with a C99 libc, limited
# to the .xz encoder with the LZMA2 filter, CRC32/CRC64 checks and every match finder. NDEBUG
# (below) as in a release build (configure without --enable-debug).
cat >"$work/config.h" <<'EOF'
#define HAVE_STDBOOL_H 1
#define HAVE__BOOL 1
#define HAVE_STDINT_H 1
#define HAVE_INTTYPES_H 1
#define HAVE_VISIBILITY 0
#define SIZEOF_SIZE_T 4
#define TUKLIB_FAST_UNALIGNED_ACCESS 1
#define HAVE___BUILTIN_BSWAPXX 1
#define HAVE___BUILTIN_ASSUME_ALIGNED 1
#define TUKLIB_SYMBOL_PREFIX lzma_
#define ASSUME_RAM 128
#define HAVE_CHECK_CRC32 1
#define HAVE_CHECK_CRC64 1
#define HAVE_ENCODERS 1
#define HAVE_ENCODER_LZMA1 1
#define HAVE_ENCODER_LZMA2 1
#define HAVE_MF_HC3 1
#define HAVE_MF_HC4 1
#define HAVE_MF_BT2 1
#define HAVE_MF_BT3 1
#define HAVE_MF_BT4 1
#define PACKAGE_NAME "XZ Utils"
#define PACKAGE_URL "https://tukaani.org/xz/"
EOF

files=(
  common/common.c common/easy_buffer_encoder.c common/easy_preset.c common/stream_buffer_encoder.c
  common/block_buffer_encoder.c common/block_util.c common/block_header_encoder.c
  common/filter_common.c common/filter_encoder.c common/filter_flags_encoder.c common/index.c
  common/index_encoder.c common/stream_flags_common.c common/stream_flags_encoder.c
  common/vli_encoder.c common/vli_size.c check/check.c check/crc32_fast.c check/crc64_fast.c
  lz/lz_encoder.c lz/lz_encoder_mf.c lzma/lzma_encoder.c lzma/lzma_encoder_optimum_fast.c
  lzma/lzma_encoder_optimum_normal.c lzma/lzma_encoder_presets.c lzma/lzma2_encoder.c
  lzma/fastpos_table.c rangecoder/price_table.c
)
# Relative names (run from $work) keep the temporary directory's name out of the binary.
cd "$work"
rel="xz-$VERSION/src/liblzma"
clang-14 --target=wasm32-wasi -O2 -DNDEBUG -DHAVE_CONFIG_H -I. \
  -I"$rel/api" -I"$rel/common" -I"$rel/check" -I"$rel/lz" -I"$rel/rangecoder" -I"$rel/lzma" -I"$rel/delta" -I"$rel/simple" -I"xz-$VERSION/src/common" \
  -mexec-model=reactor -w \
  -Wl,--export=lzma_easy_buffer_encode -Wl,--export=lzma_version_string -Wl,--export=malloc -Wl,--export=free \
  -Wl,-z,stack-size=1048576 -Wl,--gc-sections -Wl,--strip-all \
  -o liblzma.wasm "${files[@]/#/$rel/}"
cd - >/dev/null

if $check; then
  if cmp -s "$work/liblzma.wasm" "$OUT"; then
    echo "build-liblzma: $OUT is what this script builds ($(sha256sum <"$OUT" | cut -c1-16)…)"
  else
    echo "build-liblzma: $OUT differs from what this script builds; run bash scripts/build-liblzma.sh and commit it" >&2
    exit 1
  fi
else
  mkdir -p "$(dirname "$OUT")"
  cp "$work/liblzma.wasm" "$OUT"
  echo "build-liblzma: wrote $OUT ($(wc -c <"$OUT") bytes, sha256 $(sha256sum <"$OUT" | cut -d' ' -f1))"
fi
