// Issue 30: French everywhere. With --explain fr, every line a generation prints comes from a catalog
// in French: the file statuses, the summary (runtime and its reason, port, notes, next command), the
// notices. Each fixture's summary is said in both languages; a French line equal to its English line
// is a sentence without its French.
import { describe, expect, test } from '@jest/globals';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PIPELINE } from '../../generators/pipeline/index.js';
import { templatesDir } from '../../generators/util/package-root.js';
import { summaryLines } from '../../generators/cli/report.js';
import { CLI_MESSAGES } from '../../generators/cli/messages.js';
import { allCases, FIXTURES, fixtureSnapshot } from '../harness/fixture-cases.js';
import { runCli } from '../harness/project.js';
import { QUESTIONS } from '../../generators/app/questions.js';
import { PROMPT_MESSAGES } from '../../generators/core/explain/prompt-messages.js';
import { SERVICES_MESSAGES } from '../../generators/core/explain/services-messages.js';

const CASES = allCases(PIPELINE.languages.map((language) => language.id));

/** A catalog sentence as a pattern: its text, each {placeholder} any text. */
const pattern = (template: string) => new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '.+')}$`);
const FRENCH = CLI_MESSAGES.catalog.fr;
/** Sentences, and file status lines: a status word of the catalog, then the path. */
const FRENCH_LINES = [
  ...Object.values(FRENCH).map(pattern),
  ...Object.entries(FRENCH)
    .filter(([id]) => id.startsWith('cli.status.'))
    .map(([, word]) => new RegExp(`^${word} \\S+$`)),
];

describe.each(CASES.map((testCase) => [`${testCase.kind}/${testCase.fixture} ${testCase.name}`, testCase] as const))('%s', (_name, testCase) => {
  test('the summary is French line by line: a French sentence of the catalog, never the English one', () => {
    const result = PIPELINE.generate(PIPELINE.detect(fixtureSnapshot(testCase), testCase.detect), testCase.choices, { templatesDir, explain: 'fr' });
    const french = summaryLines(result, 'fr');
    const english = summaryLines(result, 'en');
    expect(french).toHaveLength(english.length);
    french.forEach((line, index) => {
      expect([line, FRENCH_LINES.some((regex) => regex.test(line))]).toEqual([line, true]);
      expect(line).not.toBe(english[index]);
    });
  });
});

test('a run with --explain fr prints French from the first line to the last', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cdf-french-'));
  try {
    cpSync(join(FIXTURES, 'node', 'express-app'), dir, { recursive: true });
    const first = await runCli([dir, '--yes', '--explain', 'fr']);
    const again = await runCli([dir, '--explain', 'fr']);
    expect([first.exitCode, again.exitCode]).toEqual([0, 0]);
    const lines = [...first.stderr.split('\n'), ...again.stderr.split('\n')].filter((line) => line !== '');
    expect(lines.filter((line) => !FRENCH_LINES.some((regex) => regex.test(line.trim())))).toEqual([]);
    expect(first.stderr).toContain('     créé Dockerfile\n');
    expect(again.stderr).toContain('create-dockerfile : reprise des choix enregistrés dans .create-dockerfile.json');
    expect(again.stderr).toContain('\nidentique Dockerfile\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// Several services with compose: the services' headers, compose's wiring notes, .env, the next
// commands. Every line of the French run is a French sentence of a catalog, and none is its English line.
test('several services with --compose --explain fr: every line French, none the English one', async () => {
  const FRENCH_SERVICES = [...FRENCH_LINES, ...Object.values(SERVICES_MESSAGES.catalog.fr).map((text) => pattern(`note : ${text}`))];
  const runs: string[][] = [];
  for (const lang of ['en', 'fr']) {
    const dir = mkdtempSync(join(tmpdir(), 'cdf-french-services-'));
    try {
      cpSync(join(FIXTURES, 'services', 'notes'), dir, { recursive: true });
      const run = await runCli([dir, '--yes', '--compose', '--explain', lang]);
      expect([run.exitCode, run.stderr.slice(-500)]).toEqual([0, expect.anything()]);
      runs.push(run.stderr.split('\n').filter((line) => line.trim() !== ''));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const [english, french] = runs;
  expect(french!.length).toBe(english!.length);
  // A service's summary lines are indented; a note inside a summary is `note : ...` like the others.
  expect(french!.filter((line) => !FRENCH_SERVICES.some((regex) => regex.test(line.trim())))).toEqual([]);
  expect(french!.filter((line) => english!.includes(line))).toEqual([]);
  expect(french!.some((line) => /^note : api utilise postgres/.test(line))).toBe(true);
});

// The prompts an interactive run asks: each question and each runtime's line (and the planner's
// refusal shown beside a runtime it refuses) in French, never the English text.
describe('prompts in French', () => {
  const FRENCH_PROMPTS = Object.values(PROMPT_MESSAGES.catalog.fr).map(pattern);
  test.each(CASES.map((testCase) => [`${testCase.kind}/${testCase.fixture} ${testCase.name}`, testCase] as const))('%s', (_name, testCase) => {
    const facts = PIPELINE.detect(fixtureSnapshot(testCase), testCase.detect);
    for (const row of QUESTIONS.filter((question) => testCase.choices[question.name] === undefined && question.applies(facts, testCase.choices))) {
      const [en, fr] = (['en', 'fr'] as const).map((locale) => row.question(facts, testCase.choices, locale) as unknown as PromptShape);
      expect([row.name, FRENCH_PROMPTS.some((regex) => regex.test(fr!.message))]).toEqual([row.name, true]);
      expect(fr!.message).not.toBe(en!.message);
      for (const [index, choice] of (fr!.choices ?? []).entries()) {
        const english = en!.choices![index]!;
        if (typeof choice !== 'object' || typeof english !== 'object') continue;
        // A runtime's line; a Go main package or C program is a name, the same in any language.
        if (row.name === 'runtime') expect(choice.name).not.toBe(english.name);
        if (typeof choice.disabled === 'string') {
          expect(choice.disabled).not.toBe(english.disabled);
        }
      }
    }
  });
});

interface PromptShape {
  readonly message: string;
  readonly choices?: readonly ({ name: string; disabled?: string | false } | string)[];
}
