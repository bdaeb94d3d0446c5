import { posix } from 'node:path';
import { UserError } from '../../core/errors.js';
import { own } from '../../core/own.js';
import type { ProjectSnapshot } from '../../core/types.js';
import type { ResolvedBin } from './bins.js';
import { programs } from './install-scripts.js';
import { ERRORS } from '../../core/explain/error-messages.js';

/**
 * Prisma Client is code generated from the schema (`prisma generate`): without that step the app
 * dies at its first import. Prisma's own guides put the schema in prisma/schema.prisma (or a
 * prisma/schema/ folder of files), name another place in prisma.config.ts or package.json's
 * "prisma" field, and write the client to node_modules/.prisma/client (prisma-client-js) or to the
 * generator's `output` folder (always, for the newer prisma-client generator).
 */
export interface PrismaFacts {
  /** The schema file or folder, relative to the app. */
  readonly schema: string;
  readonly schemaSource: string;
  /** prisma.config.ts and the like: read by the CLI, so copied wherever the CLI runs. */
  readonly configFile?: string;
  /** Arguments to node that run `prisma generate`. */
  readonly generate: readonly string[];
  /** Folders the generators write into the project, relative to the app; TypeScript for the prisma-client generator. */
  readonly outputs: readonly { readonly path: string; readonly typescript: boolean }[];
  /** The CLI is a production dependency, so the production install runs its install scripts too. */
  readonly production: boolean;
  /** A prisma-client-js generator with no output: the client lands in node_modules/.prisma. */
  readonly inNodeModules: boolean;
  /** An install script of the project's own runs `prisma generate`, so the schema must be there before it. */
  readonly byInstall: boolean;
}

const CONFIG_FILES = ['prisma.config.ts', 'prisma.config.mts', 'prisma.config.js', 'prisma.config.mjs', 'prisma.config.cjs'];

export interface PrismaInputs {
  readonly snapshot: ProjectSnapshot;
  readonly scripts: Readonly<Record<string, string>>;
  readonly dependencies: Readonly<Record<string, string>>;
  readonly devDependencies: Readonly<Record<string, string>>;
  readonly packageSchema?: string;
  readonly findBin: (command: string) => ResolvedBin | undefined;
}

export function detectPrisma({ snapshot, scripts, dependencies, devDependencies, packageSchema, findBin }: PrismaInputs): PrismaFacts | undefined {
  if (own(dependencies, '@prisma/client') === undefined) return undefined;
  const configFile = CONFIG_FILES.find((file) => snapshot.files.includes(file));
  const { schema, source } = schemaLocation(snapshot, configFile, packageSchema);
  const bin = own(dependencies, 'prisma') !== undefined || own(devDependencies, 'prisma') !== undefined ? findBin('prisma') : undefined;
  if (!bin) throw new UserError(ERRORS.message('error.prisma.prisma-client-needs'));
  const files = schemaFiles(snapshot, schema);
  const generators = files.flatMap((file) => readGenerators(snapshot.read(file) ?? '', posix.dirname(file)));
  const clients = generators.filter((generator) => /^prisma-client(-js)?$/.test(generator.provider));
  const byInstall = ['preinstall', 'install', 'postinstall', 'prepare'].some((name) => {
    const command = own(scripts, name);
    return command !== undefined && /\bprisma\s+generate\b/.test(command) && programs(command).includes('prisma');
  });
  return {
    schema,
    schemaSource: source,
    configFile,
    generate: [bin.path, 'generate'],
    outputs: generators.flatMap((generator) => (generator.output ? [{ path: generator.output, typescript: generator.provider === 'prisma-client' }] : [])),
    production: own(dependencies, 'prisma') !== undefined,
    inNodeModules: clients.length === 0 || clients.some((generator) => generator.provider === 'prisma-client-js' && !generator.output),
    byInstall,
  };
}

function schemaLocation(snapshot: ProjectSnapshot, configFile: string | undefined, packageSchema: string | undefined): { schema: string; source: string } {
  const stated = configFile ? /\bschema\s*:\s*['"`]([^'"`]+)['"`]/.exec(snapshot.read(configFile) ?? '')?.[1] : undefined;
  const [path, source] = stated
    ? [stated, `${configFile} schema`]
    : packageSchema !== undefined
      ? [packageSchema, 'package.json prisma.schema']
      : [['prisma/schema.prisma', 'schema.prisma', 'prisma/schema'].find((candidate) => exists(snapshot, candidate)), "Prisma's default place"];
  if (path === undefined) throw new UserError(ERRORS.message('error.prisma.prisma-client-dependency'));
  const schema = posix.normalize(path).replace(/^\.\//, '').replace(/\/$/, '');
  if (schema.startsWith('..') || posix.isAbsolute(schema))
    throw new UserError(ERRORS.message('error.prisma.outside-project', { source, path: JSON.stringify(path) }));
  if (!exists(snapshot, schema)) throw new UserError(ERRORS.message('error.prisma.names-which-project', { source, path: JSON.stringify(path) }));
  return { schema, source };
}

const exists = (snapshot: ProjectSnapshot, path: string) => snapshot.files.some((file) => file === path || file.startsWith(`${path}/`));

function schemaFiles(snapshot: ProjectSnapshot, schema: string): string[] {
  if (snapshot.files.includes(schema)) return [schema];
  return snapshot.files.filter((file) => file.startsWith(`${schema}/`) && file.endsWith('.prisma'));
}

interface Generator {
  readonly provider: string;
  readonly output?: string;
}

/** `generator client { provider = "prisma-client-js" output = "../generated/prisma" }`, output made relative to the app. */
function readGenerators(text: string, dir: string): Generator[] {
  const blocks = [...text.replace(/\/\/[^\n]*/g, '').matchAll(/\bgenerator\s+\w+\s*\{([^}]*)\}/g)].map((match) => match[1]!);
  return blocks.map((body) => {
    const provider = /\bprovider\s*=\s*"([^"]*)"/.exec(body)?.[1] ?? '';
    const output = /\boutput\s*=\s*"([^"]*)"/.exec(body)?.[1];
    if (output === undefined) return { provider };
    const resolved = posix.normalize(posix.join(dir, output)).replace(/\/$/, '');
    if (resolved.startsWith('..') || posix.isAbsolute(output) || !/^[\w@.+-]+(\/[\w@.+-]+)*$/.test(resolved)) {
      throw new UserError(ERRORS.message('error.prisma.prisma-generator-s', { output: JSON.stringify(output) }));
    }
    return { provider, output: resolved };
  });
}
