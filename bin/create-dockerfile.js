#!/usr/bin/env node
// The published entry point: everything lives in the compiled package.
import { main } from '../dist/generators/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
