import { NothingToRunError, UserError } from '../../core/errors.js';
import { own } from '../../core/own.js';
import type { ResolvedBin } from './bins.js';
import { ERRORS } from '../../core/explain/error-messages.js';

export interface StartCommand {
  /** Arguments to node, e.g. ["--enable-source-maps", "dist/server.js"]. */
  readonly args: readonly string[];
  readonly source: string;
  /** A default entry file or a bin file from the table: this tool's guess, said on the summary line. */
  readonly guessed?: boolean;
  /** A package's CLI that the image runs: its file is checked at build time. */
  readonly bin?: ResolvedBin;
}

/** What only a shell gives meaning to; a line break is one too (it separates commands). */
const SHELL_SYNTAX = /[|&;<>()$`\\"'*?{}\r\n]/;
const ENV_ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
export const DEFAULT_FILES = ['server.js', 'index.js', 'app.js', 'main.js', 'src/server.js', 'src/index.js', 'src/app.js', 'src/main.js'];
const RUNNERS = /^(npm|pnpm|yarn|bun)$/;

export interface StartInputs {
  readonly scripts: Readonly<Record<string, string>>;
  readonly main: string | undefined;
  /** --start: the command the user says starts the app; it wins over everything found. */
  readonly requested?: string;
  readonly exists: (path: string) => boolean;
  readonly compiled: (path: string) => string | undefined;
  /** A package CLI's bin file, or undefined when no package provides that command. */
  readonly resolveBin: (command: string) => ResolvedBin | undefined;
}

/**
 * The node invocation behind `npm start`, so that node itself is PID 1 and receives signals,
 * instead of npm. `node [flags] file` is taken as it is, a package's CLI through its bin file, and
 * `npm run other` through that other script. Anything a shell would have to interpret, or a command
 * nothing here can resolve, is refused naming --start: never replaced by an invented file.
 */
export function startCommand(inputs: StartInputs): StartCommand {
  if (inputs.requested !== undefined) return fromCommand(inputs.requested, '--start', inputs, 0);
  const start = own(inputs.scripts, 'start');
  if (start !== undefined) return fromCommand(start, 'scripts.start', inputs, 0);
  const { main, exists, compiled } = inputs;
  if (main !== undefined && (exists(main) || compiled(main))) return { args: [compiled(main) ?? main], source: `package.json main ${JSON.stringify(main)}` };
  // A TypeScript entry counts only when its source is there: compiled() maps any name to the output folder.
  const found = DEFAULT_FILES.find((file) => exists(file) || (exists(file.replace(/\.js$/, '.ts')) && compiled(file.replace(/\.js$/, '.ts'))));
  // npm's own default for a missing start script is `node server.js`: that one is no guess.
  if (found) return { args: [compiled(found.replace(/\.js$/, '.ts')) ?? found], source: `default entry ${found}`, guessed: found !== 'server.js' };
  throw new NothingToRunError(ERRORS.message('error.start.entry-point-add'));
}

function fromCommand(command: string, where: string, inputs: StartInputs, depth: number): StartCommand {
  const shown = `${where} ${JSON.stringify(command)}`;
  if (SHELL_SYNTAX.test(command)) throw new UserError(ERRORS.message('error.start.needs-shell-make', { shown }));
  const words = command
    .trim()
    .split(/\s+/)
    .filter((word) => !ENV_ASSIGNMENT.test(word));
  const [program, ...rest] = words;
  if (program === undefined) throw new UserError(ERRORS.message('error.start.empty-pass-start', { shown }));
  if (program === 'node') {
    if (rest.length === 0) throw new UserError(ERRORS.message('error.start.starts-node-file', { shown }));
    const file = rest.at(-1)!;
    return { args: [...rest.slice(0, -1), inputs.compiled(file) ?? file], source: shown };
  }
  // `./server.js`: a script of the project's own, run by node whatever its exec bit and shebang say.
  if (/\.(c|m)?js$/.test(program) && inputs.exists(program)) return { args: [program.replace(/^\.\//, ''), ...rest], source: shown };
  // `npm run serve`, `yarn serve`: the script it names, one level down (npm itself would stay PID 1).
  if (RUNNERS.test(program) && depth < 3) {
    const name = rest[0] === 'run' || rest[0] === 'run-script' ? rest[1] : rest[0];
    const script = name === undefined ? undefined : own(inputs.scripts, name);
    if (script !== undefined && rest.length <= (rest[0] === name ? 1 : 2)) return fromCommand(script, `scripts.${name}`, inputs, depth + 1);
  }
  const dev = devServer(program, rest);
  if (dev) throw new UserError(ERRORS.message('error.start.runs-development-server', { shown, dev }));
  const bin = inputs.resolveBin(program);
  if (bin) return { args: [bin.path, ...rest], source: `${shown}, through ${bin.pkg}'s bin (from ${bin.source})`, guessed: bin.guessed, bin };
  throw new UserError(ERRORS.message('error.start.runs-which-this', { shown, program }));
}

/**
 * Commands that serve a project while it is edited (watching, rebuilding, often on localhost):
 * a container built from them would ship the dev toolchain and behave unlike production.
 */
function devServer(program: string, args: readonly string[]): string | undefined {
  const sub = args.find((arg) => !arg.startsWith('-'));
  const named = `\`${[program, sub].filter(Boolean).join(' ')}\``;
  if (/^(nodemon|ts-node-dev|tsnd|webpack-dev-server|live-server|browser-sync|parcel)$/.test(program)) return named;
  if (program === 'vite' && (sub === undefined || sub === 'dev' || sub === 'serve')) return named;
  if (/^(nx|ng)$/.test(program) && sub === 'serve') return named;
  if (/^(next|nuxt|nuxi|astro|remix|react-router|nest)$/.test(program) && sub === 'dev') return named;
  if (program === 'nest' && sub === 'start' && args.some((arg) => arg === '--watch' || arg === '-w')) return `\`nest start --watch\``;
  if (program === 'tsx' && sub === 'watch') return named;
  if (program === 'webpack' && (sub === 'serve' || args.includes('--watch'))) return named;
  if (program === 'react-scripts' && sub === 'start') return named;
  return undefined;
}
