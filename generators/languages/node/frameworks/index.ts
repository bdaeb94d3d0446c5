import { angular } from './angular.js';
import { astro } from './astro.js';
import { createReactApp } from './create-react-app.js';
import { frameworkContext, type FrameworkRule } from './define.js';
import { fastifyCli } from './fastify-cli.js';
import { nest } from './nest.js';
import { next } from './next.js';
import { nuxt } from './nuxt.js';
import { reactRouter, remix } from './react-router.js';
import { sveltekit } from './sveltekit.js';
import type { Framework, FrameworkInputs } from './types.js';
import { vite } from './vite.js';

/**
 * Every Node framework with a production layout of its own, one file each, in the order they are
 * tried: meta-frameworks first (a Next.js app also depends on React and may run Vite), then servers
 * started by a framework's CLI, then front ends a web server serves. The first that matches wins.
 */
export const FRAMEWORKS: readonly FrameworkRule[] = [next, nuxt, sveltekit, astro, reactRouter, remix, nest, fastifyCli, angular, createReactApp, vite];

export function detectFramework(inputs: FrameworkInputs): Framework | undefined {
  const context = frameworkContext(inputs);
  for (const rule of FRAMEWORKS) {
    const found = rule.detect(context);
    if (found) return found;
  }
  return undefined;
}
