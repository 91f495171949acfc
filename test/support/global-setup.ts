/**
 * Vitest global setup: builds a throw-away project that installs the packed tarballs of the
 * four packages (exactly what `npm i -D kernel-secrets eslint-plugin-kernel-secrets` gives a
 * user) plus ESLint 9 and 10, husky and lint-staged. End-to-end tests read its path with
 * `inject('packedProject')`. Built once per run; reused across test files.
 */
import type { TestProject } from 'vitest/node';
import { preparePackedProject } from './packed-project.js';

declare module 'vitest' {
  export interface ProvidedContext {
    packedProject: string;
  }
}

export default function setup(project: TestProject): void {
  const dir = preparePackedProject();
  project.provide('packedProject', dir);
}
