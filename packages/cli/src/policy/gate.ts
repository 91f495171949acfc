/**
 * The gate's scans (staged, history, pre-push) with the policy from trusted ground:
 *  - `scan --staged`: the config and baseline committed at HEAD; the staged ones are the change's;
 *  - `scan --commits A..B`: those at A (the base); B's are the change's;
 *  - `scan --pre-push`: those of what the remote already has; the pushed tip's are the change's;
 *  - `--policy-from <ref>` names another trusted commit; `-c <file>` is the user's explicit choice
 *    of a file on disk (then no comparison is made).
 * The change's policy is compared with the trusted one (review.ts), never applied to itself.
 */
import { relative, resolve } from 'node:path';
import type { ScanCommand, ScanTarget } from '../args/commands.js';
import { CliError } from '../errors.js';
import { BlobReader } from '../git/blob-reader.js';
import type { ChangedFile } from '../git/diff-parser.js';
import { GitRepo } from '../git/repo.js';
import { readStagedChanges } from '../git/staged.js';
import type { CliIO } from '../io/cli-io.js';
import type { ScanReport } from '../scan/report.js';
import { MAX_SCANNABLE_BYTES } from '../scan/scan-content.js';
import { setupWithPolicy, toPosix, worktreePolicy, type ScanSetup } from '../scan/setup.js';
import { historyPlan, scanCommits } from '../commands/scan-commits.js';
import { noWorkTree, scanStaged } from '../commands/scan-staged.js';
import { policyPaths, readPolicyTree, type Policy, type PolicyTree } from './policy.js';
import { PolicyReview, strictest } from './review.js';
import { checkRevision, treeFiles } from './tree-files.js';

type GateTarget = Extract<ScanTarget, { kind: 'staged' | 'commits' | 'pre-push' }>;

const DELETED = /^0+$/;

/** The index as a tree of policy files: HEAD's, with the staged changes applied. */
function withStagedChanges(head: PolicyTree, files: readonly ChangedFile[], wanted: ReadonlySet<string>): PolicyTree {
  const tree = new Map(head);
  for (const f of files) {
    if (f.oldPath && wanted.has(f.oldPath)) tree.delete(f.oldPath);
    if (!wanted.has(f.path)) continue;
    if (DELETED.test(f.oid)) tree.delete(f.path);
    else tree.set(f.path, f.oid);
  }
  return tree;
}

interface Trees {
  trusted: PolicyTree;
  trustedAt: string;
  changed: PolicyTree | undefined;
}

class Gate {
  readonly top: string;
  readonly relDir: string;
  readonly paths: string[];

  constructor(
    readonly cmd: ScanCommand,
    readonly io: CliIO,
    readonly repo: GitRepo,
    readonly reader: BlobReader,
  ) {
    this.top = repo.topLevel ?? repo.cwd;
    const rel = repo.topLevel ? toPosix(relative(repo.topLevel, resolve(io.cwd))) : '';
    this.relDir = rel.startsWith('..') ? '' : rel;
    this.paths = policyPaths(this.relDir);
  }

  tree(rev: string | undefined, what?: string): Promise<PolicyTree> {
    return rev ? treeFiles(this.repo.cwd, rev, this.paths, what) : Promise.resolve(new Map());
  }

  private read(tree: PolicyTree, where: string): Promise<Policy> {
    const b = this.cmd.baseline;
    return readPolicyTree(tree, this.reader, {
      top: this.top,
      relDir: this.relDir,
      where,
      baseline: typeof b === 'string' ? resolve(this.io.cwd, b) : b,
    });
  }

  /** The trusted policy, the change's, and the setup that applies the first and reviews the second. */
  async setup(trees: Trees): Promise<ScanSetup> {
    if (this.cmd.configPath) return setupWithPolicy(this.io, this.repo, worktreePolicy(this.options()));
    const trusted = await this.read(trees.trusted, trees.trustedAt);
    const changed = trees.changed
      ? await this.read(trees.changed, this.cmd.target.kind === 'staged' ? '(staged)' : 'in the change')
      : trusted;
    if (changed.identity === trusted.identity) return setupWithPolicy(this.io, this.repo, trusted);
    const review = new PolicyReview(trusted, changed, this.top);
    return setupWithPolicy(this.io, this.repo, { ...trusted, config: strictest(trusted.config, changed.config) }, review);
  }

  options() {
    return { cwd: this.io.cwd, env: this.io.env, configPath: this.cmd.configPath, baseline: this.cmd.baseline };
  }
}

async function stagedScan(gate: Gate): Promise<{ setup: ScanSetup; report: ScanReport }> {
  const head = await gate.repo.head();
  const from = gate.cmd.policyFrom;
  const [trusted, headTree, changes] = await Promise.all([
    gate.tree(from ?? head),
    from ? gate.tree(head) : undefined,
    readStagedChanges(gate.repo),
  ]);
  const index = withStagedChanges(headTree ?? trusted, changes.files, new Set(gate.paths));
  const setup = await gate.setup({
    trusted,
    trustedAt: from ? `at ${from}` : head ? 'at HEAD' : '(none before the first commit)',
    changed: index,
  });
  return { setup, report: await scanStaged(setup, gate.reader, changes.files) };
}

async function historyScan(gate: Gate, target: Extract<GateTarget, { kind: 'commits' | 'pre-push' }>, quiet: boolean) {
  const plan = await historyPlan(target, gate.repo, gate.io);
  const from = gate.cmd.policyFrom ?? plan.base ?? (await gate.repo.head());
  const what = from === plan.base && plan.range ? `${from}, the base of ${plan.range}` : from;
  const [trusted, changed] = await Promise.all([gate.tree(from, what), plan.tip && plan.tip !== from ? gate.tree(plan.tip) : undefined]);
  const setup = await gate.setup({ trusted, trustedAt: from ? `at ${from}` : '(none: the remote has no commits)', changed });
  return { setup, report: await scanCommits(setup, plan.revisions, gate.io, quiet, gate.reader) };
}

export async function runGateScan(cmd: ScanCommand & { target: GateTarget }, io: CliIO): Promise<{ setup: ScanSetup; report: ScanReport }> {
  if (cmd.policyFrom) checkRevision(cmd.policyFrom, '--policy-from');
  const repo = await GitRepo.find(resolve(io.cwd), io.env);
  if (cmd.target.kind === 'staged' && !repo?.topLevel) throw noWorkTree(resolve(io.cwd));
  if (!repo) throw new CliError(`${resolve(io.cwd)} is not inside a git repository`, 'run the history scan inside the repository');
  // Started first: git cat-file starts up while the other git commands run.
  const reader = new BlobReader(repo.cwd, MAX_SCANNABLE_BYTES);
  try {
    const gate = new Gate(cmd, io, repo, reader);
    return cmd.target.kind === 'staged' ? await stagedScan(gate) : await historyScan(gate, cmd.target, cmd.output.quiet);
  } finally {
    await reader.close();
  }
}
