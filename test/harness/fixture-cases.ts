import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { takeSnapshot } from '../../generators/core/detect/snapshot.js';
import type { Choices, DetectOptions, GeneratedFile } from '../../generators/core/types.js';
import type { ServicesRequest } from '../../generators/services/generate.js';
import { packageRoot } from '../../generators/util/package-root.js';

/**
 * A fixture folder is a test case. Beside `test/fixtures/<kind>/<name>/` (the project, left exactly
 * as a user's tree would be), `<name>.expected/` holds what the tool must write for it:
 * `cases.json` lists the runs (none means one run with the defaults), and each run's folder holds
 * the files it writes. `UPDATE_GOLDEN=1` re-records them; review the diff before committing it.
 */
export const FIXTURES = join(packageRoot, 'test/fixtures');
const EXPECTED = '.expected';
const RECORD = process.env.UPDATE_GOLDEN === '1';

/** One run of the tool on a fixture: what detection and generation are told, as a user's flags would. */
export interface FixtureCase {
  readonly kind: string;
  readonly fixture: string;
  /** Where its expected files live: `<fixture>.expected/<name>/`. */
  readonly name: string;
  readonly detect: DetectOptions;
  readonly choices: Choices;
  /** Services fixtures: what --compose and --bake ask for. */
  readonly services?: Omit<ServicesRequest, 'only'>;
}

interface CaseFileEntry {
  readonly name?: string;
  readonly detect?: DetectOptions;
  readonly choices?: Choices;
  readonly services?: Omit<ServicesRequest, 'only'>;
}

/** The fixture folders of one kind (a language, or `services`), their `.expected` siblings left out. */
export function fixtureNames(kind: string): string[] {
  const dir = join(FIXTURES, kind);
  return readdirSync(dir)
    .filter((name) => !name.endsWith(EXPECTED) && statSync(join(dir, name)).isDirectory())
    .sort();
}

/** A run's folder name, derived from what makes it differ from the default run. */
export function caseKey(entry: CaseFileEntry): string {
  const choices = entry.choices ?? {};
  const parts = [
    choices.runtime ?? 'default',
    choices.main?.replace(/\//g, '-'),
    choices.probe ? 'probe' : undefined,
    choices.portable ? 'portable' : undefined,
    choices.caCert ? 'ca-cert' : undefined,
    entry.services?.compose ? 'compose' : undefined,
    entry.services?.bake ? 'bake' : undefined,
  ];
  return entry.name ?? parts.filter(Boolean).join('.');
}

/** Every run listed for a fixture: its case file, or the default run when it has none. */
export function casesOf(kind: string, fixture: string): FixtureCase[] {
  const file = join(FIXTURES, kind, `${fixture}${EXPECTED}`, 'cases.json');
  const entries = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as CaseFileEntry[]) : [{}];
  return entries.map((entry) => ({
    kind,
    fixture,
    name: caseKey(entry),
    detect: entry.detect ?? {},
    choices: entry.choices ?? {},
    services: entry.services,
  }));
}

/** Every run of every fixture of these kinds. */
export const allCases = (kinds: readonly string[]): FixtureCase[] => kinds.flatMap((kind) => fixtureNames(kind).flatMap((fixture) => casesOf(kind, fixture)));

export const fixtureSnapshot = (testCase: Pick<FixtureCase, 'kind' | 'fixture'>) => takeSnapshot(join(FIXTURES, testCase.kind, testCase.fixture));

/** A generated file's name under the case folder: dot-files lose their dot, so no tool reads them as its own. */
const expectedName = (path: string) => path.replace(/(^|\/)\./g, '$1');

const caseDir = (testCase: FixtureCase) => join(FIXTURES, testCase.kind, `${testCase.fixture}${EXPECTED}`, testCase.name);

/** Each generated file next to its expected copy; recording rewrites the whole case folder. */
export function expectedPairs(testCase: FixtureCase, files: readonly GeneratedFile[]): { path: string; actual: string; expected: string | undefined }[] {
  const dir = caseDir(testCase);
  if (RECORD) {
    rmSync(dir, { recursive: true, force: true });
    for (const file of files) {
      const path = join(dir, expectedName(file.path));
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, file.content);
    }
  }
  return files.map((file) => {
    const path = join(dir, expectedName(file.path));
    return { path: expectedName(file.path), actual: file.content, expected: existsSync(path) ? readFileSync(path, 'utf8') : undefined };
  });
}

/** The files a case folder holds, to catch one the tool no longer writes. */
export function expectedFiles(testCase: FixtureCase): string[] {
  const dir = caseDir(testCase);
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[]).filter((path) => statSync(join(dir, path)).isFile()).sort();
}
