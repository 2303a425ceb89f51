// JSON bodies in GitHub's shapes. Field lists follow the official OpenAPI description (the
// validator enforces them); values are plausible, URLs point at the stand-in.
import type { Asset, Pull, Release, Repo, State, User } from './state.js';

export interface Urls {
  /** REST base, e.g. http://127.0.0.1:P/api/v3 */
  api: string;
  /** Web and git base, e.g. http://127.0.0.1:P */
  server: string;
  /** Upload base, e.g. http://127.0.0.1:P/api/uploads */
  uploads: string;
}

const node = (prefix: string, id: number): string => `${prefix}_kwDO${Buffer.from(String(id)).toString('base64url')}`;

export function simpleUser(u: Urls, user: User): Record<string, unknown> {
  const url = `${u.api}/users/${user.login}`;
  return {
    login: user.login, id: user.id, node_id: node(user.type === 'User' ? 'U' : 'O', user.id),
    avatar_url: `${u.server}/avatars/${user.login}`, gravatar_id: '', url, html_url: `${u.server}/${user.login}`,
    followers_url: `${url}/followers`, following_url: `${url}/following{/other_user}`, gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`, subscriptions_url: `${url}/subscriptions`, organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`, events_url: `${url}/events{/privacy}`, received_events_url: `${url}/received_events`,
    type: user.type, user_view_type: 'public', site_admin: false,
  };
}

export function publicUser(u: Urls, user: User, publicRepos: number): Record<string, unknown> {
  return {
    ...simpleUser(u, user), name: user.name, company: null, blog: '', location: null, email: user.email,
    hireable: null, bio: null, twitter_username: null, public_repos: publicRepos, public_gists: 0,
    followers: 0, following: 0, created_at: user.createdAt, updated_at: user.createdAt,
  };
}

export function privateUser(u: Urls, user: User, publicRepos: number, privateRepos: number): Record<string, unknown> {
  return {
    ...publicUser(u, user, publicRepos), user_view_type: 'private', private_gists: 0, total_private_repos: privateRepos,
    owned_private_repos: privateRepos, disk_usage: 0, collaborators: 0, two_factor_authentication: true,
    plan: { name: 'free', space: 976562499, collaborators: 0, private_repos: 10000 },
  };
}

export interface RepoPermissions {
  admin: boolean;
  maintain: boolean;
  push: boolean;
  triage: boolean;
  pull: boolean;
}

/** The `repository` schema (PR head/base, fork parent/source). */
export function repository(u: Urls, st: State, repo: Repo, permissions?: RepoPermissions): Record<string, unknown> {
  const full = `${repo.owner}/${repo.name}`;
  const url = `${u.api}/repos/${full}`;
  const owner = st.ensureUser(repo.owner);
  const forks = [...st.repos.values()].filter((r) => r.parent === full.toLowerCase()).length;
  const openPulls = repo.pulls.filter((p) => p.state === 'open').length;
  return {
    id: repo.id, node_id: node('R', repo.id), name: repo.name, full_name: full, owner: simpleUser(u, owner),
    private: repo.private, html_url: `${u.server}/${full}`, description: null, fork: repo.parent !== null, url,
    archive_url: `${url}/{archive_format}{/ref}`, assignees_url: `${url}/assignees{/user}`, blobs_url: `${url}/git/blobs{/sha}`,
    branches_url: `${url}/branches{/branch}`, collaborators_url: `${url}/collaborators{/collaborator}`,
    comments_url: `${url}/comments{/number}`, commits_url: `${url}/commits{/sha}`, compare_url: `${url}/compare/{base}...{head}`,
    contents_url: `${url}/contents/{+path}`, contributors_url: `${url}/contributors`, deployments_url: `${url}/deployments`,
    downloads_url: `${url}/downloads`, events_url: `${url}/events`, forks_url: `${url}/forks`,
    git_commits_url: `${url}/git/commits{/sha}`, git_refs_url: `${url}/git/refs{/sha}`, git_tags_url: `${url}/git/tags{/sha}`,
    git_url: `${u.server.replace(/^https?:/, 'git:')}/${full}.git`, issue_comment_url: `${url}/issues/comments{/number}`,
    issue_events_url: `${url}/issues/events{/number}`, issues_url: `${url}/issues{/number}`, keys_url: `${url}/keys{/key_id}`,
    labels_url: `${url}/labels{/name}`, languages_url: `${url}/languages`, merges_url: `${url}/merges`,
    milestones_url: `${url}/milestones{/number}`, notifications_url: `${url}/notifications{?since,all,participating}`,
    pulls_url: `${url}/pulls{/number}`, releases_url: `${url}/releases{/id}`, ssh_url: `git@127.0.0.1:${full}.git`,
    stargazers_url: `${url}/stargazers`, statuses_url: `${url}/statuses/{sha}`, subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`, tags_url: `${url}/tags`, teams_url: `${url}/teams`, trees_url: `${url}/git/trees{/sha}`,
    clone_url: `${u.server}/${full}.git`, mirror_url: null, hooks_url: `${url}/hooks`, svn_url: `${u.server}/${full}`,
    homepage: null, language: null, forks_count: forks, forks, stargazers_count: 0, watchers_count: 0, watchers: 0,
    size: 1, default_branch: repo.defaultBranch, open_issues_count: openPulls, open_issues: openPulls, is_template: false,
    topics: [], has_issues: true, has_projects: true, has_wiki: true, has_pages: false, has_downloads: true,
    has_discussions: false, archived: false, disabled: false, visibility: repo.private ? 'private' : 'public',
    pushed_at: repo.pushedAt, created_at: repo.createdAt, updated_at: repo.pushedAt, license: null,
    allow_forking: true, web_commit_signoff_required: false,
    ...(permissions ? { permissions } : {}),
  };
}

/** The `full-repository` schema (GET /repos/{owner}/{repo}). */
export function fullRepository(u: Urls, st: State, repo: Repo, permissions: RepoPermissions | undefined): Record<string, unknown> {
  const body: Record<string, unknown> = {
    ...repository(u, st, repo, permissions),
    network_count: 0, subscribers_count: 0, allow_merge_commit: true, allow_squash_merge: true, allow_rebase_merge: true,
    allow_auto_merge: false, delete_branch_on_merge: false, allow_update_branch: false,
  };
  if (repo.parent) {
    const parent = st.repos.get(repo.parent);
    let source = parent;
    while (source?.parent) source = st.repos.get(source.parent) ?? source;
    if (parent) body.parent = repository(u, st, parent);
    if (source) body.source = repository(u, st, source);
  }
  const owner = st.ensureUser(repo.owner);
  if (owner.type === 'Organization') body.organization = simpleUser(u, owner);
  return body;
}

export function asset(u: Urls, st: State, repo: Repo, release: Release, a: Asset): Record<string, unknown> {
  const tag = release.draft ? release.untaggedId : release.tagName;
  return {
    url: `${u.api}/repos/${repo.owner}/${repo.name}/releases/assets/${a.id}`,
    id: a.id, node_id: node('RA', a.id), name: a.name, label: a.label,
    uploader: simpleUser(u, st.ensureUser(a.uploader)), content_type: a.contentType, state: a.state,
    size: a.data.length, digest: a.digest, download_count: a.downloadCount, created_at: a.createdAt, updated_at: a.updatedAt,
    browser_download_url: `${u.server}/${repo.owner}/${repo.name}/releases/download/${encodeURIComponent(tag)}/${encodeURIComponent(a.name)}`,
  };
}

export function release(u: Urls, st: State, repo: Repo, r: Release): Record<string, unknown> {
  const full = `${repo.owner}/${repo.name}`;
  const url = `${u.api}/repos/${full}/releases/${r.id}`;
  const tag = r.draft ? r.untaggedId : r.tagName;
  return {
    url, assets_url: `${url}/assets`, upload_url: `${u.uploads}/repos/${full}/releases/${r.id}/assets{?name,label}`,
    html_url: `${u.server}/${full}/releases/tag/${encodeURIComponent(tag)}`, id: r.id, node_id: node('RE', r.id),
    author: simpleUser(u, st.ensureUser(r.author)), tag_name: r.tagName, target_commitish: r.targetCommitish,
    name: r.name, body: r.body, draft: r.draft, prerelease: r.prerelease, immutable: r.immutable,
    created_at: r.createdAt, published_at: r.publishedAt, updated_at: r.updatedAt,
    assets: r.assets.map((a) => asset(u, st, repo, r, a)),
    tarball_url: r.draft ? null : `${u.api}/repos/${full}/tarball/${encodeURIComponent(r.tagName)}`,
    zipball_url: r.draft ? null : `${u.api}/repos/${full}/zipball/${encodeURIComponent(r.tagName)}`,
  };
}

export function gitIdentity(i: { name: string; email: string; date?: string }): Record<string, string> {
  return { name: i.name, email: i.email, date: i.date ?? '' };
}

export const unsigned = { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null };

export function gitCommit(u: Urls, repo: Repo, sha: string, c: { tree: string; parents: string[]; author: { name: string; email: string; date?: string }; committer: { name: string; email: string; date?: string }; message: string }): Record<string, unknown> {
  const full = `${repo.owner}/${repo.name}`;
  return {
    sha, node_id: node('C', parseInt(sha.slice(0, 8), 16)), url: `${u.api}/repos/${full}/git/commits/${sha}`,
    html_url: `${u.server}/${full}/commit/${sha}`, author: gitIdentity(c.author), committer: gitIdentity(c.committer),
    tree: { sha: c.tree, url: `${u.api}/repos/${full}/git/trees/${c.tree}` }, message: c.message,
    parents: c.parents.map((p) => ({ sha: p, url: `${u.api}/repos/${full}/git/commits/${p}`, html_url: `${u.server}/${full}/commit/${p}` })),
    verification: unsigned,
  };
}

export function pull(u: Urls, st: State, base: Repo, p: Pull, shas: { head: string; base: string }, detail: boolean): Record<string, unknown> {
  const full = `${base.owner}/${base.name}`;
  const url = `${u.api}/repos/${full}/pulls/${p.number}`;
  const html = `${u.server}/${full}/pull/${p.number}`;
  const issue = `${u.api}/repos/${full}/issues/${p.number}`;
  const headRepo = st.repos.get(p.headRepo);
  const link = (href: string) => ({ href });
  const body: Record<string, unknown> = {
    url, id: p.id, node_id: node('PR', p.id), html_url: html, diff_url: `${html}.diff`, patch_url: `${html}.patch`,
    issue_url: issue, commits_url: `${url}/commits`, review_comments_url: `${url}/comments`,
    review_comment_url: `${u.api}/repos/${full}/pulls/comments{/number}`, comments_url: `${issue}/comments`,
    statuses_url: `${u.api}/repos/${full}/statuses/${shas.head}`, number: p.number, state: p.state, locked: false,
    title: p.title, user: simpleUser(u, st.ensureUser(p.user)), body: p.body, labels: [], milestone: null,
    active_lock_reason: null, created_at: p.createdAt, updated_at: p.updatedAt, closed_at: p.closedAt, merged_at: p.mergedAt,
    merge_commit_sha: p.mergeCommitSha, assignee: null, assignees: [], requested_reviewers: [], requested_teams: [],
    head: {
      label: `${headRepo?.owner ?? base.owner}:${p.headRef}`, ref: p.headRef, sha: shas.head,
      user: simpleUser(u, st.ensureUser(headRepo?.owner ?? base.owner)), repo: headRepo ? repository(u, st, headRepo) : null,
    },
    base: { label: `${base.owner}:${p.baseRef}`, ref: p.baseRef, sha: shas.base, user: simpleUser(u, st.ensureUser(base.owner)), repo: repository(u, st, base) },
    _links: {
      self: link(url), html: link(html), issue: link(issue), comments: link(`${issue}/comments`),
      review_comments: link(`${url}/comments`), review_comment: link(`${u.api}/repos/${full}/pulls/comments{/number}`),
      commits: link(`${url}/commits`), statuses: link(`${u.api}/repos/${full}/statuses/${shas.head}`),
    },
    author_association: p.user.toLowerCase() === base.owner.toLowerCase() ? 'OWNER' : 'CONTRIBUTOR', auto_merge: null, draft: p.draft,
  };
  if (detail) {
    Object.assign(body, {
      merged: p.mergedAt !== null, mergeable: p.state === 'open' ? true : null, rebaseable: p.state === 'open' ? true : null,
      mergeable_state: p.state === 'open' ? 'clean' : 'unknown', merged_by: p.mergedBy ? simpleUser(u, st.ensureUser(p.mergedBy)) : null,
      comments: 0, review_comments: 0, maintainer_can_modify: p.maintainerCanModify, commits: 1, additions: 1, deletions: 0, changed_files: 1,
    });
  }
  return body;
}
