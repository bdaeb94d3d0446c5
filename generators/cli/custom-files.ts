import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { readProjectFile } from '../core/read-gate.js';
import type { CliOptions } from './args.js';
import { ERRORS } from '../core/explain/error-messages.js';

/**
 * The project files the customisations name, read or checked through the project's gate: each
 * fragment's text (read at every run, so an edited fragment lands at the next regeneration), and
 * that each --copy source is there. Nothing outside the project is read.
 */
export function withCustomFiles(dir: string, cli: CliOptions): CliOptions {
  for (const copy of cli.copies ?? []) {
    try {
      lstatSync(join(dir, copy.source));
    } catch {
      throw new UserError(ERRORS.message('error.custom-files.copy-such-file', { source: copy.source }));
    }
  }
  if (!cli.fragments?.length) return cli;
  return {
    ...cli,
    fragments: cli.fragments.map((fragment) => {
      const text = readProjectFile(dir, fragment.file);
      if (text === undefined) throw new UserError(ERRORS.message('error.custom-files.fragment-such-file', { point: fragment.point, file: fragment.file }));
      return { ...fragment, text };
    }),
  };
}
