import { posix } from 'node:path';
import { own } from '../../../core/own.js';
import { isPlainObject } from '../../../core/schema.js';
import type { ProjectSnapshot } from '../../../core/types.js';
import { startsNoServer, staticSite, type FrameworkRule } from './define.js';
import type { Message } from '../../../core/explain/messages.js';
import { NODE_MESSAGES } from '../messages.js';

/** Angular without SSR: `ng build` writes a single-page app where angular.json says. */
export const angular: FrameworkRule = {
  id: 'angular',
  detect({ scripts, snapshot, dependsOn }) {
    if (!startsNoServer(scripts) || !/\bng\s+build\b/.test(scripts.build ?? '') || dependsOn('@angular/ssr')) return undefined;
    const output = readAngularOutput(snapshot);
    return staticSite({
      id: 'angular',
      name: 'Angular',
      source: 'scripts.build `ng build`',
      root: output.root,
      spa: true,
      outputs: [...new Set([output.root.split('/')[0] ?? output.root, '.angular'])],
      guess: output.guess,
    });
  },
};

/**
 * Where `ng build` writes the browser files: the first project's build outputPath in angular.json
 * (a string, or `{ base, browser }`), else dist/<project>/browser, the application builder's default.
 */
function readAngularOutput(snapshot: ProjectSnapshot): { root: string; guess?: Message } {
  const fallback = (why: 'unparsable' | 'no-project' | 'not-folder') => ({
    root: 'dist/app/browser',
    guess: NODE_MESSAGES.message('note.node.angular-guess', { why: NODE_MESSAGES.message(`note.node.angular.${why}`) }),
  });
  let projects: unknown;
  try {
    projects = (JSON.parse(snapshot.read('angular.json') ?? '{}') as { projects?: unknown }).projects;
  } catch {
    return fallback('unparsable');
  }
  if (!isPlainObject(projects)) return fallback('no-project');
  const name = Object.keys(projects)[0];
  if (!name || !/^[\w.-]+$/.test(name)) return fallback('no-project');
  const project = projects[name];
  const options = isPlainObject(project) ? pick(project, ['architect', 'build', 'options']) : undefined;
  const outputPath = isPlainObject(options) ? options.outputPath : undefined;
  const [base, browser] =
    typeof outputPath === 'string'
      ? [outputPath, 'browser']
      : isPlainObject(outputPath)
        ? [outputPath.base, typeof outputPath.browser === 'string' ? outputPath.browser : 'browser']
        : [`dist/${name}`, 'browser'];
  const clean = typeof base === 'string' ? posix.normalize(base).replace(/^\.\/|\/$/g, '') : '';
  if (!/^[\w.-]+(\/[\w.-]+)*$/.test(clean) || clean.startsWith('..') || !/^[\w.-]*$/.test(browser)) {
    return fallback('not-folder');
  }
  return { root: browser === '' ? clean : `${clean}/${browser}` };
}

function pick(value: Record<string, unknown>, path: readonly string[]): unknown {
  let current: unknown = value;
  for (const key of path) current = isPlainObject(current) ? own(current, key) : undefined;
  return current;
}
