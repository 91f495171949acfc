/**
 * The one RuleTester setup of the plugin's tests: typescript-eslint's RuleTester wired to
 * vitest's hooks, so every case is a vitest test with its own name. Import `RuleTester` from
 * here instead of '@typescript-eslint/rule-tester'.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export { RuleTester };
export type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
