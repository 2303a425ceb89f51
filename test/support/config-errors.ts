// The user-mistake errors a test expects, caught and checked for their type.
import { expect } from '@jest/globals';
import { ConfigurationError, ConfigurationErrors } from '../../src/core/errors.js';

/** The ConfigurationError `fn` throws; fails the test when it throws nothing or something else. */
export function configError(fn: () => unknown): ConfigurationError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigurationError);
    return e as ConfigurationError;
  }
  throw new Error('expected a ConfigurationError');
}

/** The errors of the ConfigurationErrors `fn` throws (a rejected config); fails otherwise. */
export function configErrors(fn: () => unknown): ConfigurationError[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigurationErrors);
    return (e as ConfigurationErrors).errors;
  }
  throw new Error('expected the config to be rejected');
}
