import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type Handlebars from 'handlebars';
import { packageRoot } from '../util/package-root.js';

/** Dockerfiles are not HTML, so no escaping; strict, so that a misspelt field fails instead of rendering empty. */
export const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

/** Written by scripts/bundle.mjs: the built-in templates, precompiled, by their exact text. */
export const PRECOMPILED_FILE = join(packageRoot, 'dist/precompiled-templates.json');
/** Also written by the bundle script: Handlebars' compiler alone, loaded only for a text that is not precompiled. */
const COMPILER_FILE = join(packageRoot, 'dist/handlebars-compiler.cjs');

type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

let precompiled: Readonly<Record<string, string>> | undefined;
let compiler: { precompile(source: string, options: object): string } | undefined;

/**
 * Compiling Handlebars is most of a run's time, and its compiler most of its code, so the build
 * precompiles the built-in templates and the renderer runs on Handlebars' small runtime. The very
 * same text gets that work back; any other text (a custom template, an edited one) is compiled
 * here, by the compiler loaded on first need. Either way the template is the same.
 */
export function templateSpec(source: string): TemplateSpecification {
  // A workspace renders the same templates once per member: each text is revived once per run.
  let spec = specs.get(source);
  if (!spec) specs.set(source, (spec = compileSpec(source)));
  return spec;
}

const specs = new Map<string, TemplateSpecification>();

function compileSpec(source: string): TemplateSpecification {
  precompiled ??= existsSync(PRECOMPILED_FILE) ? (JSON.parse(readFileSync(PRECOMPILED_FILE, 'utf8')) as Record<string, string>) : {};
  if (Object.hasOwn(precompiled, source)) return revive(precompiled[source]!);
  compiler ??= createRequire(import.meta.url)(existsSync(COMPILER_FILE) ? COMPILER_FILE : 'handlebars') as typeof compiler;
  return revive(compiler!.precompile(source, { ...COMPILE_OPTIONS }));
}

// eslint-disable-next-line @typescript-eslint/no-implied-eval -- code Handlebars' own compiler wrote, from this package's templates or the user's
const revive = (spec: string) => (new Function(`return ${spec};`) as () => TemplateSpecification)();
