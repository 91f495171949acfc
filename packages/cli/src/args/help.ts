/** Usage text. Kept next to the parser so a new option is documented where it is added. */

export const MAIN_HELP = `kernel-secrets: keeps Kernel API tokens out of your code, commits and logs.

Usage:
  kernel-secrets scan --staged            scan what the next commit will contain (pre-commit hook)
  kernel-secrets scan [paths...]          scan files and directories (default: .), honouring .gitignore
  kernel-secrets scan --commits <range>   scan every commit in a range, e.g. origin/main..HEAD (or --all)
  kernel-secrets scan --pre-push <remote> scan the commits a push sends (pre-push hook; refs on stdin)
  kernel-secrets scan --commit-msg <file>  scan a commit message (commit-msg, applypatch-msg hooks)
  kernel-secrets scan --post-rewrite      warn about commits an amend or rebase wrote (post-rewrite hook)
  kernel-secrets scan --stdin [--stdin-filename <name>]
  kernel-secrets init [--dry-run] [--no-install]
                                          set up husky + lint-staged hooks in this project
  kernel-secrets baseline [paths...] [--file <file>]
                                          record today's findings so only new tokens block
  kernel-secrets known add [--user]       add the fingerprint of a live token (read from stdin)
  kernel-secrets known list [--user]

Scan options:
  --format pretty|json|sarif|github       output format (default pretty)
  -o, --output <file>                     write the report to a file
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

Exit codes: 0 nothing blocking, 1 findings at or above --fail-on, 2 could not scan.
Docs: https://www.npmjs.com/package/kernel-secrets`;
