#!/usr/bin/env bash
# The scan step of action.yml. Reads the inputs from KS_* and GitHub's own variables; writes
# `exit-code` to $GITHUB_OUTPUT and never fails itself, so the SARIF upload still runs.
# KS_CLI (for tests, or a custom build) overrides which CLI runs.
set -uo pipefail

say() { printf '%s\n' "$*" >&2; }
finish() {
  echo "exit-code=$1" >>"${GITHUB_OUTPUT:-/dev/null}"
  exit 0
}

zero='0000000000000000000000000000000000000000'
range="${KS_RANGE:-}"
if [ -z "$range" ]; then
  case "${GITHUB_EVENT_NAME:-}" in
    pull_request | pull_request_target)
      if [ -z "${KS_BASE_REF:-}" ]; then
        say "::error title=kernel-secrets::no base branch for this pull request; set the action's 'range' input"
        finish 2
      fi
      range="origin/${KS_BASE_REF}..HEAD"
      ;;
    push) if [ -n "${KS_BEFORE:-}" ] && [ "${KS_BEFORE}" != "$zero" ]; then range="${KS_BEFORE}..${KS_AFTER:-HEAD}"; fi ;;
  esac
fi

# The range needs the history back to where it forks: a shallow clone (actions/checkout's default
# depth 1) would silently scan only its tip.
if [ "$(git rev-parse --is-shallow-repository 2>/dev/null)" = "true" ]; then
  if [ -z "$range" ] || ! git merge-base "${range%%..*}" "${range#*..}" >/dev/null 2>&1; then
    say "::error title=kernel-secrets::this is a shallow clone, so the commits to scan are not all here. Set 'fetch-depth: 0' on actions/checkout (kernel-secrets scans ${range:-the whole history})."
    finish 2
  fi
fi

if [ -n "${KS_CLI:-}" ]; then
  cli=(node "$KS_CLI")
elif [ -n "${KS_VERSION:-}" ]; then
  cli=(npx --yes "kernel-secrets@${KS_VERSION}")
elif [ -x node_modules/.bin/kernel-secrets ]; then
  cli=(node_modules/.bin/kernel-secrets)
else
  # The action's own checkout carries the CLI bundled in one file (the pre-commit hooks' bin).
  cli=(node "$GITHUB_ACTION_PATH/bin/kernel-secrets.mjs")
fi

if [ -n "$range" ]; then target=(--commits "$range"); else target=(--all); fi
say "kernel-secrets: scanning ${range:-the whole history}"
"${cli[@]}" scan "${target[@]}" --format "${KS_FORMAT:-sarif}" --output "${KS_OUTPUT:-kernel-secrets.sarif}" --fail-on "${KS_FAIL_ON:-error}"
finish $?
