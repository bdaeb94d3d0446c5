#!/usr/bin/env node
'use strict';
// The published entry point: the CLI's main path from its code cache (run-cached.cjs); the prompts,
// docker's client and verify are ES module files it imports only when a run needs them.
require('./run-cached.cjs').run(process.argv.slice(2));
