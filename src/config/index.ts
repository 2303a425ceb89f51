/** The config file: loading, validation with line numbers, per-format views, templates. */
export { DEFAULT_CONFIG_PATH, loadConfig, parseConfig } from './load.js';
export { applyInputs, configFor, type ConfigInputs } from './overrides.js';
export { renderTemplate, TEMPLATE_VARS, type TemplateVars } from './template.js';
export { fieldToPointer, pointerToField } from './pointer.js';
export { configSchema } from './schema.js';
export * from './types.js';
