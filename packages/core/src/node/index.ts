/** `@kernel-secrets/core/node`: the file-system and environment adapter both front-ends share. */
export * from './project-config.js';
export * from './baseline.js';
