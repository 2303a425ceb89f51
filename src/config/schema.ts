import type { ErrorObject, ValidateFunction } from 'ajv';
import schemaJson from '../../schema/package-actions.schema.json' with { type: 'json' };
import { validate as compiledValidator } from './validate-config.generated.js';

/** The committed JSON Schema: the one editors use is the one we validate with. */
export const configSchema: Record<string, unknown> = schemaJson;

export type SchemaNode = Record<string, unknown>;

/**
 * The schema's validator (draft-07, what yaml-language-server supports best), compiled ahead of
 * time by scripts/gen-config-validator.mjs with the options explained there: compiling it on
 * every run cost ~100 ms of start-up. A unit test fails when it is stale.
 */
export function validator(): ValidateFunction {
  return compiledValidator;
}

export function validate(data: unknown): ErrorObject[] {
  const v = validator();
  return v(data) ? [] : [...(v.errors ?? [])];
}

/** Follows a local `$ref` (`#/definitions/x`, `#/properties/y`) to the schema it names. */
export function deref(node: unknown): SchemaNode | undefined {
  let n = node as SchemaNode | undefined;
  for (let hops = 0; n && typeof n.$ref === 'string' && hops < 10; hops++) {
    const path = n.$ref.replace(/^#\//, '').split('/');
    let target: unknown = configSchema;
    for (const seg of path) target = (target as SchemaNode | undefined)?.[seg];
    n = target as SchemaNode | undefined;
  }
  return n;
}

/** Allowed property names of an object schema (after `$ref`s). */
export function propertyNames(node: unknown): string[] {
  const props = deref(node)?.properties;
  return props && typeof props === 'object' ? Object.keys(props) : [];
}

/** The schema of one property of an object schema. */
export function propertySchema(node: unknown, name: string): SchemaNode | undefined {
  const props = deref(node)?.properties as Record<string, unknown> | undefined;
  return deref(props?.[name]);
}

/** The first `examples` entry of a schema, or of its list's items. */
export function exampleOf(node: unknown): unknown {
  const n = deref(node);
  const ex = n?.examples;
  if (Array.isArray(ex) && ex.length > 0) return ex[0];
  return undefined;
}
