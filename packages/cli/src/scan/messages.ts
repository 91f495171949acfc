/**
 * Commit and tag messages are committed and pushed like files: a token pasted into one is as
 * public as a token in code. History scans read every message of the commits they scan (one
 * `git log` for all of them) and the messages of annotated tags (one `git for-each-ref`); the
 * commit-msg hook scans the message being written. Findings are reported at `<commit message>`
 * or `<tag NAME>` with the commit they belong to.
 */
import { gitFailure, spawnGit } from '../git/process.js';
import { readAhead } from '../git/read-ahead.js';
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

/**
 * Runs git and splits its output on `separator` (messages hold no NUL), record by record. The
 * output is read ahead of the consumer (bounded, git/read-ahead.ts), so a history scan can start
 * this git alongside its `git log -p` and read the messages once the files are done. Abandoning
 * the generator kills git: its paused pipe would otherwise keep the process alive.
 */
async function* records(repo: GitRepo, args: string[], separator: string): AsyncGenerator<string> {
  const git = spawnGit(repo.cwd, args);
  // Streaming decode: a character split between two chunks is not turned into U+FFFD.
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let finished = false;
  try {
    for await (const chunk of readAhead(git.child.stdout)) {
      const parts = (pending + decoder.decode(chunk, { stream: true })).split(separator);
      pending = parts.pop()!;
      yield* parts;
    }
    pending += decoder.decode();
    if (pending) yield pending;
    const code = await git.exit;
    if (code !== 0) throw gitFailure(`git ${args[0]} (reading messages)`, git.stderr(), code);
    finished = true;
  } finally {
    if (!finished) git.child.kill();
  }
}

/** Every commit message of a history scan, being read since `startCommitMessages`. */
export interface CommitMessages {
  records: AsyncGenerator<string>;
  /** The first record, asked for at the start so that git starts at once. */
  first: Promise<IteratorResult<string>>;
}

/** Starts `git log` for every commit message of `revisions`; scan them with scanCommitMessages, or end with stopCommitMessages. */
export function startCommitMessages(repo: GitRepo, revisions: readonly string[]): CommitMessages {
  const it = records(repo, ['log', '-z', '--format=%H%n%B', '--no-show-signature', ...revisions, '--'], '\0');
  const first = it.next();
  // Its failure is reported when the messages are scanned, not as an unhandled rejection meanwhile.
  first.catch(() => undefined);
  return { records: it, first };
}

/** Ends a message read that will not be scanned (the file scan failed): git is stopped. */
export async function stopCommitMessages(messages: CommitMessages): Promise<void> {
  await messages.first.catch(() => undefined);
  await messages.records.return(undefined).catch(() => undefined);
}

/** Scans every commit message started by startCommitMessages. */
export async function scanCommitMessages(setup: ScanSetup, messages: CommitMessages, collector: ReportCollector): Promise<void> {
  for (let r = await messages.first; !r.done; r = await messages.records.next()) {
    const record = r.value;
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
