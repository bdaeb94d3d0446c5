import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { packageRoot } from '../../generators/util/package-root.js';

/** What may import what (ARCHITECTURE.md), checked on every static import under generators/. */

const root = join(packageRoot, 'generators');
const files = (readdirSync(root, { recursive: true }) as string[]).filter((file) => file.endsWith('.ts')).map((file) => file.split('\\').join('/'));

/** Static imports of this repository's own modules, as paths relative to generators/. */
function imports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/^import (?:type )?[^'"]*from '(\.[^']+)';$/gm)].map((match) =>
    posix.normalize(posix.join(posix.dirname(file), match[1]!)).replace(/\.js$/, '.ts'),
  );
}

const room = (path: string) => path.split('/')[0]!;
/** CLI files reached through dynamic import() only: the interactive stack, and verify with its ladder and report. */
const LAZY_CLI = [
  'cli/interactive.ts',
  'cli/verify-command.ts',
  'cli/ladder-command.ts',
  'cli/ladder-report.ts',
  'cli/report-file.ts',
  'cli/report-checks.ts',
  'cli/verify-html.ts',
];
const language = (path: string) => (path.startsWith('languages/') && path.split('/').length > 2 ? path.split('/')[1] : undefined);

test.each(files)('%s imports only what its room may', (file) => {
  const found = imports(file);
  const allowed = (target: string): boolean => {
    switch (room(file)) {
      case 'core':
        return room(target) === 'core';
      case 'languages':
        if (file === 'languages/registry.ts') return room(target) === 'core' || room(target) === 'languages';
        return room(target) === 'core' || language(target) === language(file);
      case 'pipeline':
        return ['core', 'pipeline', 'util'].includes(room(target)) || target === 'languages/registry.ts';
      case 'services':
        // Several services run the one-project pipeline per folder, then add compose and bake files.
        return ['core', 'pipeline', 'services', 'util'].includes(room(target)) || target === 'languages/registry.ts';
      case 'verify':
        return ['core', 'verify'].includes(room(target));
      case 'util':
        return ['util', 'core'].includes(room(target));
      case 'app':
        return (
          ['app', 'core', 'pipeline', 'util'].includes(room(target)) ||
          [
            'cli/args.ts',
            'cli/report.ts',
            'cli/saved-choices.ts',
            'cli/saved-state.ts',
            'cli/streams.ts',
            'cli/write-files.ts',
            'verify/docker.ts',
            'languages/registry.ts',
          ].includes(target)
        );
      case 'cli':
        // The interactive stack and docker's client are reached through dynamic import() only.
        return (
          (!['app', 'verify'].includes(room(target)) && !LAZY_CLI.includes(target)) ||
          file === 'cli/interactive.ts' ||
          file === 'cli/verify-command.ts' ||
          // The ladder and its report load only with verify, so they may use docker's client.
          (LAZY_CLI.includes(file) && target !== 'cli/interactive.ts')
        );
      default:
        return false;
    }
  };
  expect(found.filter((target) => !allowed(target)).map((target) => relative('.', target))).toEqual([]);
});
