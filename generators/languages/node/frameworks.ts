import { posix } from 'node:path';
import { own } from '../../core/own.js';
import { isPlainObject } from '../../core/schema.js';
import type { ProjectSnapshot } from '../../core/types.js';

/**
 * Node web frameworks that have a production layout of their own: where their build writes, what
 * the runtime needs of it, how the server starts with node itself as PID 1, and what it must be
 * told to listen on every interface. Each entry is what that framework's own deployment guide says.
 */

/** A path copied from the build stage's /app into the runtime's /app. */
export interface OutputCopy {
  readonly from: string;
  readonly to: string;
}

export interface FrameworkServer {
  readonly kind: 'server';
  readonly id: string;
  readonly name: string;
  /** What gave it away, for the summary. */
  readonly source: string;
  /** Arguments to node; a package's CLI is named by its bin, resolved later (`bin:<command>`). */
  readonly start: readonly string[];
  readonly startSource: string;
  /** What the runtime copies out of the build; package.json and node_modules are added when `modules`. */
  readonly copies: readonly OutputCopy[];
  /** Whether the server imports production dependencies at run time (false: the build bundled them). */
  readonly modules: boolean;
  /** Environment the server needs to listen on every interface, and why. */
  readonly env: readonly { readonly name: string; readonly value: string }[];
  readonly defaultPort: number;
  /** Folders its build writes, kept out of the context (the image builds its own). */
  readonly outputs: readonly string[];
}

export interface FrameworkStatic {
  readonly kind: 'static';
  readonly id: string;
  readonly name: string;
  readonly source: string;
  /** The folder holding index.html after the build. */
  readonly root: string;
  /** A single-page app: unknown paths fall back to index.html. A multi-page site answers 404. */
  readonly spa: boolean;
  /** Folders under root whose file names carry a content hash: cached for a year. */
  readonly hashed: readonly string[];
  readonly outputs: readonly string[];
  /** Set when root is this tool's default rather than read from the project: said in the header. */
  readonly guess?: string;
}

export type Framework = FrameworkServer | FrameworkStatic;

export interface FrameworkInputs {
  readonly snapshot: ProjectSnapshot;
  readonly scripts: Readonly<Record<string, string>>;
  readonly dependencies: Readonly<Record<string, string>>;
  readonly devDependencies: Readonly<Record<string, string>>;
}

const CONFIG_EXTENSIONS = ['js', 'mjs', 'cjs', 'ts', 'mts'];

/** The first of `name.{js,mjs,cjs,ts,mts}` that exists, with its text. */
function config(snapshot: ProjectSnapshot, name: string): { file: string; text: string } | undefined {
  for (const extension of CONFIG_EXTENSIONS) {
    const file = `${name}.${extension}`;
    if (snapshot.files.includes(file)) return { file, text: stripComments(snapshot.read(file) ?? '') };
  }
  return undefined;
}

const stripComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\/|(^|[^:])\/\/[^\n]*/g, '$1');

/** `output: 'standalone'` and the like, read from a config file's text. */
const option = (text: string, key: string) => new RegExp(`\\b${key}\\s*:\\s*['"\`]([\\w-]+)['"\`]`).exec(text)?.[1];

export function detectFramework({ snapshot, scripts, dependencies, devDependencies }: FrameworkInputs): Framework | undefined {
  const has = (name: string) => own(dependencies, name) !== undefined || own(devDependencies, name) !== undefined;
  const exists = (path: string) => snapshot.files.some((file) => file === path || file.startsWith(`${path}/`));
  const publicCopy = exists('public') ? [{ from: 'public', to: 'public' }] : [];

  if (has('next')) {
    const nextConfig = config(snapshot, 'next.config');
    const output = nextConfig && option(nextConfig.text, 'output');
    const base = { id: 'next', name: 'Next.js', outputs: ['.next', 'out'] };
    if (output === 'export') {
      return { ...base, kind: 'static', source: `${nextConfig!.file} output: 'export'`, root: 'out', spa: false, hashed: ['_next/static'] };
    }
    if (output === 'standalone') {
      return {
        ...base,
        kind: 'server',
        source: `${nextConfig!.file} output: 'standalone'`,
        start: ['server.js'],
        startSource: `.next/standalone/server.js, written by next build (${nextConfig!.file} output: 'standalone')`,
        // The standalone folder holds server.js and the traced node_modules; static assets and public/ are copied beside it, as Next's guide says.
        copies: [{ from: '.next/standalone', to: '.' }, { from: '.next/static', to: '.next/static' }, ...publicCopy],
        modules: false,
        // The standalone server binds to $HOSTNAME, which docker sets to the container's id.
        env: [{ name: 'HOSTNAME', value: '0.0.0.0' }],
        defaultPort: 3000,
      };
    }
    return {
      ...base,
      kind: 'server',
      source: 'dependency next',
      start: ['bin:next', 'start'],
      startSource: "`next start`, through the next package's bin",
      copies: [{ from: '.next', to: '.next' }, ...publicCopy, ...(nextConfig ? [{ from: nextConfig.file, to: nextConfig.file }] : [])],
      modules: true,
      env: [],
      defaultPort: 3000,
    };
  }

  if (has('nuxt')) {
    if (/\bnuxt\s+generate\b/.test(scripts.build ?? '')) {
      return {
        kind: 'static',
        id: 'nuxt',
        name: 'Nuxt',
        source: 'scripts.build `nuxt generate`',
        root: '.output/public',
        spa: false,
        hashed: ['_nuxt'],
        outputs: ['.output', '.nuxt'],
      };
    }
    return {
      kind: 'server',
      id: 'nuxt',
      name: 'Nuxt',
      source: 'dependency nuxt',
      start: ['.output/server/index.mjs'],
      startSource: ".output/server/index.mjs, written by nuxt build (Nitro's node server)",
      // Nitro bundles what the server imports into .output: no node_modules ship.
      copies: [{ from: '.output', to: '.output' }],
      modules: false,
      env: [],
      defaultPort: 3000,
      outputs: ['.output', '.nuxt', '.nitro'],
    };
  }

  if (has('@sveltejs/kit')) {
    // SvelteKit 2 reads svelte.config.js; SvelteKit 3 takes the same options in vite.config's sveltekit().
    const svelteConfig = [config(snapshot, 'svelte.config'), config(snapshot, 'vite.config')].find((found) => /@sveltejs\/adapter-/.test(found?.text ?? ''));
    const adapter = /@sveltejs\/adapter-(node|static|auto|vercel|netlify|cloudflare)/.exec(svelteConfig?.text ?? '')?.[1];
    const out = /\bout\s*:\s*['"]([\w./-]+)['"]/.exec(svelteConfig?.text ?? '')?.[1]?.replace(/^\.\/|\/$/g, '') ?? 'build';
    if (adapter === 'static') {
      return {
        kind: 'static',
        id: 'sveltekit',
        name: 'SvelteKit',
        source: `${svelteConfig!.file} adapter-static`,
        root: out,
        spa: false,
        hashed: ['_app/immutable'],
        outputs: [out, '.svelte-kit'],
      };
    }
    if (adapter === 'node') {
      return {
        kind: 'server',
        id: 'sveltekit',
        name: 'SvelteKit',
        source: `${svelteConfig!.file} adapter-node`,
        start: [`${out}/index.js`],
        startSource: `${out}/index.js, written by adapter-node`,
        copies: [{ from: out, to: out }],
        modules: true,
        env: [],
        defaultPort: 3000,
        outputs: [out, '.svelte-kit'],
      };
    }
  }

  if (has('astro')) {
    const astroConfig = config(snapshot, 'astro.config');
    if (has('@astrojs/node') && /@astrojs\/node/.test(astroConfig?.text ?? '')) {
      return {
        kind: 'server',
        id: 'astro',
        name: 'Astro',
        source: `${astroConfig!.file} with @astrojs/node`,
        start: ['dist/server/entry.mjs'],
        startSource: 'dist/server/entry.mjs, written by astro build with the node adapter (standalone)',
        copies: [{ from: 'dist', to: 'dist' }],
        modules: true,
        // The standalone server listens on localhost unless HOST says otherwise.
        env: [{ name: 'HOST', value: '0.0.0.0' }],
        defaultPort: 4321,
        outputs: ['dist', '.astro'],
      };
    }
    if (!astroConfig || !/\badapter\s*:/.test(astroConfig.text)) {
      return {
        kind: 'static',
        id: 'astro',
        name: 'Astro',
        source: 'dependency astro, no adapter',
        root: 'dist',
        spa: false,
        hashed: ['_astro'],
        outputs: ['dist', '.astro'],
      };
    }
  }

  for (const [serve, name] of [
    ['@react-router/serve', 'React Router'],
    ['@remix-run/serve', 'Remix'],
  ] as const) {
    const command = serve === '@react-router/serve' ? 'react-router-serve' : 'remix-serve';
    const start = scripts.start?.trim().split(/\s+/);
    if (has(serve) && start?.[0] === command) {
      const build = (start[1] ?? '').replace(/^\.\//, '').split('/')[0] || 'build';
      return {
        kind: 'server',
        id: command,
        name,
        source: `scripts.start \`${scripts.start!.trim()}\``,
        start: [`bin:${command}`, ...start.slice(1)],
        startSource: `scripts.start \`${scripts.start!.trim()}\`, through the ${serve} package's bin`,
        copies: [{ from: build, to: build }, ...publicCopy.filter(() => name === 'Remix')],
        modules: true,
        env: [],
        defaultPort: 3000,
        outputs: [build, '.react-router', '.cache'],
      };
    }
  }

  if (own(dependencies, '@nestjs/core') !== undefined && /\bnest\s+build\b/.test(scripts.build ?? '')) {
    const prod = /^node\s+(\S+)$/.exec(scripts['start:prod']?.trim() ?? '')?.[1];
    const entry = prod ? (prod.endsWith('.js') ? prod : `${prod}.js`) : 'dist/main.js';
    return {
      kind: 'server',
      id: 'nest',
      name: 'NestJS',
      source: 'dependency @nestjs/core, scripts.build `nest build`',
      start: [entry],
      startSource: prod ? `scripts["start:prod"] \`${scripts['start:prod']!.trim()}\`` : 'dist/main.js, where nest build writes src/main.ts',
      copies: [{ from: entry.split('/')[0]!, to: entry.split('/')[0]! }],
      modules: true,
      env: [],
      defaultPort: 3000,
      outputs: [entry.split('/')[0]!],
    };
  }

  const fastify = /^fastify\s+start\s+(.*)$/.exec(scripts.start?.trim() ?? '');
  if (fastify && own(dependencies, 'fastify-cli') !== undefined) {
    return {
      kind: 'server',
      id: 'fastify-cli',
      name: 'Fastify (fastify-cli)',
      source: `scripts.start \`${scripts.start!.trim()}\``,
      start: ['bin:fastify', 'start', ...fastify[1]!.split(/\s+/)],
      startSource: `scripts.start \`${scripts.start!.trim()}\`, through fastify-cli's bin`,
      copies: [],
      modules: true,
      // fastify-cli listens on localhost unless told otherwise.
      env: [{ name: 'FASTIFY_ADDRESS', value: '0.0.0.0' }],
      defaultPort: 3000,
      outputs: [],
    };
  }

  // A front end with no server of its own: its build emits files for a web server.
  const build = scripts.build ?? '';
  const start = scripts.start?.trim() ?? '';
  const noServer = start === '' || /^(vite\s+preview|serve\b|ng\s+serve|react-scripts\s+start)/.test(start);
  if (noServer && /\bng\s+build\b/.test(build) && own(dependencies, '@angular/ssr') === undefined) {
    const output = readAngularOutput(snapshot);
    return {
      kind: 'static',
      id: 'angular',
      name: 'Angular',
      source: 'scripts.build `ng build`',
      root: output.root,
      spa: true,
      hashed: [],
      outputs: [...new Set([output.root.split('/')[0]!, '.angular'])],
      guess: output.guess,
    };
  }
  if (noServer && /\breact-scripts\s+build\b/.test(build)) {
    return {
      kind: 'static',
      id: 'create-react-app',
      name: 'Create React App',
      source: 'scripts.build `react-scripts build`',
      root: 'build',
      spa: true,
      hashed: ['static'],
      outputs: ['build'],
    };
  }
  if (noServer && /\bvite\s+build\b/.test(build) && snapshot.files.includes('index.html')) {
    const viteConfig = config(snapshot, 'vite.config');
    const outDir = /\boutDir\s*:\s*['"]([\w./-]+)['"]/.exec(viteConfig?.text ?? '')?.[1]?.replace(/^\.\/|\/$/g, '') ?? 'dist';
    return {
      kind: 'static',
      id: 'vite',
      name: 'Vite',
      source: 'scripts.build `vite build` and index.html, no server',
      root: outDir,
      spa: true,
      hashed: ['assets'],
      outputs: [outDir],
    };
  }
  return undefined;
}

/**
 * Where `ng build` writes the browser files: the first project's build outputPath in angular.json
 * (a string, or `{ base, browser }`), else dist/<project>/browser, the application builder's default.
 */
function readAngularOutput(snapshot: ProjectSnapshot): { root: string; guess?: string } {
  const fallback = (why: string) => ({
    root: 'dist/app/browser',
    guess: `Angular: ${why}, so the site is taken from dist/app/browser, a guess (the build checks that index.html is there); set outputPath in angular.json to settle it.`,
  });
  let projects: unknown;
  try {
    projects = (JSON.parse(snapshot.read('angular.json') ?? '{}') as { projects?: unknown }).projects;
  } catch {
    return fallback('angular.json does not parse');
  }
  if (!isPlainObject(projects)) return fallback('angular.json names no project');
  const name = Object.keys(projects)[0];
  if (!name || !/^[\w.-]+$/.test(name)) return fallback('angular.json names no project');
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
    return fallback('its outputPath is not a plain folder inside the project');
  }
  return { root: browser === '' ? clean : `${clean}/${browser}` };
}

function pick(value: Record<string, unknown>, path: readonly string[]): unknown {
  let current: unknown = value;
  for (const key of path) current = isPlainObject(current) ? own(current, key) : undefined;
  return current;
}
