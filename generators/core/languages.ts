import { detectGo, isGoProject } from './detect/go.js';
import { planGo } from './plan/go.js';
import type { DetectOptions } from './detect/index.js';
import { detectNode, isNodeProject } from './detect/node.js';
import { planNode } from './plan/node.js';
import { detectC, isCProject } from './detect/c.js';
import { planC } from './plan/c.js';
import { detectPython, isPythonProject } from './detect/python.js';
import { planPython, pythonDistrolessBlocker } from './plan/python.js';
import { chosenMain } from './plan/go.js';
import { rewriteImages } from './plan/image-refs.js';
import type { CFacts, Choices, Facts, GoFacts, Language, LanguageFacts, NodeFacts, Plan, ProjectSnapshot, PythonFacts, Runtime } from './types.js';

/**
 * The one table that knows every language. Adding a language means one detector, one planner and one
 * template folder, registered here.
 */
export interface LanguageEntry {
  readonly language: Language;
  /** Human hint of what marks such a project, for error messages. */
  readonly marker: string;
  readonly looksLike: (snapshot: ProjectSnapshot) => boolean;
  readonly detect: (snapshot: ProjectSnapshot, options: DetectOptions) => LanguageFacts;
  readonly plan: (facts: Facts, choices: Choices) => Plan;
  /** Whether what will run listens, and on which detected port: the port prompt depends on it. */
  readonly service: (facts: Facts, choices: Choices) => { listens: boolean; port?: number };
  /** Entry points to choose from, when the project has several. */
  readonly mainChoices?: (facts: Facts) => readonly string[];
  /** Runtimes that cannot run this project, each with the reason. */
  readonly unavailable?: (facts: Facts) => Partial<Record<Runtime, string>>;
}


export const LANGUAGE_TABLE: readonly LanguageEntry[] = [
  {
    language: 'go',
    marker: 'go.mod or *.go',
    looksLike: isGoProject,
    detect: detectGo,
    plan: planGo,
    service: (facts, choices) => chosenMain(facts as GoFacts, choices),
    mainChoices: (facts) => (facts as GoFacts).mains.map((main) => main.dir),
    unavailable: (facts) => ((facts as GoFacts).cgo ? { scratch: 'cgo needs a C library' } : {}),
  },
  {
    language: 'node',
    marker: 'package.json',
    looksLike: isNodeProject,
    detect: detectNode,
    plan: planNode,
    service: (facts) => facts as NodeFacts,
    unavailable: () => ({ scratch: 'Node needs the node runtime' }),
  },
  {
    language: 'python',
    marker: 'pyproject.toml, requirements.txt, Pipfile, setup.py or *.py',
    looksLike: isPythonProject,
    detect: detectPython,
    plan: planPython,
    service: (facts) => facts as PythonFacts,
    unavailable: (facts) => {
      const blocker = pythonDistrolessBlocker(facts as PythonFacts);
      return blocker ? { scratch: 'Python needs its interpreter', distroless: blocker } : { scratch: 'Python needs its interpreter' };
    },
  },
  {
    language: 'c',
    marker: 'Makefile, CMakeLists.txt, meson.build or *.c',
    looksLike: isCProject,
    detect: detectC,
    plan: planC,
    service: (facts) => facts as CFacts,
    unavailable: (facts) => ((facts as CFacts).staticPossible ? {} : { scratch: 'a library cannot link statically' }),
  },
];

export const entryFor = (facts: Facts): LanguageEntry => {
  const entry = LANGUAGE_TABLE.find((candidate) => candidate.language === facts.language);
  if (!entry) throw new Error(`no language entry for ${facts.language}`);
  return entry;
};

export const planFor = (facts: Facts, choices: Choices): Plan =>
  rewriteImages(entryFor(facts).plan(facts, choices), choices.registry, choices.digests);

/** The base images a plan pulls, before any registry or digest rewriting: what --pin-digests looks up. */
export const baseImagesFor = (facts: Facts, choices: Choices): string[] => {
  const plan = planFor(facts, { ...choices, digests: undefined });
  return [plan.builderImage, plan.runtimeImage].filter((image) => image !== 'scratch');
};
