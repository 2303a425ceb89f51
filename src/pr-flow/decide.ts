// The decision table of the pull-request flow, kept pure so every row has a unit test.

export interface BranchState {
  sha: string;
  tree: string;
  parents: string[];
}

export interface PullState {
  number: number;
  url: string;
  title: string;
  body: string;
  state: 'open' | 'closed';
  merged: boolean;
  headSha: string;
  mergeCommitSha: string | null;
}

export interface Observed {
  /** 'direct' commits onto the base branch; 'branch' goes through a branch and a pull request. */
  mode: 'direct' | 'branch';
  upstreamHead: string;
  upstreamTree: string;
  /** The tree we want (upstream's tree with our files), or undefined when it could not be computed. */
  wantedTree: string | undefined;
  /** Our branch in the head repository, if it exists. */
  branch?: BranchState;
  /** Pull requests from our branch into the target (any state). */
  pulls: PullState[];
  title: string;
  body: string;
}

export type NoOp = 'merged' | 'base-has-files' | 'current';

export interface Plan {
  /** Make a commit on the upstream head with the wanted tree. */
  commit: boolean;
  /** What to do with the ref: the base (fast-forward) or our branch (create / force-update). */
  ref: 'none' | 'create' | 'force-update' | 'fast-forward';
  pull: 'none' | 'create' | 'update' | 'keep';
  /** The pull request the plan is about (open, or the merged one for a no-op). */
  existing?: PullState;
  noOp?: NoOp;
  changed: boolean;
  reason: string;
}

const same = (a: string, b: string) => a.replace(/\r\n/g, '\n').trim() === b.replace(/\r\n/g, '\n').trim();

function plan(p: Omit<Plan, 'changed'>): Plan {
  return { ...p, changed: p.commit || p.ref !== 'none' || p.pull === 'create' || p.pull === 'update' };
}

export function decide(o: Observed): Plan {
  const baseHasFiles = o.wantedTree !== undefined && o.wantedTree === o.upstreamTree;
  if (o.mode === 'direct') {
    if (baseHasFiles) return plan({ commit: false, ref: 'none', pull: 'none', noOp: 'base-has-files', reason: 'the base branch already has these files' });
    return plan({ commit: true, ref: 'fast-forward', pull: 'none', reason: 'commit the files onto the base branch' });
  }
  const open = o.pulls.find((p) => p.state === 'open');
  const merged = o.pulls.find((p) => p.merged);
  if (!open && merged) return plan({ commit: false, ref: 'none', pull: 'none', existing: merged, noOp: 'merged', reason: `pull request #${merged.number} for this version was merged already` });
  if (baseHasFiles) {
    return plan({ commit: false, ref: 'none', pull: open ? 'keep' : 'none', existing: open, noOp: 'base-has-files', reason: open ? `the base branch already has these files (pull request #${open.number} is left as it is)` : 'the base branch already has these files' });
  }
  const metaChanged = open !== undefined && (!same(open.title, o.title) || !same(open.body, o.body));
  const b = o.branch;
  const current = b !== undefined && o.wantedTree !== undefined && b.tree === o.wantedTree && b.parents.length === 1 && b.parents[0] === o.upstreamHead;
  if (current && open) {
    return plan({ commit: false, ref: 'none', pull: metaChanged ? 'update' : 'keep', existing: open, noOp: metaChanged ? undefined : 'current', reason: metaChanged ? `update the title and description of #${open.number}` : `branch and pull request #${open.number} are up to date` });
  }
  if (current) return plan({ commit: false, ref: 'none', pull: 'create', reason: 'the branch is up to date; open its pull request' });
  const why = !b ? 'create the branch from the base head' : b.parents[0] !== o.upstreamHead ? 'the base moved: rebuild the branch on its new head' : 'the files changed: rebuild the branch';
  const pull = !open ? 'create' : metaChanged ? 'update' : 'keep';
  return plan({ commit: true, ref: b ? 'force-update' : 'create', pull, existing: open, reason: open ? `${why}; pull request #${open.number} follows it${metaChanged ? ' (title and description updated)' : ''}` : `${why}, then open a pull request` });
}
