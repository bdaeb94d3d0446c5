import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Handlebars from 'handlebars';
import { packageRoot } from '../util/package-root.js';

/** Dockerfiles are not HTML, so no escaping; strict, so that a misspelt field fails instead of rendering empty. */
export const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

/** Written by scripts/bundle.mjs: the built-in templates, precompiled, by the hash of their text. */
export const PRECOMPILED_FILE = join(packageRoot, 'dist/precompiled-templates.json');

export const templateKey = (source: string) => createHash('sha256').update(JSON.stringify(COMPILE_OPTIONS)).update(source).digest('hex');

let precompiled: Readonly<Record<string, string>> | undefined;

/**
 * A template function for this text. Compiling Handlebars is most of a run's time, so the build
 * precompiles the built-in templates; a text with the same hash gets that work back, and any other
 * text (a custom template, an edited one) compiles here as it always did. The result is the same.
 */
export function compileTemplate(handlebars: typeof Handlebars, source: string): Handlebars.TemplateDelegate {
  precompiled ??= existsSync(PRECOMPILED_FILE) ? (JSON.parse(readFileSync(PRECOMPILED_FILE, 'utf8')) as Record<string, string>) : {};
  const spec = precompiled[templateKey(source)];
  // The spec is code this package's own build wrote from its own templates, keyed by their hash.
  return spec ? handlebars.template(revive(spec)) : handlebars.compile(source, COMPILE_OPTIONS);
}

type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

// eslint-disable-next-line @typescript-eslint/no-implied-eval -- see compileTemplate: the spec is this package's own precompiled template
const revive = (spec: string) => (new Function(`return ${spec};`) as () => TemplateSpecification)();
