import type { Rule } from './rule.js';
import { isAbsolutePath } from './model.js';
import { LINT_MESSAGES } from './messages.js';
import type { Message } from '../explain/messages.js';

const m = LINT_MESSAGES.message;

/** The instructions the builder expands $VARIABLES in; RUN, CMD, ENTRYPOINT and HEALTHCHECK leave them to the shell or the program. */
const EXPANDED = new Set(['ADD', 'COPY', 'ENV', 'EXPOSE', 'FROM', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR', 'ONBUILD', 'ARG']);

export const SECRET_NAME = /(secret|token|passw(or)?d|api_?key|private_?key|credential|auth)/i;

/** BuildKit's build checks (docker build --check), by their names. */
export const BUILDKIT_RULES: readonly Rule[] = [
  {
    id: 'StageNameCasing',
    check: ({ stages }, report) =>
      stages
        .filter((stage) => stage.name && stage.name !== stage.name.toLowerCase())
        .forEach((stage) => report(stage.from.line, m('lint.StageNameCasing.upper', { name: stage.name! }))),
  },
  {
    id: 'FromAsCasing',
    check: ({ stages }, report) =>
      stages
        .filter((stage) => stage.asKeyword && (stage.from.written === stage.from.written.toUpperCase()) !== (stage.asKeyword === stage.asKeyword.toUpperCase()))
        .forEach((stage) => report(stage.from.line, m('lint.FromAsCasing.differ', { as: stage.asKeyword!, from: stage.from.written }))),
  },
  {
    id: 'DuplicateStageName',
    check: ({ stages }, report) => {
      const seen = new Set<string>();
      for (const stage of stages) {
        const name = stage.name?.toLowerCase();
        if (name && seen.has(name)) report(stage.from.line, m('lint.DuplicateStageName.twice', { name: stage.name! }));
        if (name) seen.add(name);
      }
    },
  },
  {
    id: 'ReservedStageName',
    check: ({ stages }, report) =>
      stages
        .filter((stage) => ['scratch', 'context'].includes(stage.name?.toLowerCase() ?? ''))
        .forEach((stage) => report(stage.from.line, m('lint.ReservedStageName.reserved', { name: stage.name! }))),
  },
  {
    id: 'JSONArgsRecommended',
    check: ({ stages }, report) =>
      stages.forEach((stage) =>
        stage.steps
          .filter((step) => (step.keyword === 'CMD' || step.keyword === 'ENTRYPOINT') && !step.text.trim().startsWith('['))
          .forEach((step) => report(step.line, m('lint.JSONArgsRecommended.shell', { keyword: step.keyword }))),
      ),
  },
  {
    id: 'UndefinedVar',
    check: ({ globalArgs, stages }, report) => {
      const global = new Set(globalArgs.flatMap((step) => step.declares));
      for (const stage of stages) {
        // Only what this file can prove defined: its ARG/ENV, plus the few a base always sets.
        const known = new Set(['PATH', 'HOME', 'HOSTNAME', 'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'BUILDPLATFORM']);
        for (const step of stage.steps) {
          if (EXPANDED.has(step.keyword)) {
            const undefinedNames = [...new Set(step.variables)].filter((name) => !known.has(name) && !(step.keyword === 'ARG' && global.has(name)));
            // One finding per instruction, however many names it uses: a line of 50,000 is one answer, not 50,000.
            if (undefinedNames.length > 0)
              report(step.line, m(undefinedNames.length === 1 ? 'lint.UndefinedVar.one' : 'lint.UndefinedVar.many', { names: namesList(undefinedNames) }));
          }
          for (const name of step.declares) known.add(name);
        }
      }
    },
  },
  {
    id: 'UndefinedArgInFrom',
    check: ({ globalArgs, stages }, report) => {
      // BuildKit declares the platform ARGs in the global scope of every build (`FROM --platform=$BUILDPLATFORM`).
      const global = new Set([...PLATFORM_ARGS, ...globalArgs.flatMap((step) => step.declares)]);
      for (const stage of stages)
        for (const name of stage.from.variables) if (!global.has(name)) report(stage.from.line, m('lint.UndefinedArgInFrom.undeclared', { name }));
    },
  },
  {
    id: 'SecretsUsedInArgOrEnv',
    check: ({ globalArgs, stages }, report) =>
      [...globalArgs, ...stages.flatMap((stage) => stage.steps)]
        .filter((step) => step.keyword === 'ARG' || step.keyword === 'ENV')
        .forEach((step) =>
          step.declares
            .filter((name) => SECRET_NAME.test(name))
            .forEach((name) => report(step.line, m('lint.SecretsUsedInArgOrEnv.secret', { keyword: step.keyword, name }))),
        ),
  },
  {
    id: 'WorkdirRelativePath',
    check: ({ stages }, report) =>
      stages.forEach((stage) => {
        let absolute = false;
        for (const step of stage.steps.filter((item) => item.keyword === 'WORKDIR')) {
          if (isAbsolutePath(step.text.trim())) absolute = true;
          else if (!absolute) report(step.line, m('lint.WorkdirRelativePath.relative', { dir: step.text.trim() }));
        }
      }),
  },
];

const PLATFORM_ARGS = ['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT'];

/** `$A`, `$A and $B`, or the first three and how many more. */
function namesList(names: readonly string[]): string | Message {
  const shown = names.slice(0, 3).map((name) => `$${name}`);
  if (names.length > 3) return m('lint.names.more', { names: shown.join(', '), count: names.length - 3 });
  return shown.length === 1 ? shown[0]! : m('lint.names.and', { names: shown.slice(0, -1).join(', '), last: shown.at(-1)! });
}
