import { describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..', '..');
const EXAMPLE = join(ROOT, 'examples', 'servin');
const GENERATOR = join(EXAMPLE, 'generate-binaries.mjs');
const DIST = join(EXAMPLE, 'dist');
const VERSION = /^version:\s*(\S+)/m.exec(readFileSync(join(EXAMPLE, 'package-actions.yml'), 'utf8'))?.[1] ?? '';

function generate(args: string[]): string {
  const out = mkdtempSync(join(tmpdir(), 'servin-gen-'));
  execFileSync(process.execPath, [GENERATOR, ...args, '--out', out], { stdio: 'pipe' });
  return out;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

interface Elf {
  machine: number;
  entry: bigint;
  osabi: number;
  type: number;
  segments: { type: number; flags: number; offset: bigint; vaddr: bigint; filesz: bigint }[];
  sections: string[];
}

function parseElf(b: Buffer): Elf {
  expect(b.subarray(0, 4)).toEqual(Buffer.from([0x7f, 0x45, 0x4c, 0x46]));
  expect(b[4]).toBe(2); // ELFCLASS64
  expect(b[5]).toBe(1); // little endian
  const phoff = Number(b.readBigUInt64LE(32));
  const shoff = Number(b.readBigUInt64LE(40));
  const segments = [];
  for (let i = 0; i < b.readUInt16LE(56); i++) {
    const p = phoff + i * b.readUInt16LE(54);
    segments.push({ type: b.readUInt32LE(p), flags: b.readUInt32LE(p + 4), offset: b.readBigUInt64LE(p + 8), vaddr: b.readBigUInt64LE(p + 16), filesz: b.readBigUInt64LE(p + 32) });
  }
  const shnum = b.readUInt16LE(60);
  const strtab = shoff + b.readUInt16LE(62) * 64;
  const strOff = Number(b.readBigUInt64LE(strtab + 24));
  const sections = [];
  for (let i = 0; i < shnum; i++) {
    const name = b.readUInt32LE(shoff + i * 64);
    sections.push(b.toString('latin1', strOff + name, b.indexOf(0, strOff + name)));
  }
  return { machine: b.readUInt16LE(18), entry: b.readBigUInt64LE(24), osabi: b[7] ?? -1, type: b.readUInt16LE(16), segments, sections };
}

const ELF_ARCHES = [
  ['amd64', 62, 'x64'],
  ['arm64', 183, 'arm64'],
] as const;

describe('examples/servin generated files', () => {
  test('the committed dist/ equals a fresh generation (nothing drifted, nothing missing or extra)', () => {
    const fresh = generate([]);
    try {
      const files = listFiles(fresh);
      expect(listFiles(DIST)).toEqual(files);
      expect(files).toContain('servin_linux_amd64/servin');
      expect(files).toContain('servin_windows_arm64/servin-desktop.exe');
      for (const f of files) {
        const committed = readFileSync(join(DIST, f));
        const expected = readFileSync(join(fresh, f));
        if (f.endsWith('.gz')) {
          // gzip -9n header (no name, MTIME 0, max compression, Unix); the deflate bytes may
          // legitimately differ between zlib builds, the text inside may not.
          expect([...committed.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 3]);
          expect(gunzipSync(committed).equals(gunzipSync(expected))).toBe(true);
        } else {
          expect({ f, same: committed.equals(expected) }).toEqual({ f, same: true });
        }
      }
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  test('man pages and changelog inside the .gz files are the committed sources', () => {
    expect(gunzipSync(readFileSync(join(DIST, 'man', 'servin.1.gz')))).toEqual(readFileSync(join(EXAMPLE, 'man', 'servin.1')));
    expect(gunzipSync(readFileSync(join(DIST, 'doc', 'changelog.Debian.gz')))).toEqual(readFileSync(join(EXAMPLE, 'debian', 'changelog')));
  });

  test('the version in the config, changelog and man pages agree', () => {
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(readFileSync(join(EXAMPLE, 'debian', 'changelog'), 'utf8')).toMatch(new RegExp(`^servin \\(${VERSION.replaceAll('.', '\\.')}-1\\) `));
    for (const page of ['servin.1', 'servin-desktop.1']) {
      expect(readFileSync(join(EXAMPLE, 'man', page), 'utf8')).toContain(`"servin ${VERSION}"`);
    }
  });

  test.each(ELF_ARCHES)('linux/%s stand-ins are static ELF64 executables for e_machine %i', (arch, machine, _nodeArch) => {
    for (const program of ['servin', 'servin-desktop']) {
      const bytes = readFileSync(join(DIST, `servin_linux_${arch}`, program));
      const elf = parseElf(bytes);
      expect(elf.type).toBe(2); // ET_EXEC
      expect(elf.machine).toBe(machine);
      expect(elf.osabi).toBe(0); // SYSV
      expect(elf.segments.map((s) => s.type)).toEqual([1, 0x6474e551]); // PT_LOAD, PT_GNU_STACK: no PT_INTERP, no PT_DYNAMIC
      const [load, stack] = elf.segments;
      expect(load?.flags).toBe(5); // R+X
      expect(stack?.flags).toBe(6); // RW, not executable
      expect(elf.entry > load!.vaddr && elf.entry < load!.vaddr + load!.filesz).toBe(true);
      expect(elf.sections).toEqual(['', '.text', '.shstrtab']);
      const message = `${program} version ${VERSION}\n`;
      const at = bytes.indexOf(message);
      expect(at).toBeGreaterThan(0);
      expect(BigInt(at + message.length) <= load!.filesz).toBe(true);
    }
  });

  test('darwin stand-ins are sh scripts that print the version', () => {
    for (const arch of ['amd64', 'arm64']) {
      const text = readFileSync(join(DIST, `servin_darwin_${arch}`, 'servin'), 'utf8');
      expect(text).toMatch(/^#!\/bin\/sh\n# STAND-IN for servin on darwin\//);
      if (process.platform !== 'win32') expect(execFileSync('sh', [join(DIST, `servin_darwin_${arch}`, 'servin'), '--version'], { encoding: 'utf8' })).toBe(`servin version ${VERSION}\n`);
    }
  });

  test.each(ELF_ARCHES)('linux/%s servin runs and prints its version (on a matching Linux host)', (arch, _machine, nodeArch) => {
    if (process.platform !== 'linux' || process.arch !== nodeArch) {
      console.log(`not running the linux/${arch} stand-in on ${process.platform}/${process.arch}`);
      return;
    }
    expect(execFileSync(join(DIST, `servin_linux_${arch}`, 'servin'), ['--version'], { encoding: 'utf8' })).toBe(`servin version ${VERSION}\n`);
    expect(execFileSync(join(DIST, `servin_linux_${arch}`, 'servin-desktop'), [], { encoding: 'utf8' })).toBe(`servin-desktop version ${VERSION}\n`);
  });

  test('the version argument is baked into every stand-in (a leading v is dropped)', () => {
    const out = generate(['v1.22.333']);
    try {
      for (const arch of ['amd64', 'arm64']) {
        const bytes = readFileSync(join(out, `servin_linux_${arch}`, 'servin'));
        const at = bytes.indexOf('servin version 1.22.333\n');
        expect(at).toBeGreaterThan(0);
        expect(BigInt(at + 'servin version 1.22.333\n'.length)).toBe(parseElf(bytes).segments[0]?.filesz);
      }
      expect(readFileSync(join(out, 'servin_darwin_arm64', 'servin'), 'utf8')).toContain("echo 'servin version 1.22.333'");
      expect(readFileSync(join(out, 'servin_windows_amd64', 'servin.exe'), 'utf8')).toMatch(/^STAND-IN, NOT A WINDOWS PROGRAM: servin\.exe for windows\/amd64, Servin 1\.22\.333\./);
      if (process.platform === 'linux' && process.arch === 'x64') {
        expect(execFileSync(join(out, 'servin_linux_amd64', 'servin'), ['--version'], { encoding: 'utf8' })).toBe('servin version 1.22.333\n');
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
