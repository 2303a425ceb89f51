import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { EOL, tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendSummary, command, escapeData, escapeProperty, readInput, RunnerLog, writeOutput } from '../../src/core/runner-commands.js';
import { parseOutputFile } from '../support/run-action.js';

const dir = mkdtempSync(join(tmpdir(), 'pa-runner-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('workflow command lines', () => {
  test('data escapes %, CR and LF; properties also : and ,', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('package-actions: a,b\n')).toBe('package-actions%3A a%2Cb%0A');
  });

  test('properties in the order given, empty ones left out; a message cannot end the command', () => {
    expect(command('error', { title: 'package-actions: contents[0].src', file: 'pkg.yml', line: 7, endLine: undefined, col: 5 }, 'missing\n::error::fake')).toBe(
      '::error title=package-actions%3A contents[0].src,file=pkg.yml,line=7,col=5::missing%0A::error::fake',
    );
    expect(command('debug', {}, 'x')).toBe('::debug::x');
    expect(command('warning', { title: '', file: undefined }, 'w')).toBe('::warning::w');
  });

  test('RunnerLog: info as is, masks, annotations, and a group closed even when its work throws', async () => {
    const lines: string[] = [];
    const log = new RunnerLog((text) => lines.push(text));
    log.info('plain: text, 100%');
    log.mask('s3cr%t');
    log.annotate('warning', 'careful', { file: 'a.yml', line: 2 });
    await expect(log.group('Build', async () => { log.debug('inside'); throw new Error('boom'); })).rejects.toThrow('boom');
    expect(lines.join('')).toBe(['plain: text, 100%', '::add-mask::s3cr%25t', '::warning file=a.yml,line=2::careful', '::group::Build', '::debug::inside', '::endgroup::', ''].join(EOL));
  });
});

describe('inputs, outputs and the summary', () => {
  test('inputs: INPUT_ + upper case with spaces as _, trimmed, empty when unset', () => {
    const env = { 'INPUT_OUTPUT-DIR': '  out/packages \n', INPUT_MY_FLAG: 'true' };
    expect(readInput('output-dir', env)).toBe('out/packages');
    expect(readInput('my flag', env)).toBe('true');
    expect(readInput('absent', env)).toBe('');
  });

  test('outputs go to GITHUB_OUTPUT as heredoc blocks that keep any value, several lines too', () => {
    const file = join(dir, 'output');
    writeFileSync(file, '');
    const env = { GITHUB_OUTPUT: file };
    writeOutput('files', '["a.deb","b = c.deb"]', env);
    writeOutput('notes', 'line one\nline two=2\n', env);
    writeOutput('empty', '', env);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^files<<ghadelimiter_[0-9a-f-]{36}\n/);
    expect(parseOutputFile(text)).toEqual({ files: '["a.deb","b = c.deb"]', notes: 'line one\nline two=2\n', empty: '' });
  });

  test('without GITHUB_OUTPUT (an old runner), the set-output command', () => {
    const lines: string[] = [];
    writeOutput('version', '1.2.3', {}, (t) => lines.push(t));
    expect(lines.join('')).toBe(`${EOL}::set-output name=version::1.2.3${EOL}`);
  });

  test('the summary is appended to GITHUB_STEP_SUMMARY; without it nothing is written', () => {
    const file = join(dir, 'summary');
    writeFileSync(file, '<p>before</p>\n');
    expect(appendSummary('<h3>built</h3>\n', { GITHUB_STEP_SUMMARY: file })).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('<p>before</p>\n<h3>built</h3>\n');
    expect(appendSummary('x', {})).toBe(false);
  });
});
