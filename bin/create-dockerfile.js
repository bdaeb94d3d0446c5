#!/usr/bin/env node
// The published entry point: the CLI is bundled into one module so that it starts fast.
import { main } from '../dist/create-dockerfile.mjs';

process.exitCode = await main(process.argv.slice(2));
