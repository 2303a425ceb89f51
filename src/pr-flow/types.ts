/** owner/name of a repository. */
export interface RepoRef {
  owner: string;
  repo: string;
}

export interface Identity {
  name: string;
  email: string;
}

/** One file the pull request writes; `content: null` deletes the path. */
export interface FlowFile {
  /** Repository path with forward slashes, no leading slash, e.g. `Formula/servin.rb`. */
  path: string;
  content: string | Buffer | null;
  /** Mode 100755 instead of 100644. */
  executable?: boolean;
}

export interface PrFlowRequest {
  /** The repository the files belong in (a tap, microsoft/winget-pkgs, a bucket). */
  target: RepoRef;
  /** Branch of the target to land on (default: the target's default branch). */
  base?: string;
  files: FlowFile[];
  /** Deterministic branch name (see branchName): reruns find their own branch and pull request by it. */
  branch: string;
  commitMessage: string;
  title: string;
  body: string;
  /**
   * With push access to the target: go through a branch and a pull request in the target
   * (true) or commit straight onto the base branch (false). Without push access a fork is
   * always used, whatever this says.
   */
  pullRequest: boolean;
  /** Account or organization that owns the fork (default: the token's user). */
  forkOwner?: string;
  /** Author and committer of the commit (default: the token's user, as GitHub fills it in). */
  committer?: Identity;
  /** Read everything, decide, print; write nothing. */
  dryRun: boolean;
}

/** How the token reaches the target. */
export type Route = 'direct' | 'branch' | 'fork';

export interface PullRef {
  number: number;
  url: string;
  state: 'open' | 'merged' | 'closed';
}

export interface PrFlowResult {
  route: Route;
  /** The repository holding the commit: the target, or the fork. */
  head: RepoRef;
  /** The branch holding the commit (the base branch for the direct route). */
  branch: string;
  /** The commit that carries the files ('' in a dry run that would make a new one). */
  commitSha: string;
  /** False when everything was already in place (or, in a dry run, would have been). */
  changed: boolean;
  /** What happened, in words (also logged). */
  outcome: string;
  pullRequest?: PullRef;
}

/** Where the flow reports progress; ActionIO fits. */
export interface FlowLog {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
}
