import { detectGo, isGoProject } from './detect/go.js';
import { planGo } from './plan/go.js';
import type { Choices, Facts, Language, Plan, ProjectSnapshot } from './types.js';

/**
 * The one table that knows every language. Adding a language means one detector, one planner and one
 * template folder, registered here.
 */
export interface LanguageEntry {
  readonly language: Language;
  /** Human hint of what marks such a project, for error messages. */
  readonly marker: string;
  readonly looksLike: (snapshot: ProjectSnapshot) => boolean;
  readonly detect?: (snapshot: ProjectSnapshot) => Facts;
  readonly plan?: (facts: Facts, choices: Choices) => Plan;
}

const has = (snapshot: ProjectSnapshot, test: (file: string) => boolean) => snapshot.files.some(test);

export const LANGUAGE_TABLE: readonly LanguageEntry[] = [
  { language: 'go', marker: 'go.mod or *.go', looksLike: isGoProject, detect: detectGo, plan: planGo },
  {
    language: 'node',
    marker: 'package.json',
    looksLike: (snapshot) => snapshot.files.includes('package.json'),
  },
  {
    language: 'python',
    marker: 'pyproject.toml, requirements.txt, Pipfile, setup.py or *.py',
    looksLike: (snapshot) =>
      has(snapshot, (file) => ['pyproject.toml', 'requirements.txt', 'Pipfile', 'setup.py', 'setup.cfg'].includes(file) || (!file.includes('/') && file.endsWith('.py'))),
  },
  {
    language: 'c',
    marker: 'Makefile, CMakeLists.txt, meson.build or *.c',
    looksLike: (snapshot) =>
      has(snapshot, (file) => ['CMakeLists.txt', 'meson.build'].includes(file) || (!file.includes('/') && file.endsWith('.c'))),
  },
];

export function planFor(facts: Facts, choices: Choices): Plan {
  const entry = LANGUAGE_TABLE.find((candidate) => candidate.language === facts.language);
  if (!entry?.plan) throw new Error(`no planner for ${facts.language}`);
  return entry.plan(facts, choices);
}
