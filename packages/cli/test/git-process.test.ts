import { describe, expect, it } from 'vitest';
import { gitComplaint, maskCredentials, runGit } from '../src/git/process.js';

describe('maskCredentials', () => {
  it('drops the userinfo of URLs, whatever the scheme, and leaves the rest', () => {
    expect(maskCredentials("fatal: unable to access 'https://bot:s3cr3t-pass@git.example.invalid/a.git/': 403")).toBe(
      "fatal: unable to access 'https://***@git.example.invalid/a.git/': 403",
    );
    expect(maskCredentials('ssh://ghp_abc@host/x http://u@h/ git@github.com:o/r.git')).toBe(
      'ssh://***@host/x http://***@h/ git@github.com:o/r.git',
    );
    expect(maskCredentials('no url here')).toBe('no url here');
  });
});

describe('gitComplaint', () => {
  it("takes git's fatal/error line, skipping GIT_TRACE output, and masks credentials in it", () => {
    const stderr = [
      "12:00:00.000001 git.c:460               trace: built-in: git fetch 'https://u:p@h/r'",
      'warning: something first',
      "fatal: could not read from 'https://u:p@h/r'",
    ].join('\n');
    expect(gitComplaint(stderr)).toBe("could not read from 'https://***@h/r'");
    expect(gitComplaint('12:00:00.000001 run-command.c:1 trace: run_command: x\n')).toBeUndefined();
    expect(gitComplaint('just words\n')).toBe('just words');
  });
});

describe('runGit', () => {
  it('returns output and exit code; a missing working directory is named, not "git not found"', async () => {
    const r = await runGit(process.cwd(), ['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^git version /);
    await expect(runGit('/no/such/dir/for/kernel-secrets', ['--version'])).rejects.toThrow(
      'the directory /no/such/dir/for/kernel-secrets does not exist',
    );
  });
});
