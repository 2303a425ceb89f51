// Preflight: before anything is written, find out how this token reaches the target (push,
// or fork + pull request) and refuse clearly when it can do neither.
import { ConfigurationError } from '../core/errors.js';
import { TOKEN_NEEDS } from './explain.js';
import type { FlowRemote, RepoInfo } from './remote.js';
import type { FlowLog, RepoRef, Route } from './types.js';

export type TokenKind = 'classic' | 'fine-grained' | 'app';

export interface Access {
  route: Route;
  target: RepoInfo;
  /** The branch of the target the files land on. */
  base: string;
  kind: TokenKind;
  /** The token's user; undefined for installation tokens. */
  login?: string;
  /** Owner of the repository that holds our branch: the target's owner, or the fork's. */
  headOwner: string;
  /** For a fork into an organization: its login (the `organization` parameter of POST /forks). */
  organization?: string;
}

const lc = (s: string) => s.toLowerCase();

export async function planAccess(remote: FlowRemote, req: { target: RepoRef; base?: string; pullRequest: boolean; forkOwner?: string }, log: FlowLog): Promise<Access> {
  const t = `${req.target.owner}/${req.target.repo}`;
  const target = await remote.repo(req.target);
  if (!target) {
    throw new ConfigurationError(`${t} does not exist, or the token cannot see it`, { fix: `check the repository name; ${TOKEN_NEEDS}` });
  }
  const login = await remote.login();
  const kind: TokenKind = target.scopes !== undefined ? 'classic' : login === undefined ? 'app' : 'fine-grained';
  const base = req.base ?? target.defaultBranch;
  if (kind === 'classic') {
    const scopes = target.scopes ?? [];
    const enough = scopes.includes('repo') || (!target.private && scopes.includes('public_repo'));
    if (!enough) {
      const need = target.private ? 'repo' : 'public_repo';
      throw new ConfigurationError(`the token cannot push to ${t}, fork it or open pull requests on it: its scopes are ${scopes.join(', ') || '(none)'}`, {
        fix: `give the classic token the ${need} scope (GitHub → Settings → Developer settings → Personal access tokens), or use a fine-grained token with Contents and Pull requests: Read and write on ${t}`,
      });
    }
  }
  if (target.canPush) {
    log.info(`the token may push to ${t}: ${req.pullRequest ? `a branch and a pull request in ${t}` : `committing onto ${base}`}`);
    return { route: req.pullRequest ? 'branch' : 'direct', target, base, kind, login, headOwner: target.owner };
  }
  if (kind === 'app' || login === undefined) {
    throw new ConfigurationError(`the token cannot push to ${t}, and an installation token (GITHUB_TOKEN or a GitHub App's) cannot fork it`, {
      fix: `GITHUB_TOKEN only writes to the workflow's own repository: pass a personal access token as token (${TOKEN_NEEDS})`,
    });
  }
  const forkOwner = req.forkOwner ?? login;
  if (lc(forkOwner) === lc(target.owner)) {
    throw new ConfigurationError(`the token of ${login} cannot push to ${t}, and a repository cannot be forked into its own owner`, {
      fix: kind === 'classic'
        ? `${login} needs write access to ${t} (its owner, a collaborator, or an organization member with write access)`
        : `grant the fine-grained token Contents and Pull requests: Read and write on ${t}`,
    });
  }
  let organization: string | undefined;
  if (lc(forkOwner) !== lc(login)) {
    const type = await remote.accountType(forkOwner);
    if (type === undefined) throw new ConfigurationError(`fork-owner "${forkOwner}" is not a GitHub account`, { fix: 'check the name, or leave fork-owner empty to fork into the token\'s own account' });
    if (type !== 'Organization') {
      throw new ConfigurationError(`fork-owner "${forkOwner}" is another user than the token's (${login}): GitHub forks only into the token's own account or an organization it belongs to`, {
        fix: `use a token of ${forkOwner} (e.g. the bot account's), or leave fork-owner empty`,
      });
    }
    organization = forkOwner;
  }
  if (kind === 'fine-grained') {
    log.warning(`a fine-grained token opens the pull request on ${t} from a fork: GitHub refuses that across owners today; if the pull request step fails with 403, use a classic token with the public_repo scope`);
  }
  log.info(`the token may not push to ${t}: forking it into ${forkOwner} and opening a pull request`);
  return { route: 'fork', target, base, kind, login, headOwner: forkOwner, organization };
}
