import { describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tarStream, type TarItem } from '../../src/archive/tar.js';
import { requireTool } from '../support/tools.js';

const MTIME = 1700000000;

describe('our tar writer against GNU tar', () => {
  test('same tree (long, UTF-8, empty, symlink, nested dirs) gives the same bytes as tar --format=gnu', async () => {
    if (!requireTool('tar')) return;
    const dir = mkdtempSync(join(tmpdir(), 'pa-tar-'));
    const root = join(dir, 'root');
    const longName = 'l'.repeat(130);
    mkdirSync(join(root, 'd', 'sub'), { recursive: true });
    writeFileSync(join(root, 'd', 'a.txt'), 'hello\n');
    writeFileSync(join(root, 'd', 'empty'), '');
    writeFileSync(join(root, 'd', 'sub', longName), 'long\n');
    writeFileSync(join(root, 'd', 'ünïcödé.txt'), 'u\n');
    writeFileSync(join(root, 'd', 'big.bin'), Buffer.alloc(70000, 7));
    symlinkSync('a.txt', join(root, 'd', 'link'));
    for (const f of ['a.txt', 'empty', 'ünïcödé.txt', 'big.bin']) chmodSync(join(root, 'd', f), 0o644);
    chmodSync(join(root, 'd', 'sub', longName), 0o644);
    chmodSync(join(root, 'd'), 0o755);
    chmodSync(join(root, 'd', 'sub'), 0o755);
    const gnu = join(dir, 'gnu.tar');
    execFileSync('tar', ['--format=gnu', '--owner=root:0', '--group=root:0', `--mtime=@${MTIME}`, '--sort=name', '-cf', gnu, '-C', root, './d'], { env: { ...process.env, LC_ALL: 'C.UTF-8' } });

    const e = { uid: 0, gid: 0, uname: 'root', gname: 'root', mtime: MTIME };
    const file = (name: string, body: Buffer): TarItem => ({ entry: { ...e, name, type: 'file', mode: 0o644, size: body.length }, body: async function* () { yield body; } });
    const items: TarItem[] = [
      { entry: { ...e, name: './d/', type: 'dir', mode: 0o755, size: 0 } },
      file('./d/a.txt', Buffer.from('hello\n')),
      file('./d/big.bin', Buffer.alloc(70000, 7)),
      file('./d/empty', Buffer.alloc(0)),
      { entry: { ...e, name: './d/link', type: 'symlink', mode: 0o777, size: 0, linkTarget: 'a.txt' } },
      { entry: { ...e, name: './d/sub/', type: 'dir', mode: 0o755, size: 0 } },
      file(`./d/sub/${longName}`, Buffer.from('long\n')),
      file('./d/ünïcödé.txt', Buffer.from('u\n')),
    ];
    const chunks: Uint8Array[] = [];
    for await (const c of tarStream(items)) chunks.push(c);
    const ours = Buffer.concat(chunks);
    const theirs = readFileSync(gnu);
    expect(ours.length).toBe(theirs.length);
    expect(ours.equals(theirs)).toBe(true);
    // And GNU tar lists what we wrote, with the long and UTF-8 names intact.
    const listing = execFileSync('tar', ['-tvf', '-'], { input: ours, env: { ...process.env, LC_ALL: 'C.UTF-8' } }).toString();
    expect(listing).toContain(`./d/sub/${longName}`);
    expect(listing).toContain('./d/ünïcödé.txt');
    expect(listing).toContain('./d/link -> a.txt');
  });
});
