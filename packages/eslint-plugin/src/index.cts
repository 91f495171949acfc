/**
 * CommonJS entry (`require('eslint-plugin-kernel-secrets')` from an eslint.config.cjs): the same
 * plugin object as the ES module, loaded through Node's require(esm) (Node ^20.19, ^22.12, 24+),
 * so both entries share one instance and one scanner cache.
 */
import plugin = require('./index.js');

export = plugin.default;
