/**
 * The policy a scan applies: the config (`kernel-secrets.config.json` or `package.json#kernelSecrets`)
 * and the baseline. For the gate (staged, history, pre-push) it is read from a commit the team
 * already agreed on (HEAD, the range's base, what the remote has), so a change cannot switch
 * its own check off; the change's own policy is only compared with it (see review.ts).
 */
import { join } from 'node:path';
import { resolveConfig, type ResolvedConfig } from '@kernel-secrets/core';
import { CONFIG_FILE_NAME, configFromText, packageJsonHasConfig } from '@kernel-secrets/core/node';
import type { BlobReader } from '../git/blob-reader.js';
import { withConfigErrors } from '../scan/setup.js';
import { BASELINE_FILE_NAME, parseBaseline, readBaseline, type Baseline } from '../scan/baseline.js';

export interface Policy {
  config: ResolvedConfig;
  /** Absolute directory the config's paths (ignorePaths, knownFingerprintsFile) are relative to. */
  root: string;
  baseline: Baseline | undefined;
  /** Where the config came from, for messages (`kernel-secrets.config.json at HEAD`); undefined: defaults. */
  configSource: string | undefined;
  baselineSource: string | undefined;
  /** Blob ids the policy was read from: two policies with the same ids are the same. */
  identity: string;
}

/** Repository-relative path → blob id, for the few files a policy can live in. */
export type PolicyTree = ReadonlyMap<string, string>;

/** `a/b` → [`a/b`, `a`, ``]: where the config is looked for, nearest first (as on disk). */
function ancestors(relDir: string): string[] {
  const parts = relDir.split('/').filter(Boolean);
  const out: string[] = [];
  for (let n = parts.length; n >= 0; n--) out.push(parts.slice(0, n).join('/'));
  return out;
}

function inDir(dir: string, name: string): string {
  return dir ? `${dir}/${name}` : name;
}

/** Every path a policy seen from `relDir` could be read from. */
export function policyPaths(relDir: string): string[] {
  return ancestors(relDir).flatMap((d) => [CONFIG_FILE_NAME, 'package.json', BASELINE_FILE_NAME].map((n) => inDir(d, n)));
}

export interface PolicyReadOptions {
  /** Working-tree root; the policy's root is a directory inside it. */
  top: string;
  /** Directory the scan runs from, relative to `top`. */
  relDir: string;
  /** Says where the files come from in messages: `at HEAD`, `(staged)`. */
  where: string;
  /** An explicit baseline file on disk, or false for none; undefined: the tree's. */
  baseline?: string | false | undefined;
}

/** Reads the policy held by `tree` (present blobs fetched through `reader`, in one request). */
export async function readPolicyTree(tree: PolicyTree, reader: BlobReader, o: PolicyReadOptions): Promise<Policy> {
  const paths = policyPaths(o.relDir).filter((p) => tree.has(p));
  const texts = new Map<string, string>();
  let i = 0;
  for await (const blob of reader.request(paths.map((p) => tree.get(p)!))) {
    // Policy files are small JSON; an oversized one is not a config we could apply.
    texts.set(paths[i++]!, blob.bytes ? blob.bytes.toString('utf8') : '');
  }
  let configPath: string | undefined;
  let fromPackageJson = false;
  for (const dir of ancestors(o.relDir)) {
    if (texts.has(inDir(dir, CONFIG_FILE_NAME))) {
      configPath = inDir(dir, CONFIG_FILE_NAME);
      break;
    }
    const pkg = inDir(dir, 'package.json');
    if (texts.has(pkg) && packageJsonHasConfig(texts.get(pkg)!)) {
      configPath = pkg;
      fromPackageJson = true;
      break;
    }
  }
  const rootDir = configPath?.includes('/') ? configPath.slice(0, configPath.lastIndexOf('/')) : '';
  const configSource = configPath ? `${configPath} ${o.where}` : undefined;
  const config: ResolvedConfig = withConfigErrors(() =>
    configPath ? configFromText(texts.get(configPath)!, configSource!, fromPackageJson) : resolveConfig({}),
  );
  const baselinePath = inDir(rootDir, BASELINE_FILE_NAME);
  let baseline: Baseline | undefined;
  let baselineSource: string | undefined;
  if (typeof o.baseline === 'string') {
    baseline = readBaseline(o.baseline);
    baselineSource = o.baseline;
  } else if (o.baseline === undefined && texts.has(baselinePath)) {
    baselineSource = `${baselinePath} ${o.where}`;
    baseline = parseBaseline(texts.get(baselinePath)!, baselineSource);
  }
  return {
    config,
    root: join(o.top, rootDir),
    baseline,
    configSource,
    baselineSource,
    identity: [configPath && tree.get(configPath), o.baseline === undefined && tree.get(baselinePath)].join(':'),
  };
}
