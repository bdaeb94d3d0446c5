import { UserError } from '../../core/errors.js';

export interface StartCommand {
  /** Arguments to node, e.g. ["--enable-source-maps", "dist/server.js"]. */
  readonly args: readonly string[];
  readonly source: string;
}

/** What only a shell gives meaning to; a line break is one too (it separates commands). */
const SHELL_SYNTAX = /[|&;<>()$`\\"'*?{}\r\n]/;
const ENV_ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
const DEFAULT_FILES = ['server.js', 'index.js', 'app.js', 'main.js', 'src/server.js', 'src/index.js', 'src/app.js', 'src/main.js'];

/**
 * The node invocation behind `npm start`, so that node itself is PID 1 and receives signals,
 * instead of npm. Only a plain `node [flags] file` can be taken over; anything a shell would have to
 * interpret is refused with a clear message rather than half-translated.
 */
export function startCommand(
  scripts: Record<string, string>,
  main: string | undefined,
  exists: (path: string) => boolean,
  compiled: (path: string) => string | undefined,
): StartCommand {
  const start = scripts.start;
  if (start !== undefined) {
    const words = start
      .trim()
      .split(/\s+/)
      .filter((word) => !ENV_ASSIGNMENT.test(word));
    if (words[0] === 'node' && words.length > 1 && !SHELL_SYNTAX.test(start)) {
      const file = words.at(-1)!;
      const args = [...words.slice(1, -1), compiled(file) ?? file];
      return { args, source: `scripts.start ${JSON.stringify(start)}` };
    }
    if (SHELL_SYNTAX.test(start)) {
      throw new UserError(`scripts.start ${JSON.stringify(start)} needs a shell; make it \`node <file>\` so node runs as PID 1`);
    }
  }
  if (main !== undefined && (exists(main) || compiled(main))) return { args: [compiled(main) ?? main], source: `package.json main ${JSON.stringify(main)}` };
  // A TypeScript entry counts only when its source is there: compiled() maps any name to the output folder.
  const found = DEFAULT_FILES.find((file) => exists(file) || (exists(file.replace(/\.js$/, '.ts')) && compiled(file.replace(/\.js$/, '.ts'))));
  if (found) return { args: [compiled(found.replace(/\.js$/, '.ts')) ?? found], source: `default entry ${found}` };
  throw new UserError('no entry point: add "start": "node <file>" to package.json, or a "main" field');
}
