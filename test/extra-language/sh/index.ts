import { UserError } from '../../../generators/core/errors.js';
import { defineLanguage } from '../../../generators/core/language.js';
import { dockerignoreGroups } from '../../../generators/core/plan/dockerignore.js';
import { noHealthcheck } from '../../../generators/core/plan/healthcheck.js';
import { NONROOT, SHARED_IMAGES } from '../../../generators/core/plan/images.js';
import { HARDENING, nextCommand } from '../../../generators/core/plan/next-command.js';
import { contextPath, imageName } from '../../../generators/core/render/quote.js';
import { SH_MESSAGES } from './messages.js';
import type { ShFacts, ShPlan } from './types.js';

/**
 * A small extra language, registered only by a test, to prove what adding one takes: this folder,
 * one line in a registry, and templates/sh/. A POSIX shell script (main.sh) run on Debian slim.
 */
export const SH = defineLanguage<ShFacts, ShPlan>({
  id: 'sh',
  name: 'Sh',
  markers: ['main.sh'],
  project: { manifests: ['main.sh'], sharedBuildFiles: [], sourceExtensions: ['sh'] },
  // A script names the Debian packages it needs in packages.txt, and its required settings as ${NAME:?}.
  services: {
    clients: { postgres: ['postgresql-client'], redis: ['redis-tools'] },
    clientMatch: 'name',
    dependencySource: 'packages.txt',
    dependencies: (snapshot) => (snapshot.files.includes('packages.txt') ? (snapshot.read('packages.txt') ?? '').split(/\s+/).filter(Boolean) : []),
    envReads: [/\$\{([A-Z][A-Z0-9_]*):\?/g],
    envFiles: [],
    databasesNamed: () => [],
  },
  looksLike: (snapshot) => snapshot.files.includes('main.sh'),
  detect: (snapshot) => ({
    language: 'sh',
    projectName: imageName(snapshot.root.split('/').pop() ?? 'app'),
    script: 'main.sh',
    buildOutputDirs: [],
    notes: [],
  }),
  plan: (facts, choices) => {
    if (choices.runtime && choices.runtime !== 'slim') throw new UserError(`--runtime ${choices.runtime}: a shell script needs a shell; use slim`);
    const script = contextPath(facts.script, 'script');
    return {
      language: 'sh',
      runtime: 'slim',
      runtimeReason: SH_MESSAGES.message('reason.sh.slim'),
      builderImage: SHARED_IMAGES.debianSlim,
      runtimeImage: SHARED_IMAGES.debianSlim,
      imageName: facts.projectName,
      user: NONROOT,
      listens: false,
      entrypoint: ['/bin/sh', `/app/${script}`],
      notes: [],
      needsBuildKit: false,
      profile: choices.portable ? 'portable' : 'buildkit',
      needsInit: false,
      buildArgs: [],
      nextCommand: nextCommand(facts.projectName),
      hardenedRun: nextCommand(facts.projectName, undefined, ['--init', ...HARDENING]),
      healthcheckAbsent: noHealthcheck('slim'),
      testOmitted: false,
      dockerignore: dockerignoreGroups(facts, { why: SH_MESSAGES.message('ignore.sh'), patterns: ['*.log'] }, () => [script]),
      sh: { script },
    };
  },
  workspaceMembers: () => undefined,
  mainChoices: () => [],
  messages: SH_MESSAGES.catalog,
  caVariables: [],
});
