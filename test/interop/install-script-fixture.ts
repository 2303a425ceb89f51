// Shared set-up for the install.sh interop tests: real release assets (system tar, sha256sum,
// gpg) served over loopback HTTP, a throwaway HOME/TMPDIR per run, and restricted PATHs.
import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Platform } from '../../src/config/types.js';
import { renderInstallSh, type InstallScriptInput } from '../../src/install-script/index.js';
import { startStaticServer, type StaticServer } from '../support/static-server.js';

export const REPO = 'octo/servin';
export const BINARIES = ['servin', 'servin-desktop'];
/** The host's Go arch, and one other arch the release also ships (so tables have several rows). */
export const HOST_ARCH = process.arch === 'arm64' ? 'arm64' : 'amd64';
export const OTHER_ARCH = HOST_ARCH === 'arm64' ? 'amd64' : 'arm64';
export const PLATFORMS: Platform[] = [
  { os: 'linux', arch: 'amd64' },
  { os: 'linux', arch: 'arm64' },
  { os: 'darwin', arch: 'arm64' },
  { os: 'windows', arch: 'amd64' },
];

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Where a tool lives on this machine (`command -v`), for absolute shells and symlinked PATHs. */
export function which(tool: string): string {
  return execFileSync('sh', ['-c', `command -v "${tool}"`]).toString().trim();
}

export class InstallFixture {
  readonly root = mkdtempSync(join(tmpdir(), 'pa-install-'));
  readonly www = join(this.root, 'www');
  server!: StaticServer;
  private n = 0;

  static async create(): Promise<InstallFixture> {
    const f = new InstallFixture();
    chmodSync(f.root, 0o755); // the non-root scenarios read the scripts from here
    mkdirSync(f.www);
    f.server = await startStaticServer(f.www);
    return f;
  }

  get downloadRoot(): string {
    return `${this.server.url}/${REPO}/releases/download`;
  }

  releaseDir(version: string, base = `${REPO}/releases/download`): string {
    return join(this.www, base, `v${version}`);
  }

  /** Archives for linux/HOST_ARCH and linux/OTHER_ARCH holding shell scripts that print their version, plus SHA256SUMS. */
  buildRelease(version: string): string[] {
    const dir = this.releaseDir(version);
    mkdirSync(dir, { recursive: true });
    const assets: string[] = [];
    for (const arch of [HOST_ARCH, OTHER_ARCH]) {
      const asset = `servin_${version}_linux_${arch}.tar.gz`;
      this.archive(join(dir, asset), `${version} ${arch}`);
      assets.push(asset);
    }
    writeFileSync(join(dir, 'SHA256SUMS'), execFileSync('sha256sum', assets, { cwd: dir }));
    return [...assets, 'SHA256SUMS'];
  }

  /** A tar.gz (system tar) of BINARIES, each a script printing "<name> <text>". */
  archive(path: string, text: string): void {
    const src = this.dir('src');
    for (const b of BINARIES) writeFileSync(join(src, b), `#!/bin/sh\necho "${b} ${text}"\n`, { mode: 0o755 });
    execFileSync('tar', ['czf', path, '-C', src, ...BINARIES]);
  }

  /** A copy of a release under another base path (a mirror), for tampering without touching the original. */
  mirror(version: string, name: string): string {
    const dir = this.releaseDir(version, name);
    cpSync(this.releaseDir(version), dir, { recursive: true });
    return dir;
  }

  input(over: Partial<InstallScriptInput> = {}): InstallScriptInput {
    const version = over.version ?? '0.9.2';
    return {
      name: 'servin',
      version,
      tag: `v${version}`,
      repo: REPO,
      serverUrl: this.server.url,
      platforms: PLATFORMS,
      assets: [...readdirSync(this.releaseDir(version)), `servin_${version}_darwin_arm64.tar.gz`, `servin_${version}_windows_amd64.zip`],
      binaries: BINARIES,
      ...over,
    };
  }

  /** Renders install.sh into a new file and returns its path. */
  script(over: Partial<InstallScriptInput> = {}): string {
    const path = join(this.root, `install-${++this.n}.sh`);
    writeFileSync(path, renderInstallSh(this.input(over)), { mode: 0o644 });
    return path;
  }

  /** A new directory (mode 0777 so the non-root runs can use it too). */
  dir(name: string, create = true): string {
    const path = join(this.root, `${name}-${++this.n}`);
    if (create) {
      mkdirSync(path);
      chmodSync(path, 0o777);
    }
    return path;
  }

  /** A PATH directory holding symlinks to only these tools (name → target, default: the host's tool). */
  bin(tools: (string | [string, string])[]): string {
    const dir = this.dir('bin');
    for (const t of tools) {
      const [name, target] = typeof t === 'string' ? [t, which(t)] : t;
      symlinkSync(target, join(dir, name));
    }
    return dir;
  }

  /** Runs `shell... script args` with a clean environment: its own HOME and TMPDIR, no proxies. */
  run(shell: string[], script: string, args: string[], opts: { env?: Record<string, string>; path?: string; home?: string; tmp?: string } = {}): Promise<RunResult> {
    const env: Record<string, string> = {
      PATH: opts.path ?? process.env.PATH ?? '/usr/bin:/bin',
      HOME: opts.home ?? this.dir('home'),
      TMPDIR: opts.tmp ?? this.dir('tmp'),
      LC_ALL: 'C',
      ...opts.env,
    };
    return new Promise((resolve, reject) => {
      const child = spawn(shell[0], [...shell.slice(1), script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (d: Buffer) => out.push(d));
      child.stderr.on('data', (d: Buffer) => err.push(d));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }));
    });
  }

  /** Sorted entries of a directory, or undefined when it does not exist. */
  ls(dir: string): string[] | undefined {
    return existsSync(dir) ? readdirSync(dir).sort() : undefined;
  }

  async dispose(): Promise<void> {
    await this.server.close();
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** Runs a program the installer installed and returns its output. */
export function runInstalled(path: string): string {
  return execFileSync(path, { env: { PATH: '/usr/bin:/bin' } }).toString();
}
