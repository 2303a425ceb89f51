import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// Helpers for judging rpm packages with Debian's rpm 4.18 tools.

export const env = { ...process.env, LC_ALL: 'C.UTF-8', TZ: 'UTC' };

export function sh(cmd: string, args: string[], input?: Buffer): string {
  return execFileSync(cmd, args, { encoding: 'utf8', env, input, maxBuffer: 64 << 20 });
}

export function run(cmd: string[], input?: Buffer): SpawnSyncReturns<string> {
  return spawnSync(cmd[0]!, cmd.slice(1), { encoding: 'utf8', env, input });
}

/** `rpm -qp --qf FORMAT pkg`. */
export function qf(pkg: string, format: string): string {
  return sh('rpm', ['-qp', '--qf', format, pkg]);
}

let prefix: string[] | null | undefined;

/**
 * Installing into a scratch root needs chroot(), i.e. root: [] when we are root, `sudo -n`
 * where that works (GitHub's runners), else null (under CI=true that is a failure).
 */
export function privileged(): string[] | null {
  if (prefix !== undefined) return prefix;
  if (process.getuid?.() === 0) prefix = [];
  else if (spawnSync('sudo', ['-n', 'true']).status === 0) prefix = ['sudo', '-n'];
  else prefix = null;
  if (prefix === null && process.env.CI === 'true') throw new Error('installing rpms into a scratch root needs root or passwordless sudo (CI=true: tests must not skip)');
  if (prefix === null) console.warn('skipping: installing rpms needs root or passwordless sudo');
  return prefix;
}

/** A scratch root with an rpm database, and /bin/sh (dash and its libraries) for scriptlets. */
export function scratchRoot(withShell: boolean): string {
  const root = mkdtempSync(join(tmpdir(), 'pa-rpmroot-'));
  mkdirSync(join(root, 'var/log'), { recursive: true });
  if (withShell) {
    const copy = (from: string, to: string) => {
      mkdirSync(dirname(join(root, to)), { recursive: true });
      copyFileSync(from, join(root, to));
    };
    const dash = sh('sh', ['-c', 'command -v dash']).trim();
    copy(dash, 'bin/sh');
    for (const m of sh('ldd', [dash]).matchAll(/(\/\S+)/g)) copy(m[1]!, m[1]!);
  }
  return root;
}

/** Writes a file inside a scratch root, whose files rpm created as root (via sudo when needed). */
export function writeAsRoot(path: string, text: string): void {
  const p = privileged() ?? [];
  if (p.length === 0) return writeFileSync(path, text);
  const r = run([...p, 'tee', path], Buffer.from(text));
  if (r.status !== 0) throw new Error(`cannot write ${path}: ${r.stderr}`);
}

/** rpm against a scratch root's own database. */
export function rpmIn(root: string, args: string[]): SpawnSyncReturns<string> {
  return run([...(privileged() ?? []), 'rpm', '--root', root, '--dbpath', '/var/lib/rpm', ...args]);
}
