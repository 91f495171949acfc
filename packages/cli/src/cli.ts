#!/usr/bin/env node
/** The `kernel-secrets` bin. Sets the exit code instead of calling process.exit so output is flushed. */
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
