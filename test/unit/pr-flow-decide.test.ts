// The decision table of the pull-request flow, row by row.
import { describe, expect, test } from '@jest/globals';
import { decide, type Observed } from '../../src/pr-flow/index.js';

const HEAD = 'a'.repeat(40);
const OLD = 'b'.repeat(40);
const UPSTREAM_TREE = 'c'.repeat(40);
const WANTED = 'd'.repeat(40);
const pull = (o: Partial<Observed['pulls'][number]> = {}) => ({ number: 7, url: 'https://x/pull/7', title: 'servin 1.0.0', body: 'body', state: 'open' as const, merged: false, headSha: 'e'.repeat(40), mergeCommitSha: null, ...o });
const observed = (o: Partial<Observed> = {}): Observed => ({ mode: 'branch', upstreamHead: HEAD, upstreamTree: UPSTREAM_TREE, wantedTree: WANTED, pulls: [], title: 'servin 1.0.0', body: 'body', ...o });
const current = { sha: 'f'.repeat(40), tree: WANTED, parents: [HEAD] };

describe('direct route (own tap, no pull request)', () => {
  test('files already on the base: nothing', () => {
    expect(decide(observed({ mode: 'direct', wantedTree: UPSTREAM_TREE }))).toMatchObject({ commit: false, ref: 'none', changed: false, noOp: 'base-has-files' });
  });
  test('otherwise one commit, fast-forwarded onto the base', () => {
    expect(decide(observed({ mode: 'direct' }))).toMatchObject({ commit: true, ref: 'fast-forward', pull: 'none', changed: true });
  });
  test('an unknown wanted tree (too large to list) is treated as a change', () => {
    expect(decide(observed({ mode: 'direct', wantedTree: undefined }))).toMatchObject({ commit: true, changed: true });
  });
});

describe('branch route (a pull request, from the target or a fork)', () => {
  test('first run: create the branch from the upstream head and open a pull request', () => {
    expect(decide(observed())).toMatchObject({ commit: true, ref: 'create', pull: 'create', changed: true });
  });
  test('rerun with nothing changed: branch and pull request current, nothing written', () => {
    expect(decide(observed({ branch: current, pulls: [pull()] }))).toMatchObject({ commit: false, ref: 'none', pull: 'keep', changed: false, noOp: 'current' });
  });
  test('upstream moved: rebuild on the new head (force-update), keep the pull request', () => {
    const p = decide(observed({ branch: { ...current, parents: [OLD] }, pulls: [pull()] }));
    expect(p).toMatchObject({ commit: true, ref: 'force-update', pull: 'keep', changed: true });
    expect(p.reason).toMatch(/base moved/);
  });
  test('files changed: rebuild, and update the title/description when they changed', () => {
    expect(decide(observed({ branch: { ...current, tree: 'e'.repeat(40) }, pulls: [pull({ title: 'old title' })] }))).toMatchObject({ commit: true, ref: 'force-update', pull: 'update' });
  });
  test('only the title changed: a PATCH, no commit', () => {
    expect(decide(observed({ branch: current, pulls: [pull({ title: 'New package: X' })] }))).toMatchObject({ commit: false, ref: 'none', pull: 'update', changed: true });
  });
  test('line endings and trailing whitespace do not count as a changed description', () => {
    expect(decide(observed({ branch: current, body: 'a\nb\n', pulls: [pull({ body: 'a\r\nb' })] }))).toMatchObject({ pull: 'keep', changed: false });
  });
  test('branch current but its pull request missing (a run died in between): open it', () => {
    expect(decide(observed({ branch: current }))).toMatchObject({ commit: false, ref: 'none', pull: 'create', changed: true });
  });
  test('a branch with extra commits on top is rebuilt, not extended', () => {
    expect(decide(observed({ branch: { ...current, parents: ['9'.repeat(40)] } }))).toMatchObject({ commit: true, ref: 'force-update' });
  });
  test('a merged pull request for this version: nothing to do, whatever the branch looks like', () => {
    const merged = pull({ state: 'closed', merged: true, mergeCommitSha: '1'.repeat(40) });
    expect(decide(observed({ pulls: [merged] }))).toMatchObject({ commit: false, ref: 'none', pull: 'none', changed: false, noOp: 'merged', existing: merged });
  });
  test('merged earlier but open again (a second pull request from the branch): follow the open one', () => {
    const p = decide(observed({ branch: current, pulls: [pull({ number: 9 }), pull({ state: 'closed', merged: true })] }));
    expect(p).toMatchObject({ noOp: 'current', existing: { number: 9 } });
  });
  test('closed without merging: a new pull request is opened', () => {
    expect(decide(observed({ branch: current, pulls: [pull({ state: 'closed' })] }))).toMatchObject({ pull: 'create', changed: true });
  });
  test('the base already has these files (someone committed them): nothing to do, an open pull request is left alone', () => {
    expect(decide(observed({ wantedTree: UPSTREAM_TREE }))).toMatchObject({ commit: false, pull: 'none', changed: false, noOp: 'base-has-files' });
    expect(decide(observed({ wantedTree: UPSTREAM_TREE, pulls: [pull()] }))).toMatchObject({ commit: false, pull: 'keep', changed: false, noOp: 'base-has-files' });
  });
});
