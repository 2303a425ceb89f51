// Git object ids computed locally must equal git's own, or reruns would never recognise their
// own commit as current. Vectors below were made with `git write-tree` (git 2.39).
import { describe, expect, test } from '@jest/globals';
import { blobSha, EMPTY_TREE, treeSha, treeWithFiles, type TreeEntry, type TreeReader } from '../../src/pr-flow/index.js';

/** A reader over an in-memory set of trees, counting what it was asked for. */
function memory(trees: Record<string, TreeEntry[]>, truncated: string[] = []) {
  const asked: string[] = [];
  const read: TreeReader = async (sha) => {
    asked.push(sha);
    if (sha === EMPTY_TREE) return { entries: [], truncated: false };
    const entries = trees[sha];
    if (!entries) throw new Error(`no tree ${sha}`);
    return { entries, truncated: truncated.includes(sha) };
  };
  return { read, asked };
}

describe('git object ids', () => {
  test('blob and empty tree match git', () => {
    expect(blobSha('hello\n')).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
    expect(blobSha(Buffer.from('#!/bin/sh\n'))).toBe('1a2485251c33a70432394c93fb89330ef214bfc9');
    expect(EMPTY_TREE).toBe('4b825dc642cb6eb9a060e54bf8d69288fbee4904');
  });

  test('a tree from files matches git write-tree, including git\'s order ("a-c" < "a.b" < "a/") and modes', async () => {
    const { read } = memory({});
    const sha = await treeWithFiles(read, EMPTY_TREE, [
      { path: 'a/b/run', content: '#!/bin/sh\n', executable: true },
      { path: 'Formula/x.rb', content: 'hello\n' },
      { path: 'a.b', content: 'x' },
      { path: 'a-c', content: 'y' },
    ]);
    expect(sha).toBe('2c3ebf5654432104b41ab4611e54e2cb89eed3d6');
  });

  test('the API\'s 040000 for trees is written as 40000 inside the object', () => {
    const entry = (mode: string): TreeEntry => ({ mode, type: 'tree', name: 'Formula', sha: '523ebe46eb39eeeb2d9384a64a191abb890ce6e7' });
    expect(treeSha([entry('040000')])).toBe(treeSha([entry('40000')]));
  });
});

describe('treeWithFiles on an existing tree', () => {
  // root: README.md, Formula/ { x.rb }
  const formula: TreeEntry[] = [{ mode: '100644', type: 'blob', name: 'x.rb', sha: blobSha('hello\n') }];
  const formulaSha = treeSha(formula);
  const root: TreeEntry[] = [
    { mode: '100644', type: 'blob', name: 'README.md', sha: blobSha('# tap\n') },
    { mode: '040000', type: 'tree', name: 'Formula', sha: formulaSha },
  ];
  const rootSha = treeSha(root);
  const trees = { [rootSha]: root, [formulaSha]: formula };

  test('writing identical content gives back the same tree (a rerun with nothing changed)', async () => {
    expect(await treeWithFiles(memory(trees).read, rootSha, [{ path: 'Formula/x.rb', content: 'hello\n' }])).toBe(rootSha);
  });

  test('only the trees along the paths are read', async () => {
    const m = memory(trees);
    const sha = await treeWithFiles(m.read, rootSha, [{ path: 'Formula/y.rb', content: 'class Y\n' }]);
    expect(m.asked).toEqual([rootSha, formulaSha]);
    const newFormula = treeSha([...formula, { mode: '100644', type: 'blob', name: 'y.rb', sha: blobSha('class Y\n') }]);
    expect(sha).toBe(treeSha([root[0]!, { mode: '040000', type: 'tree', name: 'Formula', sha: newFormula }]));
  });

  test('deleting the last file of a directory removes the directory, as git does', async () => {
    expect(await treeWithFiles(memory(trees).read, rootSha, [{ path: 'Formula/x.rb', content: null }])).toBe(treeSha([root[0]!]));
  });

  test('a directory git could not list whole (truncated) gives undefined instead of a wrong sha', async () => {
    expect(await treeWithFiles(memory(trees, [formulaSha]).read, rootSha, [{ path: 'Formula/y.rb', content: 'x' }])).toBeUndefined();
  });

  test('a changed mode is a changed tree', async () => {
    const sha = await treeWithFiles(memory(trees).read, rootSha, [{ path: 'Formula/x.rb', content: 'hello\n', executable: true }]);
    expect(sha).not.toBe(rootSha);
  });
});
