// Rebuilds dist/ and fails if the result differs from what is committed: the actions run the
// committed dist/, so a source change without a rebuild would ship old code. Modified,
// deleted and new (untracked) files under dist/ all count as stale. The rebuilt dist/ is left
// in place, so after a failure `git add dist && git commit` is the fix.
// When GITHUB_STEP_SUMMARY is set, the list and the diff also go to the job summary.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';

const SUMMARY_DIFF_LIMIT = 60_000;

function git(args) {
  return execFileSync('git', args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

try {
  git(['rev-parse', '--is-inside-work-tree']);
} catch {
  console.error('check-dist: not a git work tree, so there is no committed dist/ to compare with');
  process.exit(1);
}

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error(`check-dist: node scripts/build.mjs failed (exit ${build.status ?? build.signal})`);
  process.exit(1);
}

// -z: paths verbatim (no quoting of unusual names); --untracked-files=all lists new files one by one.
const entries = git(['status', '--porcelain', '-z', '--untracked-files=all', '--', 'dist'])
  .split('\0')
  .filter(Boolean)
  .map((line) => ({ code: line.slice(0, 2), path: line.slice(3) }));

if (entries.length === 0) {
  console.log('check-dist: dist/ matches the sources');
  process.exit(0);
}

const label = (code) => (code === '??' ? 'new, not committed' : code.includes('D') ? 'deleted by the build' : 'changed');
const list = entries.map((e) => `  ${e.path} (${label(e.code)})`).join('\n');
console.error(`check-dist: dist/ is stale; ${entries.length} file(s) differ from a fresh build:\n${list}`);
console.error('fix: run `npm run build` and commit dist/');

// --text: .gitattributes marks dist/** as -diff, which would hide the change.
const diff = git(['diff', '--text', '--stat', '--', 'dist']) + '\n' + git(['diff', '--text', '--', 'dist']);
if (process.env.GITHUB_STEP_SUMMARY) {
  const shown = diff.length > SUMMARY_DIFF_LIMIT ? `${diff.slice(0, SUMMARY_DIFF_LIMIT)}\n... (${diff.length - SUMMARY_DIFF_LIMIT} more characters)` : diff;
  appendFileSync(
    process.env.GITHUB_STEP_SUMMARY,
    [
      '### check-dist: dist/ is stale',
      '',
      'Run `npm run build` and commit `dist/`. Files that differ from a fresh build:',
      '',
      ...entries.map((e) => `- \`${e.path}\` (${label(e.code)})`),
      '',
      '<details><summary>diff</summary>',
      '',
      '```diff',
      shown.replaceAll('```', '` ` `'),
      '```',
      '',
      '</details>',
      '',
    ].join('\n'),
  );
}
process.exit(1);
