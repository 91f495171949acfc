/**
 * Commit and tag messages are committed and pushed like files: a token pasted into one is as
 * public as a token in code. History scans read every message of the commits they scan (one
 * `git log` for all of them) and the messages of annotated tags (one `git for-each-ref`); the
 * commit-msg hook scans the message being written. Findings are reported at `<commit message>`
 * or `<tag NAME>` with the commit they belong to.
 */
import { gitFailure, spawnGit } from '../git/process.js';
import type { GitRepo } from '../git/repo.js';
import type { ReportCollector } from './collector.js';
import { scanContent } from './scan-content.js';
import type { ScanSetup } from './setup.js';

export const COMMIT_MESSAGE_PATH = '<commit message>';

/** What follows git's scissors line (`git commit -v` shows the diff there) is not part of the message. */
const SCISSORS = '# ------------------------ >8 ------------------------';

export function messageText(raw: string): string {
  const at = raw.indexOf(SCISSORS);
  return at === -1 ? raw : raw.slice(0, at);
}

/** Scans one message into the collector. */
export function scanMessage(setup: ScanSetup, collector: ReportCollector, text: string, path: string, commit?: string): void {
  const bytes = Buffer.from(messageText(text), 'utf8');
  if (bytes.length === 0 || !setup.scanner.mayFind(messageText(text))) return;
  collector.add(path, bytes.length, scanContent(setup.scanner, bytes, { path, ...(commit ? { commit } : {}) }));
}

/** Runs git and splits its output on `separator` (messages hold no NUL), record by record. */
async function* records(repo: GitRepo, args: string[], separator: string): AsyncGenerator<string> {
  const git = spawnGit(repo.cwd, args);
  let pending = '';
  for await (const chunk of git.child.stdout as AsyncIterable<Buffer>) {
    const parts = (pending + chunk.toString('utf8')).split(separator);
    pending = parts.pop()!;
    yield* parts;
  }
  if (pending) yield pending;
  const code = await git.exit;
  if (code !== 0) throw gitFailure(`git ${args[0]} (reading messages)`, git.stderr(), code);
}

/** Every commit message of `revisions`. */
export async function scanCommitMessages(
  setup: ScanSetup,
  repo: GitRepo,
  revisions: readonly string[],
  collector: ReportCollector,
): Promise<void> {
  for await (const record of records(repo, ['log', '-z', '--format=%H%n%B', '--no-show-signature', ...revisions, '--'], '\0')) {
    const nl = record.indexOf('\n');
    if (nl === -1) continue;
    scanMessage(setup, collector, record.slice(nl + 1), COMMIT_MESSAGE_PATH, record.slice(0, nl));
  }
}

/** Messages of annotated tags: all of them, or those whose tag object is in `only`. */
export async function scanTagMessages(
  setup: ScanSetup,
  repo: GitRepo,
  collector: ReportCollector,
  only?: ReadonlySet<string>,
): Promise<void> {
  const format = '--format=%(objecttype)%00%(objectname)%00%(refname:short)%00%(contents)%01';
  for await (const record of records(repo, ['for-each-ref', format, 'refs/tags'], '\x01')) {
    const [type, oid, name, ...body] = record.replace(/^\n/, '').split('\0');
    if (type !== 'tag' || !oid || (only && !only.has(oid))) continue;
    scanMessage(setup, collector, body.join('\0'), `<tag ${name ?? oid}>`, oid);
  }
}
