/**
 * node:crypto, loaded on first use. A scan that finds nothing never hashes or checks a
 * signature, and importing the module is a measurable part of a short run's start-up (a
 * one-file `scan --stdin` is mostly start-up). `process.getBuiltinModule` is in every Node this
 * package supports (20.16+, 22.3+).
 */
export function lazyCrypto(): typeof import('node:crypto') {
  return process.getBuiltinModule('node:crypto');
}
