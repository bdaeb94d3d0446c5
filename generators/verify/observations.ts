import { posix } from 'node:path';
import { commandPackage, debianLibrary, includePackage, pkgConfigPackage } from '../core/debian/contents.js';
import type { Message } from '../core/explain/messages.js';
import { VERIFY_MESSAGES } from '../core/explain/verify-messages.js';

const say = VERIFY_MESSAGES.message;

/**
 * What a build and a run showed, read from the build log, the container's own output and its
 * /proc/net: each observation says what was seen and, where one exists, the correction (a flag's
 * value) that settles it. Pure: verify gathers the text, --fix applies the corrections.
 */
export interface Observation {
  /** One line for the report, said in its language: what was seen. */
  readonly seen: Message;
  readonly correction?: Correction;
  /** No correction: the flag or edit that settles it. */
  readonly advice?: Message;
}

export type Correction =
  | { readonly kind: 'port'; readonly port: number }
  | { readonly kind: 'writable'; readonly folder: string }
  | { readonly kind: 'build-package'; readonly package: string }
  | { readonly kind: 'node-version'; readonly major: string };

/** A socket in LISTEN state, from /proc/net/tcp or tcp6. */
export interface Listener {
  readonly port: number;
  readonly loopback: boolean;
}

/** `/proc/net/tcp` and `/proc/net/tcp6` as cat prints them: the sockets in LISTEN state (st 0A). */
export function parseProcNet(text: string): Listener[] {
  const found = new Map<number, Listener>();
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 4 || fields[3] !== '0A') continue;
    const local = /^([0-9A-F]+):([0-9A-F]{4})$/i.exec(fields[1] ?? '');
    if (!local) continue;
    const port = parseInt(local[2]!, 16);
    const loopback = local[1] === '0100007F' || local[1] === '00000000000000000000000001000000';
    const seen = found.get(port);
    // Listening on any address as well as loopback: reachable.
    found.set(port, { port, loopback: loopback && (seen?.loopback ?? true) });
  }
  return [...found.values()].sort((a, b) => a.port - b.port);
}

/** sh's `sh: 1: bison: not found`, bash's `bison: command not found`, make's `make: yacc: No such file or directory`, env's. */
const MISSING_COMMAND = [
  /(?:^|\s|\/)(?:ba|da)?sh: (?:\d+: |line \d+: )?([\w.+-]+): (?:command )?not found/gm,
  // psycopg2's setup.py: `Error: pg_config executable not found.`; configure's `error: "yacc not found"`.
  /Error: ([\w.+-]+) executable not found/g,
  /configure: error: "?([\w.+-]+)"? (?:not found|is required)/g,
  /(?:^|\s)([\w.+-]+): command not found/gm,
  /make(?:\[\d+\])?: ([\w.+-]+): No such file or directory/g,
  /\/usr\/bin\/env: '([\w.+-]+)': No such file or directory/g,
];

/** Commands a missing one is usually a typo or a script's own, never a package: left to the user. */
const NOT_A_TOOL = new Set(['sh', 'bash', 'node', 'python', 'python3', 'go', 'cc', 'gcc']);

/**
 * The build's missing pieces, each to the Debian package that ships it: a header (`fatal error:
 * curses.h: No such file or directory`), a pkg-config module (`No package 'libpcre' found`,
 * `Package 'x', required by 'y', not found`) and a command (`bison: not found`,
 * `make: yacc: No such file or directory`, `configure: error: no acceptable C compiler`...).
 */
export function buildObservations(log: string): Observation[] {
  const found: Observation[] = [];
  const add = (seen: Message, pkg: string | undefined, what: Message) => {
    if (found.some((observation) => JSON.stringify(observation.seen) === JSON.stringify(seen))) return;
    found.push(pkg === undefined ? { seen, advice: say('observe.no-package', { what }) } : { seen, correction: { kind: 'build-package', package: pkg } });
  };
  for (const match of log.matchAll(/fatal error: ([\w./+-]+\.(?:h|hh|hpp|hxx)): No such file or directory/g))
    add(say('observe.build.header', { name: match[1]! }), includePackage(match[1]!), say('observe.what.file', { name: match[1]! }));
  for (const match of log.matchAll(
    /(?:No package '([\w.+-]+)' found|Package '([\w.+-]+)',? (?:required by '[^']*', )?not found|Package ([\w.+-]+) was not found in the pkg-config search path)/g,
  )) {
    const module = match[1] ?? match[2] ?? match[3]!;
    add(say('observe.build.module', { name: module }), pkgConfigPackage(module), say('observe.what.file', { name: `${module}.pc` }));
  }
  // configure's own words for a library it looked for by several names: `cannot find required curses/ncurses library`.
  for (const match of log.matchAll(/configure: error: (?:cannot find|could not find|no) (?:required |usable )?([\w+/-]+) (?:library|libraries|headers)/gi)) {
    const names = match[1]!.split('/');
    const pkg = names.map((name) => debianLibrary(name.replace(/^lib/, ''))?.[0] ?? pkgConfigPackage(name)).find(Boolean);
    add(say('observe.build.library', { name: match[1]! }), pkg, say('observe.what.library', { name: match[1]! }));
  }
  for (const pattern of MISSING_COMMAND)
    for (const match of log.matchAll(pattern)) {
      const command = match[1]!;
      if (NOT_A_TOOL.has(command) || /\.(?:c|h|o|a|so|js|ts|py|go)$/.test(command)) continue;
      add(say('observe.build.command', { name: command }), commandPackage(command), say('observe.what.command', { name: command }));
    }
  return found;
}

/**
 * The run's own account: where it listens against where the plan said, whether it stayed up, and
 * the folders it could not write as the runtime user.
 */
export function runObservations(run: {
  readonly listeners: readonly Listener[];
  readonly running: boolean;
  readonly exitCode: number;
  readonly logs: string;
  readonly plannedPort?: number;
  readonly workdir: string;
  /** --writable applies (Node and Python); elsewhere a denied folder gets advice only. */
  readonly writableSupported: boolean;
  /** Node: the line the image runs and the next older one with images, to try when a dependency fails on this one. */
  readonly nodeLines?: { readonly current: string; readonly older?: string };
}): Observation[] {
  const found: Observation[] = [];
  const reachable = run.listeners.filter((listener) => !listener.loopback);
  if (reachable.length > 0 && !reachable.some((listener) => listener.port === run.plannedPort)) {
    const port = reachable[0]!.port;
    found.push({
      seen:
        run.plannedPort === undefined
          ? say('observe.port.none', { ports: reachable.map((listener) => listener.port).join(', ') })
          : say('observe.port.other', { ports: reachable.map((listener) => listener.port).join(', '), planned: run.plannedPort }),
      correction: { kind: 'port', port },
    });
  }
  for (const listener of run.listeners.filter((candidate) => candidate.loopback && !reachable.some((other) => other.port === candidate.port)))
    found.push({
      seen: say('observe.loopback', { port: listener.port }),
      advice: say('observe.loopback.advice'),
    });
  for (const folder of deniedFolders(run.logs, run.workdir)) {
    if (folder === '.' || !run.writableSupported)
      found.push({
        seen: say('observe.own-folder', { workdir: run.workdir }),
        advice: say('observe.own-folder.advice'),
      });
    else found.push({ seen: say('observe.denied', { folder }), correction: { kind: 'writable', folder } });
  }
  const failedIn = !run.running && run.exitCode !== 0 ? dependencyFrame(run.logs) : undefined;
  if (failedIn && run.nodeLines?.older)
    found.push({
      seen: say('observe.node-line', { frame: failedIn, current: run.nodeLines.current }),
      correction: { kind: 'node-version', major: run.nodeLines.older },
    });
  if (!run.running && run.plannedPort !== undefined && run.exitCode !== 0 && found.length === 0) {
    const missing = /(?:Cannot find module|ModuleNotFoundError: No module named) '?([\w@/.-]+)/.exec(run.logs)?.[1];
    if (missing)
      found.push({
        seen: say('observe.module', { module: missing }),
        advice: say('observe.module.advice'),
      });
  }
  return found;
}

/**
 * The first stack frame of an uncaught error, when it lies in node_modules (`at Object.<anonymous>
 * (/app/node_modules/buffer-equal-constant-time/index.js:37:35)`): the app's own code did not fail,
 * a dependency did, as one written for an older Node does on a newer one.
 */
function dependencyFrame(logs: string): string | undefined {
  const frame = /^\s+at (?:.*?\()?([^\s()]+):\d+:\d+\)?$/m.exec(logs)?.[1];
  const module = frame === undefined ? undefined : /\/node_modules\/((?:@[\w.-]+\/)?[\w.-]+)\//.exec(frame)?.[1];
  return module;
}

/**
 * Folders, relative to the app's folder, that a permission error names: Node's `EACCES: permission
 * denied, open '/app/static/app.min.js'` or `mkdir 'data'`, Python's `PermissionError: [Errno 13]
 * Permission denied: 'data/x.db'`, Go's and C's `open data/x: permission denied`.
 */
export function deniedFolders(logs: string, workdir: string): string[] {
  const folders = new Set<string>();
  const patterns = [
    /EACCES: permission denied, (\w+) '([^']+)'/g,
    /PermissionError: \[Errno 13\] Permission denied: '([^']+)'/g,
    /\b(open|mkdir|create) ([^\s:]+): permission denied/g,
  ];
  for (const pattern of patterns)
    for (const match of logs.matchAll(pattern)) {
      const [syscall, target] = match.length === 3 ? [match[1]!, match[2]!] : ['open', match[1]!];
      const absolute = posix.resolve(workdir, target);
      // mkdir of `data` means the folder above is not writable: `data` itself is the one to own.
      const wanted = syscall === 'mkdir' ? absolute : posix.dirname(absolute);
      if (wanted === workdir || wanted.startsWith(`${workdir}/`)) folders.add(posix.relative(workdir, wanted) || '.');
      // Outside the app (`mkdir '/etc/todos'`): that folder, never a system one like /etc or /var itself.
      else if (wanted.split('/').length > 2 && !/^\/(?:proc|sys|dev|run)\//.test(wanted)) folders.add(wanted);
    }
  return [...folders].sort();
}
