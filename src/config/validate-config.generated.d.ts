// Types of validate-config.generated.js (written by scripts/gen-config-validator.mjs).
import type { ValidateFunction } from 'ajv';

/** The config JSON Schema, compiled ahead of time with allErrors, verbose and strict. */
export declare const validate: ValidateFunction;
export default validate;
