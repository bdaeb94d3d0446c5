/**
 * The parts of the CLI only some runs need, each loaded on first use: the prompts (yeoman, inquirer),
 * docker's client and `verify`. In the published package the main path is a CommonJS file compiled
 * from a code cache, and these are ES module files beside it; the build points these four imports at
 * them (scripts/bundle.mjs).
 */
export const loadInteractive = () => import('./interactive.js');
export const loadVerifyCommand = () => import('./verify-command.js');
export const loadDocker = () => import('../verify/docker.js');
export const loadCheckbox = () => import('@inquirer/checkbox');
