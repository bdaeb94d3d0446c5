import type { Rule } from './rule.js';

/** The instructions the builder expands $VARIABLES in; RUN, CMD, ENTRYPOINT and HEALTHCHECK leave them to the shell or the program. */
const EXPANDED = new Set(['ADD', 'COPY', 'ENV', 'EXPOSE', 'FROM', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR', 'ONBUILD', 'ARG']);

export const SECRET_NAME = /(secret|token|passw(or)?d|api_?key|private_?key|credential|auth)/i;

/** BuildKit's build checks (docker build --check), by their names. */
export const BUILDKIT_RULES: readonly Rule[] = [
  {
    id: 'StageNameCasing',
    summary: 'Stage names should be lowercase',
    check: ({ stages }, report) =>
      stages
        .filter((stage) => stage.name && stage.name !== stage.name.toLowerCase())
        .forEach((stage) => report(stage.from.line, `stage name ${stage.name} is not lowercase`)),
  },
  {
    id: 'FromAsCasing',
    summary: 'The AS keyword should match the case of the FROM keyword',
    check: ({ stages }, report) =>
      stages
        .filter((stage) => stage.asKeyword && (stage.from.written === stage.from.written.toUpperCase()) !== (stage.asKeyword === stage.asKeyword.toUpperCase()))
        .forEach((stage) => report(stage.from.line, `'${stage.asKeyword}' and '${stage.from.written}' differ in case`)),
  },
  {
    id: 'DuplicateStageName',
    summary: 'Stage names should be unique',
    check: ({ stages }, report) => {
      const seen = new Set<string>();
      for (const stage of stages) {
        const name = stage.name?.toLowerCase();
        if (name && seen.has(name)) report(stage.from.line, `duplicate stage name ${stage.name}`);
        if (name) seen.add(name);
      }
    },
  },
  {
    id: 'ReservedStageName',
    summary: 'Reserved words should not be used as stage names',
    check: ({ stages }, report) =>
      stages
        .filter((stage) => ['scratch', 'context'].includes(stage.name?.toLowerCase() ?? ''))
        .forEach((stage) => report(stage.from.line, `${stage.name} is reserved`)),
  },
  {
    id: 'JSONArgsRecommended',
    summary: 'JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals',
    check: ({ stages }, report) =>
      stages.forEach((stage) =>
        stage.steps
          .filter((step) => (step.keyword === 'CMD' || step.keyword === 'ENTRYPOINT') && !step.text.trim().startsWith('['))
          .forEach((step) => report(step.line, `${step.keyword} runs under /bin/sh -c, which does not pass signals on`)),
      ),
  },
  {
    id: 'UndefinedVar',
    summary: 'Variables should be defined before their use',
    check: ({ globalArgs, stages }, report) => {
      const global = new Set(globalArgs.flatMap((step) => step.declares));
      for (const stage of stages) {
        // Only what this file can prove defined: its ARG/ENV, plus the few a base always sets.
        const known = new Set(['PATH', 'HOME', 'HOSTNAME', 'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'BUILDPLATFORM']);
        for (const step of stage.steps) {
          if (EXPANDED.has(step.keyword)) {
            const undefinedNames = [...new Set(step.variables)].filter((name) => !known.has(name) && !(step.keyword === 'ARG' && global.has(name)));
            // One finding per instruction, however many names it uses: a line of 50,000 is one answer, not 50,000.
            if (undefinedNames.length > 0) report(step.line, `${namesList(undefinedNames)} ${undefinedNames.length === 1 ? 'is' : 'are'} not defined`);
          }
          for (const name of step.declares) known.add(name);
        }
      }
    },
  },
  {
    id: 'UndefinedArgInFrom',
    summary: 'FROM command must use declared ARGs',
    check: ({ globalArgs, stages }, report) => {
      // BuildKit declares the platform ARGs in the global scope of every build (`FROM --platform=$BUILDPLATFORM`).
      const global = new Set([...PLATFORM_ARGS, ...globalArgs.flatMap((step) => step.declares)]);
      for (const stage of stages)
        for (const name of stage.from.variables) if (!global.has(name)) report(stage.from.line, `FROM uses $${name}, which no ARG before it declares`);
    },
  },
  {
    id: 'SecretsUsedInArgOrEnv',
    summary: 'Sensitive data should not be used in the ARG or ENV commands',
    check: ({ globalArgs, stages }, report) =>
      [...globalArgs, ...stages.flatMap((stage) => stage.steps)]
        .filter((step) => step.keyword === 'ARG' || step.keyword === 'ENV')
        .forEach((step) =>
          step.declares
            .filter((name) => SECRET_NAME.test(name))
            .forEach((name) => report(step.line, `${step.keyword} ${name} would keep a secret in the image history`)),
        ),
  },
  {
    id: 'WorkdirRelativePath',
    summary: 'Relative workdir without an absolute workdir declared within the build can have unexpected results',
    check: ({ stages }, report) =>
      stages.forEach((stage) => {
        let absolute = false;
        for (const step of stage.steps.filter((item) => item.keyword === 'WORKDIR')) {
          if (/^(\/|\$)/.test(step.text.trim())) absolute = true;
          else if (!absolute) report(step.line, `WORKDIR ${step.text.trim()} before any absolute WORKDIR`);
        }
      }),
  },
];

const PLATFORM_ARGS = ['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT'];

/** `$A`, `$A and $B`, or the first three and how many more. */
function namesList(names: readonly string[]): string {
  const shown = names.slice(0, 3).map((name) => `$${name}`);
  if (names.length > 3) return `${shown.join(', ')} and ${names.length - 3} more`;
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)!}`;
}
