import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * An empty dpkg root (admin directory and status file) and a `dpkg` that works on it without
 * root: scripts run chrootless, no log, no fsync.
 */
export function dpkgScratchRoot(prefix = 'pa-root-'): { root: string; dpkg: (...args: string[]) => SpawnSyncReturns<string> } {
  const root = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(root, 'var/lib/dpkg/info'), { recursive: true });
  mkdirSync(join(root, 'var/lib/dpkg/updates'), { recursive: true });
  writeFileSync(join(root, 'var/lib/dpkg/status'), '');
  const dpkg = (...args: string[]) => spawnSync('dpkg', [`--root=${root}`, '--force-script-chrootless', '--force-not-root', '--force-unsafe-io', '--log=/dev/null', ...args], { encoding: 'utf8' });
  return { root, dpkg };
}
