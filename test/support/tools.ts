import { execFileSync } from 'node:child_process';

const cache = new Map<string, boolean>();

/**
 * Whether a real tool is on PATH. Under CI=true a missing tool is a failure, never a skip:
 * the tests that judge our output with real tools must not pass by not running.
 */
export function requireTool(name: string): boolean {
  if (!cache.has(name)) {
    let found = false;
    try {
      execFileSync(process.platform === 'win32' ? 'where' : 'sh', process.platform === 'win32' ? [name] : ['-c', `command -v "${name}"`], { stdio: 'ignore' });
      found = true;
    } catch {
      found = false;
    }
    cache.set(name, found);
  }
  const found = cache.get(name) ?? false;
  if (!found && process.env.CI === 'true') throw new Error(`required tool "${name}" is not installed (CI=true: tests must not skip); run scripts/install-test-deps.sh`);
  if (!found) console.warn(`skipping: ${name} is not installed`);
  return found;
}
