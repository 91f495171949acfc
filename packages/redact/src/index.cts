/**
 * CommonJS entry (`require('@kernel-secrets/redact')`): the ES module loaded through Node's
 * require(esm) (Node ^20.19, ^22.12, 24+), so both entries share one instance.
 */
import redact = require('./index.js');

export = redact;
