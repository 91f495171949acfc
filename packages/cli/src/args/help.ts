/** Usage text, one page per command. Kept next to the parser so a new option is documented where it is added. */

const SCAN_OPTIONS = `  -f, --format pretty|json|sarif|github   output format (default pretty)
  -o, --output <file>                     write the report to a file (one summary line still
                                          goes to stderr)
  -c, --config <file>                     config file (default: kernel-secrets.config.json or
                                          "kernelSecrets" in package.json, found upwards)
  --policy-from <ref>                     commit whose committed config and baseline the gate applies
                                          (default: HEAD for --staged, the range's base for --commits,
                                          what the remote has for --pre-push)
  --fail-on error|warning                 lowest severity that fails the scan (default error)
  --baseline <file>                       ignore findings recorded in this baseline (default:
                                          kernel-secrets.baseline.json when it exists)
  --no-baseline                           do not use the default baseline
  --color, --no-color                     force colours on or off (NO_COLOR is honoured)
  -q, --quiet                             print only what blocks, nothing when clean
  --verify                                ask Kernel's API whether each token found is live (sends
                                          each token, once, to Kernel; never in the hooks init writes)
  --verify-timeout <ms>                   give up on one check after this long (default 5000)`;

/** Said on every page that offers the live check, in the same words. */
const NETWORK_NOTE = `verify and scan --verify send the token to Kernel's API (https://kernel.asimov.com, or the
base URL in KERNEL_SECRETS_API_URL: https:, or http: to a loopback address only). They connect
directly (HTTP(S)_PROXY is not used) and follow no redirects. Nothing else in kernel-secrets
sends anything anywhere.`;

const HELP_OPTION = '  -h, --help                              this page';

const EXIT_CODES = 'Exit codes: 0 nothing blocking, 1 findings at or above --fail-on, 2 could not scan.';

export const MAIN_HELP = `kernel-secrets: keeps Kernel API tokens out of your code, commits and logs.

Usage:
  kernel-secrets scan --staged            scan what the next commit will contain (pre-commit hook)
  kernel-secrets scan [paths...]          scan files and directories (default: .), honouring .gitignore
  kernel-secrets scan --commits <range>   scan every commit in a range, e.g. origin/main..HEAD (or --all)
  kernel-secrets scan --pre-push <remote> scan the commits a push sends (pre-push hook; refs on stdin)
  kernel-secrets scan --commit-msg <file>  scan a commit message (commit-msg, applypatch-msg hooks)
  kernel-secrets scan --post-rewrite      warn about commits an amend or rebase wrote (post-rewrite hook)
  kernel-secrets scan --stdin [--stdin-filename <name>]
  kernel-secrets init [--dry-run] [--no-install] [--lint-staged]
                                          set up the git hooks (husky) and the ESLint plugin
  kernel-secrets baseline [paths...] [--file <file>]
                                          record today's findings so only new tokens block
  kernel-secrets known add [--user]       add the fingerprint of a live token (read from stdin)
  kernel-secrets known list [--user]
  kernel-secrets verify [--timeout <ms>]  ask Kernel whether a token (read from stdin) is live

Scan options:
${SCAN_OPTIONS}

${NETWORK_NOTE}

Run \`kernel-secrets <command> --help\` for one command's page.
Paths in reports are relative to the repository root.
${EXIT_CODES}
Docs: https://www.npmjs.com/package/kernel-secrets`;

const SCAN_HELP = `kernel-secrets scan: find Kernel tokens.

Usage:
  kernel-secrets scan --staged            what the next commit will contain (pre-commit hook)
  kernel-secrets scan [paths...]          files and directories (default: .), honouring .gitignore
  kernel-secrets scan --commits <range>   every commit in a range (repeatable), e.g. origin/main..HEAD
  kernel-secrets scan --all               every commit reachable from any ref (also: --commits --all)
  kernel-secrets scan --pre-push [<remote> [<url>]]
                                          the commits a push sends (pre-push hook; refs on stdin)
  kernel-secrets scan --stdin [--stdin-filename <name>]
                                          text on stdin, matched against ignorePaths and the
                                          baseline as <name>
  kernel-secrets scan --commit-msg <file>  a commit message (commit-msg, applypatch-msg hooks)
  kernel-secrets scan --post-rewrite      commits an amend or rebase wrote (post-rewrite hook)

Options:
${SCAN_OPTIONS}
${HELP_OPTION}

Paths in reports are relative to the repository root. History findings (--commits, --all,
--pre-push) also give their exposure: the commit that introduced the token, whether a
remote-tracking ref or tag holds it or only local branches, whether HEAD still has it, and the
next step (JSON and SARIF: "exposure" on each finding).
${EXIT_CODES}
With --verify a live token is an error whatever its rule, listed first under "Revoke now".
${NETWORK_NOTE}`;

const INIT_HELP = `kernel-secrets init: set up the hooks in this project.

Usage:
  kernel-secrets init [--dry-run] [--no-install] [--lint-staged]

Installs husky, ESLint and the plugin with the package manager the project uses (npm, Yarn or
pnpm), writes the pre-commit, pre-push and message hooks, and adds the plugin to the ESLint
config. The pre-commit hook runs the token scan only; the ESLint rules run in the editor and in
CI (\`npx eslint .\`), because loading ESLint would cost about a second per commit.
A repository without package.json: use the pre-commit framework hooks instead (see the README).

Options:
  --dry-run                               print what would change, change nothing
  --no-install                            do not install packages (write the files only)
  --lint-staged                           also run ESLint on staged JS/TS in the pre-commit
                                          hook (installs lint-staged)
${HELP_OPTION}`;

const BASELINE_HELP = `kernel-secrets baseline: record today's findings so only new tokens block.

Usage:
  kernel-secrets baseline [paths...] [--file <file>]

Options:
  --file <file>                           baseline file (default kernel-secrets.baseline.json)
  -c, --config <file>                     config file
  -q, --quiet                             print nothing on success
${HELP_OPTION}`;

const KNOWN_HELP = `kernel-secrets known: protect your own live tokens by fingerprint.

Usage:
  kernel-secrets known add [--user]       read a token on stdin, store its SHA-256 fingerprint
  kernel-secrets known list [--user]      list the stored fingerprints

Options:
  --user                                  use ~/.config/kernel-secrets/known-fingerprints instead
                                          of the project's .kernel-secrets/known-fingerprints
  -c, --config <file>                     config file
${HELP_OPTION}`;

const VERIFY_HELP = `kernel-secrets verify: is a token live? Asks Kernel's API.

Usage:
  printenv KERNEL_TOKEN | kernel-secrets verify [--timeout <ms>]

Reads one token from stdin (typed input is hidden; never give it as an argument: it would stay
in your shell history) and sends it in one request, GET /api/v1/constructs with
Authorization: Bearer <token>. 401 means wrong, expired or revoked; 403 (a valid token lacking
a scope) and 200 mean live. Prints the verdict with the token's preview and fingerprint only.

Options:
  --timeout <ms>                          give up after this long (default 5000)
${HELP_OPTION}

Exit codes: 0 not live, 1 live (revoke it now), 2 could not tell (no answer, timeout, rate
limited, a redirect or another status), with one line saying why.
${NETWORK_NOTE}`;

const PAGES: Record<string, string> = { scan: SCAN_HELP, init: INIT_HELP, baseline: BASELINE_HELP, known: KNOWN_HELP, verify: VERIFY_HELP };

/** The page for `topic` (a command name), or the main page. */
export function helpText(topic?: string): string {
  return (topic !== undefined && PAGES[topic]) || MAIN_HELP;
}
