import { own } from '../../core/own.js';

/** The root package's scripts that npm, pnpm and yarn run during a plain install. */
const LIFECYCLE = ['preinstall', 'install', 'postinstall', 'prepare'] as const;

/** Programs every builder has: a script that only calls these cannot be missing a package. */
const ALWAYS_THERE = new Set(['node', 'npm', 'npx', 'pnpm', 'yarn', 'corepack', 'echo', 'true', 'exit', 'test', 'cd', 'cp', 'mkdir', 'rm', 'sh', 'bash']);

export interface DevOnlyScript {
  readonly script: (typeof LIFECYCLE)[number];
  readonly command: string;
  readonly program: string;
  readonly pkg: string;
}

/**
 * Root install scripts that call a CLI only dev dependencies provide (`"prepare": "husky"`,
 * `"postinstall": "prisma generate"`). The production install has no such CLI, so the script would
 * stop it with "not found": those scripts are left out of that install, and only of that one.
 */
export function devOnlyInstallScripts(
  scripts: Readonly<Record<string, string>>,
  dependencies: Readonly<Record<string, string>>,
  devDependencies: Readonly<Record<string, string>>,
  providerOf: (command: string) => string | undefined,
): DevOnlyScript[] {
  const found: DevOnlyScript[] = [];
  for (const script of LIFECYCLE) {
    const command = own(scripts, script);
    if (command === undefined) continue;
    for (const program of programs(command)) {
      const pkg = providerOf(program) ?? (own(devDependencies, program) !== undefined ? program : undefined);
      if (pkg !== undefined && own(dependencies, pkg) === undefined) {
        found.push({ script, command: command.trim(), program, pkg });
        break;
      }
    }
  }
  return found;
}

/** The program of each simple command in a script line: `a && b || c; d | e`, env assignments and npx skipped. */
export function programs(command: string): string[] {
  return command
    .split(/&&|\|\||[;|]/)
    .map((part) =>
      part
        .trim()
        .split(/\s+/)
        .filter((word) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(word)),
    )
    .map((words) => (words[0] === 'npx' ? words.slice(1).find((word) => !word.startsWith('-')) : words[0]))
    .filter((program): program is string => program !== undefined && program !== '' && !ALWAYS_THERE.has(program));
}
