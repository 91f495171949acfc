// Git repositories for the benchmarks, built with real git: a repo with a staged change of
// N files, and a synthetic history of N commits (via git fast-import, which is quick).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const git = (cwd, args, input) =>
  execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });

/** Code-like files from the corpus, cut to ~`size` bytes each. */
function sampleFiles(corpus, count, size = 4000) {
  const code = corpus.files.filter((f) => /\.(m?[jt]s)$/.test(f.path));
  return Array.from({ length: count }, (_, i) => {
    const src = code[(i * 7) % code.length];
    return { name: `src/mod${i}/${src.path.split('/').pop()}`, text: src.text.slice(0, size) };
  });
}

/**
 * A repo with `base` committed files and a staged change that adds/modifies `changed` of them.
 * `bytes`: what the staged versions of those files hold, for the bench to check it was all read.
 */
export function stagedRepo(workDir, corpus, changed) {
  const dir = join(workDir, `staged-${changed}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q', '-b', 'main']);
  const files = sampleFiles(corpus, Math.max(changed * 2, 50));
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.name)), { recursive: true });
    writeFileSync(join(dir, f.name), f.text);
  }
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-qm', 'base']);
  // Half the change modifies committed files, half adds new ones.
  let bytes = 0;
  for (let i = 0; i < changed; i++) {
    const f = files[i];
    const path = i % 2 ? join(dir, f.name) : join(dir, `${f.name}.new.ts`);
    const text = `${f.text}\nexport const changed${i} = { id: ${i}, label: "change ${i}" };\n`;
    writeFileSync(path, text);
    bytes += Buffer.byteLength(text);
  }
  git(dir, ['add', '-A']);
  return { dir, files: changed, bytes };
}

/** A repo whose history has `commits` commits touching a rotating set of files. Cached. */
export function historyRepo(workDir, corpus, commits) {
  const dir = join(workDir, `history-${commits}`);
  if (existsSync(join(dir, '.git', 'bench-ready'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q', '-b', 'main']);
  const files = sampleFiles(corpus, 200, 3000);
  let stream = '';
  for (let c = 1; c <= commits; c++) {
    stream += `commit refs/heads/main\nmark :${c}\ncommitter bench <bench@example.invalid> ${1_700_000_000 + c * 60} +0000\ndata <<EOM\ncommit ${c}\nEOM\n`;
    if (c > 1) stream += `from :${c - 1}\n`;
    for (let k = 0; k < 3; k++) {
      const f = files[(c * 3 + k) % files.length];
      const body = `${f.text}\n// revision ${c}\nexport const rev${c} = ${c};\n`;
      stream += `M 100644 inline ${f.name}\ndata ${Buffer.byteLength(body)}\n${body}\n`;
    }
  }
  git(dir, ['fast-import', '--quiet'], stream);
  git(dir, ['reset', '-q', '--hard', 'main']);
  writeFileSync(join(dir, '.git', 'bench-ready'), '');
  return dir;
}
