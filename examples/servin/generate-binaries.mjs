#!/usr/bin/env node
// Writes the Servin example's "release build" into examples/servin/dist/ without a Go toolchain:
//   dist/servin_<os>_<arch>/servin[.exe], servin-desktop[.exe]   (Go release naming)
//   dist/man/servin.1.gz, dist/man/servin-desktop.1.gz            (from man/*.1, gzip -9n)
//   dist/doc/changelog.Debian.gz                                  (from debian/changelog, gzip -9n)
// Linux stand-ins are real static ELF64 executables (x86-64 and AArch64, assembled here by hand)
// that print "<name> version <VERSION>" and exit 0, whatever their arguments. darwin and windows
// stand-ins are labelled placeholders (see placeholder()). Output is a pure function of the
// version and the committed sources, so CI can check the committed files have not drifted.
//
// Usage: node examples/servin/generate-binaries.mjs [VERSION] [--out DIR]
//   VERSION defaults to the `version:` in examples/servin/package-actions.yml; DIR to ./dist here.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, gunzipSync, constants as zlibConstants } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));

export const PLATFORMS = [
  ['linux', 'amd64'],
  ['linux', 'arm64'],
  ['darwin', 'amd64'],
  ['darwin', 'arm64'],
  ['windows', 'amd64'],
  ['windows', 'arm64'],
];
export const PROGRAMS = ['servin', 'servin-desktop'];

const ELF_BASE = 0x400000n;

/** Little-endian byte writer with fixed-size fields. */
function le(bytes, size, value) {
  let v = BigInt(value);
  for (let i = 0; i < size; i++) {
    bytes.push(Number(v & 0xffn));
    v >>= 8n;
  }
}

/** x86-64: write(1, msg, len); exit(0). The message follows the code (RIP-relative lea). */
function codeX8664(messageLength) {
  const code = [];
  code.push(0xb8, ...u32(1)); // mov eax, 1 (SYS_write)
  code.push(0xbf, ...u32(1)); // mov edi, 1 (stdout)
  const leaEnd = code.length + 7;
  const codeLength = leaEnd + 5 + 2 + 5 + 2 + 2;
  code.push(0x48, 0x8d, 0x35, ...u32(codeLength - leaEnd)); // lea rsi, [rip + msg]
  code.push(0xba, ...u32(messageLength)); // mov edx, len
  code.push(0x0f, 0x05); // syscall
  code.push(0xb8, ...u32(60)); // mov eax, 60 (SYS_exit)
  code.push(0x31, 0xff); // xor edi, edi
  code.push(0x0f, 0x05); // syscall
  if (code.length !== codeLength) throw new Error('x86-64 code length mismatch');
  return code;
}

/** AArch64: same program; eight 32-bit instructions, then the message. */
function codeAArch64(messageLength) {
  const movz = (reg, imm) => 0xd2800000 | (imm << 5) | reg; // movz xREG, #imm
  const msgOffsetFromAdr = 8 * 4 - 4; // adr is the second instruction; msg starts after the eighth
  const adrX1 = (0x10000000 | ((msgOffsetFromAdr & 3) << 29) | ((msgOffsetFromAdr >> 2) << 5) | 1) >>> 0;
  const words = [
    movz(0, 1), // x0 = stdout
    adrX1, // x1 = &msg
    movz(2, messageLength), // x2 = len
    movz(8, 64), // x8 = SYS_write
    0xd4000001, // svc #0
    movz(0, 0), // x0 = 0
    movz(8, 93), // x8 = SYS_exit
    0xd4000001, // svc #0
  ];
  return words.flatMap((w) => u32(w >>> 0));
}

function u32(value) {
  const out = [];
  le(out, 4, value);
  return out;
}

/**
 * A static, stripped ELF64 executable: ELF header, PT_LOAD (R+X) covering header and code,
 * PT_GNU_STACK (non-executable stack), and a small section table (.text, .shstrtab) so tools
 * such as `file`, readelf and lintian see an ordinary stripped binary rather than a truncated one.
 */
export function elfExecutable(arch, message) {
  const msg = Buffer.from(message, 'utf8');
  if (msg.length > 0xffff) throw new Error('message too long');
  const machine = arch === 'amd64' ? 62 /* EM_X86_64 */ : 183; /* EM_AARCH64 */
  const pageAlign = arch === 'amd64' ? 0x1000n : 0x10000n;
  const phnum = 2;
  const codeOffset = 64 + 56 * phnum; // 176, 16-byte aligned
  const text = [...(arch === 'amd64' ? codeX8664(msg.length) : codeAArch64(msg.length)), ...msg];
  const shstrtab = Buffer.from('\0.text\0.shstrtab\0', 'latin1');
  const shstrtabOffset = codeOffset + text.length;
  const shoff = Math.ceil((shstrtabOffset + shstrtab.length) / 8) * 8;
  const loadSize = BigInt(codeOffset + text.length);
  const entry = ELF_BASE + BigInt(codeOffset);

  const b = [];
  // e_ident: magic, ELFCLASS64, ELFDATA2LSB, EV_CURRENT, ELFOSABI_SYSV, ABI version 0, padding
  b.push(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  le(b, 2, 2); // e_type = ET_EXEC
  le(b, 2, machine);
  le(b, 4, 1); // e_version
  le(b, 8, entry);
  le(b, 8, 64); // e_phoff
  le(b, 8, shoff);
  le(b, 4, 0); // e_flags
  le(b, 2, 64); // e_ehsize
  le(b, 2, 56); // e_phentsize
  le(b, 2, phnum);
  le(b, 2, 64); // e_shentsize
  le(b, 2, 3); // e_shnum
  le(b, 2, 2); // e_shstrndx

  // PT_LOAD, PF_R|PF_X: the whole file prefix up to the end of the message.
  le(b, 4, 1);
  le(b, 4, 5);
  le(b, 8, 0); // p_offset
  le(b, 8, ELF_BASE); // p_vaddr
  le(b, 8, ELF_BASE); // p_paddr
  le(b, 8, loadSize); // p_filesz
  le(b, 8, loadSize); // p_memsz
  le(b, 8, pageAlign);
  // PT_GNU_STACK, PF_R|PF_W: asks for a non-executable stack.
  le(b, 4, 0x6474e551);
  le(b, 4, 6);
  for (let i = 0; i < 5; i++) le(b, 8, 0);
  le(b, 8, 16);

  if (b.length !== codeOffset) throw new Error('ELF header size mismatch');
  b.push(...text, ...shstrtab);
  while (b.length < shoff) b.push(0);

  const section = (name, type, flags, addr, offset, size, align) => {
    le(b, 4, name);
    le(b, 4, type);
    le(b, 8, flags);
    le(b, 8, addr);
    le(b, 8, offset);
    le(b, 8, size);
    le(b, 4, 0); // sh_link
    le(b, 4, 0); // sh_info
    le(b, 8, align);
    le(b, 8, 0); // sh_entsize
  };
  section(0, 0, 0, 0, 0, 0, 0); // SHN_UNDEF
  section(1, 1 /* PROGBITS */, 6 /* ALLOC|EXECINSTR */, entry, codeOffset, text.length, 4);
  section(7, 3 /* STRTAB */, 0, 0, shstrtabOffset, shstrtab.length, 1);
  return Buffer.from(b);
}

/**
 * darwin/windows stand-ins. A runnable Mach-O needs dyld and (on arm64) a code signature, and a PE
 * needs an import table, so these are plain files that say what they are. The darwin one is a
 * POSIX sh script, so it still answers `--version` on macOS; the windows one is text only.
 */
export function placeholder(os, arch, program, version) {
  const lines =
    os === 'windows'
      ? [
          `STAND-IN, NOT A WINDOWS PROGRAM: ${program}.exe for windows/${arch}, Servin ${version}.`,
          'Generated by examples/servin/generate-binaries.mjs for the package-actions example;',
          'a real release would ship the Go build here.',
        ]
      : [
          '#!/bin/sh',
          `# STAND-IN for ${program} on darwin/${arch}, Servin ${version}: not a Mach-O binary.`,
          '# Generated by examples/servin/generate-binaries.mjs for the package-actions example;',
          '# a real release would ship the Go build here.',
          `echo '${program} version ${version}'`,
        ];
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

/**
 * gzip -9n equivalent: no name, MTIME 0, XFL 2 (max compression), OS 3 (Unix) whatever zlib's
 * build would put there (it writes 10 on Windows and 19 on macOS).
 */
export function gzip9n(data) {
  const out = gzipSync(data, { level: 9, memLevel: 9, strategy: zlibConstants.Z_DEFAULT_STRATEGY });
  out.writeUInt32LE(0, 4);
  out[8] = 2;
  out[9] = 3;
  return out;
}

/** True when `existing` is a canonical gzip -9n header around exactly `data`. */
function sameGzip(existing, data) {
  if (existing.length < 18 || existing[0] !== 0x1f || existing[1] !== 0x8b) return false;
  if (existing[3] !== 0 || existing.readUInt32LE(4) !== 0 || existing[8] !== 2 || existing[9] !== 3) return false;
  try {
    return gunzipSync(existing).equals(data);
  } catch {
    return false;
  }
}

export function defaultVersion() {
  const text = readFileSync(join(here, 'package-actions.yml'), 'utf8');
  const m = /^version:\s*["']?([^"'\s#]+)/m.exec(text);
  if (!m) throw new Error('no version: in package-actions.yml');
  return m[1];
}

/** Every generated file as [relative path, bytes, mode]. */
export function generate(version) {
  const files = [];
  for (const [os, arch] of PLATFORMS) {
    for (const program of PROGRAMS) {
      const name = os === 'windows' ? `${program}.exe` : program;
      const bytes =
        os === 'linux'
          ? elfExecutable(arch, `${program} version ${version}\n`)
          : placeholder(os, arch, program, version);
      files.push([`servin_${os}_${arch}/${name}`, bytes, os === 'windows' ? 0o644 : 0o755]);
    }
  }
  for (const page of ['servin.1', 'servin-desktop.1']) {
    files.push([`man/${page}.gz`, readFileSync(join(here, 'man', page)), 0o644, 'gzip']);
  }
  files.push(['doc/changelog.Debian.gz', readFileSync(join(here, 'debian', 'changelog')), 0o644, 'gzip']);
  return files;
}

function main(argv) {
  let version;
  let out = join(here, 'dist');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out = argv[++i];
    else if (argv[i].startsWith('-')) throw new Error(`unknown option ${argv[i]}`);
    else version = argv[i].replace(/^v/, '');
  }
  version ??= defaultVersion();
  for (const [rel, bytes, mode, kind] of generate(version)) {
    const target = join(out, rel);
    mkdirSync(dirname(target), { recursive: true });
    if (kind === 'gzip') {
      // zlib's deflate output can differ between CPUs/builds; keep a committed file that already
      // holds the same text so regenerating on another machine does not churn it.
      if (existsSync(target) && sameGzip(readFileSync(target), bytes)) continue;
      writeFileSync(target, gzip9n(bytes));
    } else {
      writeFileSync(target, bytes);
    }
    chmodSync(target, mode);
  }
  process.stdout.write(`generated Servin ${version} stand-ins in ${out}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
