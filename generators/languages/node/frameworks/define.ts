import { own } from '../../../core/own.js';
import type { ProjectSnapshot } from '../../../core/types.js';
import { stripJsComments } from '../js-comments.js';
import type { FrameworkInputs, FrameworkServer, FrameworkStatic, OutputCopy } from './types.js';

/** What every framework rule reads of the project, asked once per run. */
export interface FrameworkContext extends FrameworkInputs {
  /** A dependency or dev dependency. */
  readonly has: (name: string) => boolean;
  /** A production dependency: what the running server imports. */
  readonly dependsOn: (name: string) => boolean;
  /** The first of `name.{js,mjs,cjs,ts,mts}` that exists, its comments stripped. */
  readonly config: (name: string) => ConfigFile | undefined;
  /** public/, copied beside the build output when the project has one. */
  readonly publicCopy: readonly OutputCopy[];
}

export interface ConfigFile {
  readonly file: string;
  readonly text: string;
}

/** One framework: its id, and how it is recognised and laid out. The first rule that matches wins. */
export interface FrameworkRule {
  readonly id: string;
  readonly detect: (context: FrameworkContext) => FrameworkServer | FrameworkStatic | undefined;
}

const CONFIG_EXTENSIONS = ['js', 'mjs', 'cjs', 'ts', 'mts'];

export function frameworkContext(inputs: FrameworkInputs): FrameworkContext {
  const { snapshot, dependencies, devDependencies } = inputs;
  return {
    ...inputs,
    has: (name) => own(dependencies, name) !== undefined || own(devDependencies, name) !== undefined,
    dependsOn: (name) => own(dependencies, name) !== undefined,
    config: (name) => configFile(snapshot, name),
    publicCopy: snapshot.files.some((file) => file === 'public' || file.startsWith('public/')) ? [{ from: 'public', to: 'public' }] : [],
  };
}

function configFile(snapshot: ProjectSnapshot, name: string): ConfigFile | undefined {
  for (const extension of CONFIG_EXTENSIONS) {
    const file = `${name}.${extension}`;
    if (snapshot.files.includes(file)) return { file, text: stripJsComments(snapshot.read(file) ?? '') };
  }
  return undefined;
}

/** `output: 'standalone'` and the like, read from a config file's text. */
export const option = (text: string, key: string) => new RegExp(`\\b${key}\\s*:\\s*['"\`]([\\w-]+)['"\`]`).exec(text)?.[1];

/** A folder named in a config (`out: './build/'`), as a plain relative path. */
export const folderOption = (text: string | undefined, key: string) =>
  new RegExp(`\\b${key}\\s*:\\s*['"]([\\w./-]+)['"]`).exec(text ?? '')?.[1]?.replace(/^\.\/|\/$/g, '');

type Defaulted<T, K extends keyof T> = Omit<T, K | 'kind'> & Partial<Pick<T, K>>;

/**
 * A framework's own server. What most of them share is written here once: port 3000, production
 * dependencies at run time, nothing to copy, no environment, no output folders.
 */
export const server = (fields: Defaulted<FrameworkServer, 'copies' | 'modules' | 'env' | 'defaultPort' | 'outputs'>): FrameworkServer => ({
  kind: 'server',
  copies: [],
  modules: true,
  env: [],
  defaultPort: 3000,
  outputs: [],
  ...fields,
});

/** A site of static files served by a web server: a multi-page site with no hashed folders unless said. */
export const staticSite = (fields: Defaulted<FrameworkStatic, 'spa' | 'hashed'>): FrameworkStatic => ({
  kind: 'static',
  spa: false,
  hashed: [],
  ...fields,
});

/** A front end with no server of its own: nothing starts, or only a dev server or preview does. */
export function startsNoServer(scripts: Readonly<Record<string, string>>): boolean {
  const start = scripts.start?.trim() ?? '';
  return start === '' || /^(vite\s+preview|serve\b|ng\s+serve|react-scripts\s+start)/.test(start);
}
