// Git object ids computed locally, so the flow knows the tree it would write before writing
// anything: a rerun with nothing changed compares shas and makes no request that writes, and a
// dry run can say whether it would change anything.
import { createHash } from 'node:crypto';
import type { FlowFile } from './types.js';

export interface TreeEntry {
  /** As the API lists it: 100644, 100755, 120000, 040000, 160000. */
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  name: string;
  sha: string;
}

/** Lists a tree by sha; `truncated` when the API could not list it whole. */
export type TreeReader = (sha: string) => Promise<{ entries: TreeEntry[]; truncated: boolean }>;

function objectId(type: string, body: Buffer): string {
  return createHash('sha1').update(`${type} ${body.length}\0`).update(body).digest('hex');
}

export function contentBytes(content: string | Buffer): Buffer {
  return typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
}

export function blobSha(content: string | Buffer): string {
  return objectId('blob', contentBytes(content));
}

/** git orders tree entries by name, comparing a subtree's name as if it ended in "/". */
function sortKey(e: TreeEntry): Buffer {
  return Buffer.from(e.type === 'tree' ? `${e.name}/` : e.name, 'utf8');
}

export function treeSha(entries: TreeEntry[]): string {
  const sorted = [...entries].sort((a, b) => Buffer.compare(sortKey(a), sortKey(b)));
  const parts: Buffer[] = [];
  for (const e of sorted) {
    // In the object a tree's mode is written without the leading zero the API shows.
    parts.push(Buffer.from(`${e.mode.replace(/^0+/, '')} ${e.name}\0`, 'utf8'), Buffer.from(e.sha, 'hex'));
  }
  return objectId('tree', Buffer.concat(parts));
}

export const EMPTY_TREE = treeSha([]);

class Truncated extends Error {}

interface Node {
  files: Map<string, FlowFile>;
  dirs: Map<string, Node>;
}

function layout(files: FlowFile[]): Node {
  const root: Node = { files: new Map(), dirs: new Map() };
  for (const f of files) {
    const parts = f.path.split('/');
    let node = root;
    for (const dir of parts.slice(0, -1)) {
      let next = node.dirs.get(dir);
      if (!next) node.dirs.set(dir, (next = { files: new Map(), dirs: new Map() }));
      node = next;
    }
    node.files.set(parts[parts.length - 1] as string, f);
  }
  return root;
}

async function rebuild(read: TreeReader, sha: string | undefined, node: Node): Promise<string | undefined> {
  const entries = new Map<string, TreeEntry>();
  if (sha) {
    const listed = await read(sha);
    if (listed.truncated) throw new Truncated();
    for (const e of listed.entries) entries.set(e.name, e);
  }
  for (const [name, f] of node.files) {
    if (f.content === null) entries.delete(name);
    else entries.set(name, { name, mode: f.executable ? '100755' : '100644', type: 'blob', sha: blobSha(f.content) });
  }
  for (const [name, child] of node.dirs) {
    const existing = entries.get(name);
    const sub = await rebuild(read, existing?.type === 'tree' ? existing.sha : undefined, child);
    // git never stores an empty tree below the root: a directory whose last file went, goes.
    if (sub === undefined) entries.delete(name);
    else entries.set(name, { name, mode: '040000', type: 'tree', sha: sub });
  }
  return entries.size === 0 ? undefined : treeSha([...entries.values()]);
}

/**
 * The sha of `base` with `files` written (or deleted) into it, reading only the trees along the
 * files' paths. Undefined when a tree was too large for the API to list whole.
 */
export async function treeWithFiles(read: TreeReader, base: string, files: FlowFile[]): Promise<string | undefined> {
  try {
    return (await rebuild(read, base, layout(files))) ?? EMPTY_TREE;
  } catch (e) {
    if (e instanceof Truncated) return undefined;
    throw e;
  }
}
