#!/usr/bin/env node
// Writes test/support/github/openapi-subset.json: the operations the GitHub stand-in serves, cut from
// GitHub's official OpenAPI description (npm package @octokit/openapi, pinned below), with only the
// component schemas they reference. The stand-in checks every request body and response against it.
//
//   node scripts/gen-gh-openapi-subset.mjs                # npm pack the pinned version into a temp dir
//   node scripts/gen-gh-openapi-subset.mjs --spec FILE    # or use an unpacked api.github.com.json
//
// The package is not a dependency on purpose: it unpacks to 385 MB, of which we need 13 MB for a
// 0.3 MB result. Bump PINNED, rerun, and commit the regenerated file together with any stand-in fixes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PINNED = '@octokit/openapi@23.0.2';
const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'support', 'github', 'openapi-subset.json');

// Every operation the stand-in answers (operationIds of api.github.com).
const OPERATIONS = [
  'users/get-authenticated', 'users/get-by-username', 'rate-limit/get',
  'repos/get', 'repos/create-fork', 'repos/merge-upstream', 'repos/list-branches', 'repos/get-branch',
  'repos/get-content', 'repos/create-or-update-file-contents',
  'repos/list-releases', 'repos/create-release', 'repos/get-release', 'repos/update-release', 'repos/delete-release',
  'repos/get-latest-release', 'repos/get-release-by-tag', 'repos/generate-release-notes',
  'repos/list-release-assets', 'repos/upload-release-asset', 'repos/get-release-asset', 'repos/update-release-asset',
  'repos/delete-release-asset',
  'git/get-ref', 'git/list-matching-refs', 'git/create-ref', 'git/update-ref', 'git/delete-ref',
  'git/create-blob', 'git/get-blob', 'git/create-tree', 'git/get-tree', 'git/create-commit', 'git/get-commit',
  'git/create-tag', 'git/get-tag',
  'pulls/list', 'pulls/create', 'pulls/get', 'pulls/update',
];

// Keywords that only document; dropping them keeps the file small and Ajv quiet.
const DOC_KEYWORDS = new Set(['description', 'example', 'examples', 'externalDocs', 'discriminator', 'xml', 'title']);

function loadSpec() {
  const i = process.argv.indexOf('--spec');
  if (i > 0) return JSON.parse(readFileSync(process.argv[i + 1], 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'gh-openapi-'));
  try {
    const shell = process.platform === 'win32';
    const out = execFileSync('npm', ['pack', PINNED, '--silent', '--pack-destination', dir], { encoding: 'utf8', shell });
    const tgz = out.trim().split('\n').pop();
    const member = 'package/generated/api.github.com.json';
    execFileSync('tar', ['-xzf', join(dir, tgz), '-C', dir, member]);
    return JSON.parse(readFileSync(join(dir, member), 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * OpenAPI 3.0 schema → JSON Schema Ajv accepts: nullable becomes a null type, $ref siblings go,
 * oneOf becomes anyOf (see below).
 */
function fixSchema(node, formats) {
  if (Array.isArray(node)) return node.map((n) => fixSchema(n, formats));
  if (node === null || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string') {
    // OpenAPI 3.0 ignores $ref siblings; only nullable changes meaning.
    const ref = { $ref: node.$ref.replace('#/components/schemas/', 'gh#/components/schemas/') };
    return node.nullable ? { anyOf: [ref, { type: 'null' }] } : ref;
  }
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (DOC_KEYWORDS.has(key) || key.startsWith('x-') || key === 'nullable') continue;
    if (key === 'oneOf') {
      // Several oneOfs list branches that all accept the same body (e.g. basic-error and
      // repository-rule-violation-error, every field optional), so no body can match exactly one.
      out.anyOf = fixSchema(value, formats);
    } else if (key === 'properties' || key === 'patternProperties') {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fixSchema(v, formats)]));
    } else {
      out[key] = fixSchema(value, formats);
    }
  }
  if (typeof out.format === 'string') formats.add(out.format);
  if (node.nullable === true) {
    // Ajv throws on "nullable" without "type" (128 places, next to allOf/oneOf/$ref), so spell it out.
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    } else {
      return { anyOf: [out, { type: 'null' }] };
    }
  }
  return out;
}

function resolve(spec, node) {
  while (node && typeof node.$ref === 'string' && !node.$ref.startsWith('#/components/schemas/')) {
    node = node.$ref.split('/').slice(1).reduce((n, k) => n[k], spec);
  }
  return node;
}

function collectRefs(node, found) {
  if (Array.isArray(node)) return node.forEach((n) => collectRefs(n, found));
  if (node === null || typeof node !== 'object') return;
  if (typeof node.$ref === 'string' && node.$ref.startsWith('gh#/components/schemas/')) found.add(node.$ref.slice(23));
  for (const v of Object.values(node)) collectRefs(v, found);
}

function contentSchemas(spec, content, formats) {
  if (!content) return null;
  const out = {};
  for (const [type, media] of Object.entries(content)) out[type] = media.schema ? fixSchema(resolve(spec, media.schema), formats) : null;
  return out;
}

function main() {
  const spec = loadSpec();
  const formats = new Set();
  const operations = {};
  const byId = new Map();
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) if (op && op.operationId) byId.set(op.operationId, { path, method, op, shared: item.parameters ?? [] });
  }
  for (const id of OPERATIONS) {
    const found = byId.get(id);
    if (!found) throw new Error(`operation ${id} is not in ${PINNED}`);
    const { path, method, op, shared } = found;
    const parameters = [...shared, ...(op.parameters ?? [])].map((p) => resolve(spec, p))
      .filter((p) => p.in === 'path' || p.in === 'query')
      .map((p) => ({ name: p.name, in: p.in, required: p.required === true, schema: fixSchema(resolve(spec, p.schema ?? {}), formats) }));
    const responses = {};
    for (const [status, response] of Object.entries(op.responses)) responses[status] = contentSchemas(spec, resolve(spec, response).content, formats);
    const body = op.requestBody ? resolve(spec, op.requestBody) : null;
    operations[`${method.toUpperCase()} ${path}`] = {
      operationId: id,
      ...(op.servers ? { server: op.servers[0].url } : {}),
      parameters,
      requestBody: body ? { required: body.required === true, content: contentSchemas(spec, body.content, formats) } : null,
      responses,
    };
  }
  // Close over the referenced component schemas.
  const schemas = {};
  const pending = new Set();
  collectRefs(operations, pending);
  // basic-error answers any error status GitHub sends without declaring it (401, 403 rate limits, ...).
  pending.add('basic-error');
  pending.add('validation-error');
  while (pending.size > 0) {
    const [name] = pending;
    pending.delete(name);
    if (schemas[name]) continue;
    const source = spec.components.schemas[name];
    if (!source) throw new Error(`missing component schema ${name}`);
    schemas[name] = fixSchema(source, formats);
    const more = new Set();
    collectRefs(schemas[name], more);
    for (const m of more) if (!schemas[m]) pending.add(m);
  }
  const sorted = Object.fromEntries(Object.keys(schemas).sort().map((k) => [k, schemas[k]]));
  const subset = {
    source: `${PINNED} generated/api.github.com.json (OpenAPI ${spec.openapi}, GitHub ${spec.info.version}); regenerate with scripts/gen-gh-openapi-subset.mjs`,
    formats: [...formats].sort(),
    operations,
    components: { schemas: sorted },
  };
  writeFileSync(OUT, `${JSON.stringify(subset, null, 1)}\n`);
  console.log(`${OUT}: ${Object.keys(operations).length} operations, ${Object.keys(sorted).length} schemas, formats ${subset.formats.join(' ')}`);
}

main();
