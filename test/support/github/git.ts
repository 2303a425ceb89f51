// Git plumbing on the stand-in's bare repositories. Every git object the API hands out is a real
// object, so what an action writes through the API can be cloned and inspected with plain git.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

export interface Identity {
  name: string;
  email: string;
  date?: string;
}

let baseEnv: NodeJS.ProcessEnv | undefined;

/** The environment git runs in: none of the caller's GIT_* variables, no user or system config. */
export function gitEnv(home: string): NodeJS.ProcessEnv {
  if (!baseEnv) {
    baseEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('GIT_')) baseEnv[k] = v;
  }
  const globalConfig = join(home, 'gitconfig');
  writeFileSync(globalConfig, '');
  return { ...baseEnv, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: globalConfig, GIT_TERMINAL_PROMPT: '0' };
}

export class Git {
  constructor(private readonly env: NodeJS.ProcessEnv) {}

  /** gitDir '' runs outside any repository (clone). */
  run(gitDir: string, args: string[], options: { input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}): Promise<GitResult> {
    return new Promise((resolve, reject) => {
      const env = { ...this.env, ...options.env, ...(gitDir ? { GIT_DIR: gitDir } : {}) };
      const child = spawn('git', args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (d: Buffer) => out.push(d));
      child.stderr.on('data', (d: Buffer) => err.push(d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString() }));
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input ?? '');
    });
  }

  /** Runs git and returns trimmed stdout; throws with stderr on failure. */
  async out(gitDir: string, args: string[], options: { input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
    const r = await this.run(gitDir, args, options);
    if (r.code !== 0) throw new Error(`git ${args.join(' ')} failed (${r.code}): ${r.stderr.trim()}`);
    return r.stdout.toString().trim();
  }

  async ok(gitDir: string, args: string[]): Promise<boolean> {
    return (await this.run(gitDir, args)).code === 0;
  }

  async init(gitDir: string, branch: string): Promise<void> {
    const r = await this.run(gitDir, ['init', '--bare', '--quiet', `--initial-branch=${branch}`, gitDir]);
    if (r.code !== 0) throw new Error(`git init failed: ${r.stderr}`);
  }

  hashObject(gitDir: string, data: Buffer): Promise<string> {
    return this.out(gitDir, ['hash-object', '-w', '--stdin'], { input: data });
  }

  /** `sha` of the object a revision names, or undefined. */
  async resolve(gitDir: string, rev: string): Promise<string | undefined> {
    const r = await this.run(gitDir, ['rev-parse', '--verify', '--quiet', `${rev}^{object}`]);
    return r.code === 0 ? r.stdout.toString().trim() : undefined;
  }

  async type(gitDir: string, sha: string): Promise<string | undefined> {
    const r = await this.run(gitDir, ['cat-file', '-t', sha]);
    return r.code === 0 ? r.stdout.toString().trim() : undefined;
  }

  /** refname → sha for refs under a prefix (e.g. "refs/heads/"). */
  async refs(gitDir: string, prefix = 'refs/'): Promise<Map<string, { sha: string; type: string }>> {
    const text = await this.out(gitDir, ['for-each-ref', '--format=%(refname) %(objectname) %(objecttype)', prefix]);
    const map = new Map<string, { sha: string; type: string }>();
    for (const line of text.split('\n').filter(Boolean)) {
      const [ref, sha, type] = line.split(' ');
      map.set(ref as string, { sha: sha as string, type: type as string });
    }
    return map;
  }

  async isAncestor(gitDir: string, ancestor: string, descendant: string): Promise<boolean> {
    return this.ok(gitDir, ['merge-base', '--is-ancestor', ancestor, descendant]);
  }

  /** Compare-and-swap ref update; false if the ref moved meanwhile. old = '' creates, new = '' deletes. */
  async updateRef(gitDir: string, ref: string, sha: string, old?: string): Promise<boolean> {
    const args = sha === '' ? ['update-ref', '-d', ref] : ['update-ref', ref, sha];
    if (old !== undefined) args.push(old === '' ? '0'.repeat(40) : old);
    return this.ok(gitDir, args);
  }

  /**
   * Builds a tree: start from `base` (a tree-ish, or none), apply path changes (sha null = delete),
   * and write it. Uses a throwaway index, so nested paths need no tree surgery.
   */
  async buildTree(gitDir: string, tmp: string, base: string | undefined, changes: { path: string; mode: string; sha: string | null; type: string }[]): Promise<string> {
    const dir = mkdtempSync(join(tmp, 'index-'));
    const env = { GIT_INDEX_FILE: join(dir, 'index') };
    try {
      if (base) await this.out(gitDir, ['read-tree', base], { env });
      else await this.out(gitDir, ['read-tree', '--empty'], { env });
      const lines: string[] = [];
      for (const c of changes) {
        if (c.sha === null || c.type === 'tree') {
          // Drop the path itself and anything below it (a tree entry replaces a whole directory).
          const listed = await this.out(gitDir, ['ls-files', '-z', '--', c.path], { env });
          for (const p of listed.split('\0').filter(Boolean)) lines.push(`0 ${'0'.repeat(40)}\t${p}`);
          lines.push(`0 ${'0'.repeat(40)}\t${c.path}`);
        }
      }
      if (lines.length) await this.out(gitDir, ['update-index', '--index-info'], { env, input: `${lines.join('\n')}\n` });
      const adds = changes.filter((c) => c.sha !== null && c.type !== 'tree').map((c) => `${c.mode} ${c.sha}\t${c.path}`);
      if (adds.length) await this.out(gitDir, ['update-index', '--add', '--index-info'], { env, input: `${adds.join('\n')}\n` });
      for (const c of changes.filter((x) => x.sha !== null && x.type === 'tree')) {
        await this.out(gitDir, ['read-tree', `--prefix=${c.path}/`, c.sha as string], { env });
      }
      return await this.out(gitDir, ['write-tree'], { env });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  async commitTree(gitDir: string, tree: string, parents: string[], message: string, author: Identity, committer: Identity): Promise<string> {
    const args = ['commit-tree', tree];
    for (const p of parents) args.push('-p', p);
    const env: NodeJS.ProcessEnv = {
      GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email,
      GIT_COMMITTER_NAME: committer.name, GIT_COMMITTER_EMAIL: committer.email,
    };
    if (author.date) env.GIT_AUTHOR_DATE = author.date;
    if (committer.date) env.GIT_COMMITTER_DATE = committer.date;
    return this.out(gitDir, args, { input: message, env });
  }

  /** Parsed commit object. */
  async readCommit(gitDir: string, sha: string): Promise<{ tree: string; parents: string[]; author: Identity; committer: Identity; message: string }> {
    const text = (await this.run(gitDir, ['cat-file', 'commit', sha])).stdout.toString();
    const split = text.indexOf('\n\n');
    const head = text.slice(0, split).split('\n');
    const message = split >= 0 ? text.slice(split + 2) : '';
    let tree = '';
    const parents: string[] = [];
    const ident = (line: string): Identity => {
      const m = /^(.*) <(.*)> (\d+) ([+-]\d{4})$/.exec(line);
      if (!m) return { name: '', email: '', date: new Date(0).toISOString() };
      return { name: m[1] as string, email: m[2] as string, date: new Date(Number(m[3]) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') };
    };
    let author: Identity = ident('');
    let committer: Identity = ident('');
    for (const line of head) {
      if (line.startsWith('tree ')) tree = line.slice(5);
      else if (line.startsWith('parent ')) parents.push(line.slice(7));
      else if (line.startsWith('author ')) author = ident(line.slice(7));
      else if (line.startsWith('committer ')) committer = ident(line.slice(10));
    }
    return { tree, parents, author, committer, message };
  }

  /** Entries of a tree: mode, type, sha, size (blobs), path. */
  async lsTree(gitDir: string, treeish: string, options: { recursive?: boolean; path?: string } = {}): Promise<{ mode: string; type: string; sha: string; size: number | undefined; path: string }[]> {
    const args = ['ls-tree', '-l', '-z'];
    if (options.recursive) args.push('-r', '-t');
    args.push(treeish);
    if (options.path !== undefined) args.push('--', options.path);
    const r = await this.run(gitDir, args);
    if (r.code !== 0) return [];
    return r.stdout.toString().split('\0').filter(Boolean).map((entry) => {
      const tab = entry.indexOf('\t');
      const [mode, type, sha, size] = entry.slice(0, tab).split(/\s+/);
      return { mode: mode as string, type: type as string, sha: sha as string, size: size === '-' ? undefined : Number(size), path: entry.slice(tab + 1) };
    });
  }

  async blob(gitDir: string, sha: string): Promise<Buffer | undefined> {
    const r = await this.run(gitDir, ['cat-file', 'blob', sha]);
    return r.code === 0 ? r.stdout : undefined;
  }

  /** Three-way merge without a work tree (git ≥ 2.38): the merged tree, or undefined on conflict. */
  async mergeTree(gitDir: string, ours: string, theirs: string): Promise<string | undefined> {
    const r = await this.run(gitDir, ['merge-tree', '--write-tree', ours, theirs]);
    if (r.code === 0) return r.stdout.toString().split('\n')[0]?.trim();
    if (r.code === 1) return undefined;
    throw new Error(`git merge-tree failed: ${r.stderr}`);
  }
}
