import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import ts from 'typescript';
import { parse } from 'yaml';
import { configSchema } from '../../src/config/index.js';
import { ARCHES, COMPRESSIONS, CONTENT_TYPES, OSES, OWNED_BLOCKS, PACKAGERS } from '../../src/config/types.js';

type Obj = Record<string, unknown>;
const schema = configSchema as Obj;
const definitions = schema.definitions as Record<string, Obj>;
const props = (node: Obj | undefined): string[] => Object.keys((node?.properties as Obj | undefined) ?? {}).sort();

/** Property names of an interface in types.ts, including the ones it inherits. */
function interfaceKeys(name: string): string[] {
  const file = ts.createSourceFile('types.ts', readFileSync('src/config/types.ts', 'utf8'), ts.ScriptTarget.Latest);
  const decls = new Map<string, ts.InterfaceDeclaration>();
  file.forEachChild((n) => {
    if (ts.isInterfaceDeclaration(n)) decls.set(n.name.text, n);
  });
  const collect = (n: string): string[] => {
    const d = decls.get(n);
    if (!d) throw new Error(`interface ${n} not found in types.ts`);
    const own = d.members.filter(ts.isPropertySignature).map((m) => (m.name as ts.Identifier).text);
    const inherited = (d.heritageClauses ?? []).flatMap((h) => h.types.flatMap((t) => collect(t.expression.getText(file))));
    return [...own, ...inherited];
  };
  return [...new Set(collect(name))].sort();
}

describe('committed JSON schema', () => {
  it('is a valid draft-07 schema that ajv compiles in strict mode', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const ajv = new Ajv({ strict: true, allErrors: true });
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it('has every key of PackageConfig at the top level, and nothing else but the owned blocks', () => {
    const keys = interfaceKeys('PackageConfig');
    expect(keys).toContain('overrides');
    expect(keys).toContain('depends'); // inherited from OverridableConfig
    expect(props(schema)).toEqual([...keys, ...OWNED_BLOCKS].sort());
  });

  it.each([
    ['OverridableConfig', 'override'],
    ['Platform', 'platform'],
    ['ContentSpec', 'content'],
    ['FileInfoSpec', 'fileInfo'],
    ['Scripts', 'scripts'],
    ['DebConfig', 'deb'],
    ['RpmConfig', 'rpm'],
  ])('matches %s with definitions.%s key for key', (iface, def) => {
    expect(props(definitions[def])).toEqual(interfaceKeys(iface));
  });

  it('matches RpmScripts with rpm.scripts', () => {
    expect(props((definitions.rpm!.properties as Record<string, Obj>).scripts)).toEqual(interfaceKeys('RpmScripts'));
  });

  it('uses the same enums as types.ts', () => {
    const platform = definitions.platform!.properties as Record<string, Obj>;
    const content = definitions.content!.properties as Record<string, Obj>;
    expect(platform.os!.enum).toEqual([...OSES]);
    expect(platform.arch!.enum).toEqual([...ARCHES]);
    expect(content.type!.enum).toEqual([...CONTENT_TYPES]);
    expect(content.packager!.enum).toEqual([...PACKAGERS]);
    expect((content.arch!.items as Obj).enum).toEqual([...ARCHES]);
    // compression is a pattern (a compressor, optionally `:level`): every name in types.ts matches it.
    const deb = new RegExp((definitions.deb!.properties as Record<string, Obj>).compression!.pattern as string);
    const rpm = new RegExp((definitions.rpm!.properties as Record<string, Obj>).compression!.pattern as string);
    expect(COMPRESSIONS.filter((c) => deb.test(c))).toEqual([...COMPRESSIONS]);
    expect(COMPRESSIONS.filter((c) => rpm.test(c))).toEqual(COMPRESSIONS.filter((c) => c !== 'none'));
    expect(['zstd:19', 'gzip:1', 'xz:0', 'none:1', 'zstd-3', 'bz2'].filter((c) => deb.test(c))).toEqual(['zstd:19', 'gzip:1', 'xz:0']);
    expect(props((schema.properties as Record<string, Obj>).overrides)).toEqual([...PACKAGERS].sort());
  });

  it('keeps the blocks later actions own open', () => {
    expect(definitions.ownedBlock).toEqual({ type: 'object', additionalProperties: true });
    for (const block of OWNED_BLOCKS) expect((schema.properties as Record<string, Obj>)[block]!.$ref).toBe('#/definitions/ownedBlock');
  });

  it('accepts the realistic fixture as plain ajv sees it, and the fixture points editors at this schema', () => {
    const path = 'test/fixtures/config/servin.yml';
    const text = readFileSync(path, 'utf8');
    const validate = new Ajv({ strict: true, allErrors: true }).compile(schema);
    expect(validate(parse(text))).toBe(true);
    const ref = /# yaml-language-server: \$schema=(\S+)/.exec(text)?.[1];
    expect(ref).toBeDefined();
    expect(existsSync(resolve(dirname(path), ref!))).toBe(true);
    expect(resolve(dirname(path), ref!)).toBe(resolve('schema/package-actions.schema.json'));
  });
});
