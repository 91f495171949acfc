/**
 * The gate's scans (staged, history, pre-push) with the policy from trusted ground:
 *  - `scan --staged`: the config and baseline committed at HEAD; the staged ones are the change's;
 *  - `scan --commits A..B`: those at A (the base); B's are the change's;
 *  - `scan --pre-push`: those of what the remote already has; the pushed tip's are the change's;
 *  - `--policy-from <ref>` names another trusted commit; `-c <file>` is the user's explicit choice
 *    of a file on disk (then no comparison is made).
 * The change's policy is compared with the trusted one (review.ts), never applied to itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { ScanCommand, ScanTarget } from '../args/commands.js';
import { CliError } from '../errors.js';
import { BlobReader } from '../git/blob-reader.js';
import type { ChangedFile } from '../git/diff-parser.js';
import { GitRepo } from '../git/repo.js';
import { readStagedChanges } from '../git/staged.js';
import type { CliIO } from '../io/cli-io.js';
import { readAll } from '../io/read-input.js';
import { ReportCollector } from '../scan/collector.js';
import { COMMIT_MESSAGE_PATH, scanMessage } from '../scan/messages.js';
import type { ScanReport } from '../scan/report.js';
import { MAX_SCANNABLE_BYTES } from '../scan/scan-content.js';
import { setupWithPolicy, toPosix, worktreePolicy, type ScanSetup } from '../scan/setup.js';
import { historyPlan, scanCommits } from '../commands/scan-commits.js';
import { noWorkTree, scanStaged } from '../commands/scan-staged.js';
import { policyPaths, readPolicyTree, type Policy, type PolicyTree } from './policy.js';
import { PolicyReview, strictest } from './review.js';
import { checkRevision, treeFiles } from './tree-files.js';

export type GateTarget = Extract<ScanTarget, { kind: 'staged' | 'commits' | 'pre-push' | 'commit-msg' | 'post-rewrite' }>;

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
    /** `scan --verify`: where the scanner hands each finding's value. */
    readonly onValue?: (fingerprint: string, value: string) => void,
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
    const base = { cwd: this.io.cwd, env: this.io.env, onValue: this.onValue };
    if (this.cmd.configPath) return setupWithPolicy(base, this.repo, worktreePolicy(this.options()));
    const trusted = await this.read(trees.trusted, trees.trustedAt);
    const changed = trees.changed
      ? await this.read(trees.changed, this.cmd.target.kind === 'staged' ? '(staged)' : 'in the change')
      : trusted;
    if (changed.identity === trusted.identity) return setupWithPolicy(base, this.repo, trusted);
    const review = new PolicyReview(trusted, changed, this.top);
    return setupWithPolicy(base, this.repo, { ...trusted, config: strictest(trusted.config, changed.config) }, review);
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
  return { setup, report: await scanCommits(setup, plan, gate.io, quiet, gate.reader) };
}

/** The commit message being written, judged with HEAD's policy (commit-msg and applypatch-msg hooks). */
async function messageScan(gate: Gate, file: string): Promise<{ setup: ScanSetup; report: ScanReport }> {
  const head = await gate.repo.head();
  const from = gate.cmd.policyFrom ?? head;
  const setup = await gate.setup({
    trusted: await gate.tree(from),
    trustedAt: from ? `at ${from}` : '(none before the first commit)',
    changed: undefined,
  });
  // git passes a path relative to the repository root; a hook may have cd'd into a subfolder.
  const candidates = [resolve(gate.io.cwd, file), resolve(gate.top, file)];
  const path = candidates.find((p) => existsSync(p));
  if (!path) throw new CliError(`cannot read the commit message file ${file}`, 'run `scan --commit-msg "$1"` from a commit-msg hook');
  const collector = new ReportCollector('message', { maxFileSize: setup.config.thresholds.maxFileSize });
  scanMessage(setup, collector, readFileSync(path, 'utf8'), COMMIT_MESSAGE_PATH);
  return { setup, report: collector.finish() };
}

/** post-rewrite: the commits an amend or rebase just wrote (`<old> <new>` lines on stdin). Warns now; pre-push refuses. */
async function rewriteScan(gate: Gate) {
  const news = (await readAll(gate.io.stdin))
    .toString('utf8')
    .split('\n')
    .map((l) => l.trim().split(/\s+/)[1])
    .filter((oid): oid is string => oid !== undefined && /^[0-9a-f]{40,64}$/.test(oid));
  const plan = { revisions: news.length > 0 ? ['--no-walk', ...new Set(news)] : [] };
  const from = gate.cmd.policyFrom ?? (await gate.repo.head());
  const setup = await gate.setup({ trusted: await gate.tree(from), trustedAt: `at ${from ?? 'HEAD'}`, changed: undefined });
  const report = await scanCommits(setup, plan, gate.io, true, gate.reader);
  const commits = [...new Set(report.findings.map((f) => f.commit).filter(Boolean))];
  if (commits.length > 0)
    gate.io.stderr.write(
      `kernel-secrets: the rewritten commit${commits.length > 1 ? 's' : ''} ${commits.join(', ')} hold${commits.length > 1 ? '' : 's'} a token: ` +
        '`git push` will refuse it. Fix it now (git commit --amend, git rebase -i), before it is shared.\n',
    );
  return { setup, report };
}

export async function runGateScan(
  cmd: ScanCommand & { target: GateTarget },
  io: CliIO,
  onValue?: (fingerprint: string, value: string) => void,
): Promise<{ setup: ScanSetup; report: ScanReport }> {
  if (cmd.policyFrom) checkRevision(cmd.policyFrom, '--policy-from');
  const repo = await GitRepo.find(resolve(io.cwd), io.env);
  if ((cmd.target.kind === 'staged' || cmd.target.kind === 'commit-msg') && !repo?.topLevel) throw noWorkTree(resolve(io.cwd));
  if (!repo) throw new CliError(`${resolve(io.cwd)} is not inside a git repository`, 'run the history scan inside the repository');
  // Started first: git cat-file starts up while the other git commands run.
  const reader = new BlobReader(repo.cwd, MAX_SCANNABLE_BYTES);
  try {
    const gate = new Gate(cmd, io, repo, reader, onValue);
    const t = cmd.target;
    if (t.kind === 'staged') return await stagedScan(gate);
    if (t.kind === 'commit-msg') return await messageScan(gate, t.file);
    if (t.kind === 'post-rewrite') return await rewriteScan(gate);
    return await historyScan(gate, t, cmd.output.quiet);
  } finally {
    await reader.close();
  }
}
