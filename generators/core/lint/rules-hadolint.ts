import type { Rule } from './rule.js';

const isJson = (text: string) => text.trim().startsWith('[');
const runs = (text: string, command: RegExp) => text.split(/&&|\|\||;|\|/).some((part) => command.test(part.trim()));

/** hadolint's rules, by its ids and meaning, on the parsed Dockerfile. */
export const HADOLINT_RULES: readonly Rule[] = [
  {
    id: 'DL3000',
    summary: 'Use absolute WORKDIR',
    check: ({ stages }, report) =>
      stages.forEach((stage) =>
        stage.steps
          .filter((step) => step.keyword === 'WORKDIR' && !/^(\/|\$)/.test(step.text.trim()))
          .forEach((step) => report(step.line, `WORKDIR ${step.text.trim()} is relative`)),
      ),
  },
  {
    id: 'DL3002',
    summary: 'Last USER should not be root',
    check: ({ stages }, report) => {
      const last = stages.at(-1);
      if (!last) return;
      const user = last.steps.filter((step) => step.keyword === 'USER').at(-1);
      if (!user) report(last.from.line, 'the final stage sets no USER, so it runs as root');
      else if (/^(root|0)(:|$)/.test(user.text.trim())) report(user.line, `the final stage runs as ${user.text.trim()}`);
    },
  },
  {
    id: 'DL3006',
    summary: 'Always tag the version of an image explicitly',
    check: ({ stages }, report) => {
      const names = new Set<string>();
      for (const stage of stages) {
        const image = stage.image;
        if (image !== 'scratch' && !names.has(image.toLowerCase()) && !/^\$/.test(image) && !/[:@]/.test(image.replace(/^[^/]+:\d+\//, '')))
          report(stage.from.line, `${image} has no tag`);
        if (stage.name) names.add(stage.name.toLowerCase());
      }
    },
  },
  {
    id: 'DL3007',
    summary: 'Using latest is prone to errors',
    check: ({ stages }, report) =>
      stages.filter((stage) => /:latest$/.test(stage.image)).forEach((stage) => report(stage.from.line, `${stage.image} uses latest`)),
  },
  {
    id: 'DL3009',
    summary: 'Delete the apt-get lists after installing something',
    check: ({ stages }, report) =>
      stages.forEach((stage) =>
        stage.steps
          .filter((step) => step.keyword === 'RUN' && runs(step.text, /^apt-get\s+(-\S+\s+)*install\b/))
          .forEach((step) => {
            const cached = step.flags.some((flag) => flag.name === 'mount' && /target=\/var\/lib\/apt/.test(flag.value ?? ''));
            if (!cached && !/rm\s+-(rf|fr|r)\s+\/var\/lib\/apt\/lists/.test(step.text))
              report(step.line, 'apt-get install without removing /var/lib/apt/lists or a cache mount');
          }),
      ),
  },
  {
    id: 'DL3014',
    summary: 'Use the -y switch',
    check: ({ stages }, report) =>
      stages.forEach((stage) =>
        stage.steps
          .filter((step) => step.keyword === 'RUN')
          .forEach((step) => {
            for (const part of step.text.split(/&&|\|\||;/))
              if (/^\s*apt-get\s+(-\S+\s+)*install\b/.test(part) && !/(\s-y\b|\s--yes\b|\s-\w*y\w*\b|--assume-yes)/.test(part))
                report(step.line, 'apt-get install without -y');
          }),
      ),
  },
  {
    id: 'DL3015',
    summary: 'Avoid additional packages by specifying --no-install-recommends',
    check: ({ stages }, report) =>
      stages.forEach((stage) =>
        stage.steps
          .filter((step) => step.keyword === 'RUN')
          .forEach((step) => {
            for (const part of step.text.split(/&&|\|\||;/))
              if (/^\s*apt-get\s+(-\S+\s+)*install\b/.test(part) && !/--no-install-recommends/.test(part))
                report(step.line, 'apt-get install without --no-install-recommends');
          }),
      ),
  },
  {
    id: 'DL3020',
    summary: 'Use COPY instead of ADD for files and folders',
    check: ({ stages }, report) =>
      stages.forEach((stage) =>
        stage.steps
          .filter((step) => step.keyword === 'ADD' && !/(https?:\/\/|\.(tar|tar\.\w+|tgz)\s)/.test(`${step.text} `))
          .forEach((step) => report(step.line, 'ADD of a local file')),
      ),
  },
  {
    id: 'DL3021',
    summary: 'COPY with more than 2 arguments requires the last argument to end with /',
    check: ({ stages }, report) =>
      stages.forEach((stage) =>
        stage.steps
          .filter((step) => step.keyword === 'COPY' && !isJson(step.text))
          .forEach((step) => {
            const words = step.text.trim().split(/\s+/);
            if (words.length > 2 && !words.at(-1)!.endsWith('/')) report(step.line, `COPY of ${words.length - 1} sources into ${words.at(-1)}`);
          }),
      ),
  },
  {
    id: 'DL3022',
    summary: 'COPY --from should reference a previously defined FROM alias',
    check: ({ stages }, report) => {
      // Grown stage by stage, not rebuilt for each: 30,000 stages would cost 450 million look-ups.
      const earlier = new Set<string>();
      for (const stage of stages) {
        // The stage's own name counts as defined here: referencing it is DL3023's finding, not this one's.
        if (stage.name) earlier.add(stage.name.toLowerCase());
        for (const step of stage.steps) {
          const from = step.keyword === 'COPY' ? step.flags.find((flag) => flag.name === 'from')?.value : undefined;
          if (from && !/^\d+$/.test(from) && !from.includes(':') && !from.includes('/') && !earlier.has(from.toLowerCase()))
            report(step.line, `COPY --from=${from} names no earlier stage`);
        }
      }
    },
  },
  {
    id: 'DL3023',
    summary: 'COPY --from cannot reference its own FROM alias',
    check: ({ stages }, report) =>
      stages.forEach((stage) =>
        stage.steps
          .filter(
            (step) =>
              step.keyword === 'COPY' && stage.name && step.flags.find((flag) => flag.name === 'from')?.value?.toLowerCase() === stage.name.toLowerCase(),
          )
          .forEach((step) => report(step.line, `COPY --from=${stage.name} inside that stage`)),
      ),
  },
  {
    id: 'DL3024',
    summary: 'FROM aliases (stage names) must be unique',
    check: ({ stages }, report) => {
      const seen = new Set<string>();
      for (const stage of stages) {
        const name = stage.name?.toLowerCase();
        if (name && seen.has(name)) report(stage.from.line, `stage name ${stage.name} is used twice`);
        if (name) seen.add(name);
      }
    },
  },
  {
    id: 'DL3025',
    summary: 'Use arguments JSON notation for CMD and ENTRYPOINT arguments',
    check: ({ stages }, report) =>
      stages.forEach((stage) =>
        stage.steps
          .filter((step) => (step.keyword === 'CMD' || step.keyword === 'ENTRYPOINT') && !isJson(step.text))
          .forEach((step) => report(step.line, `${step.keyword} in shell form`)),
      ),
  },
  {
    id: 'DL3027',
    summary: 'Do not use apt as it is meant to be an end-user tool, use apt-get or apt-cache instead',
    check: ({ stages }, report) =>
      stages.forEach((stage) =>
        stage.steps.filter((step) => step.keyword === 'RUN' && runs(step.text, /^apt\s/)).forEach((step) => report(step.line, 'apt instead of apt-get')),
      ),
  },
  {
    id: 'DL3042',
    summary: 'Avoid use of cache directory with pip. Use `pip install --no-cache-dir <package>`',
    check: ({ stages }, report) =>
      stages.forEach((stage) =>
        stage.steps
          .filter((step) => step.keyword === 'RUN' && /\bpip3?\s+install\b/.test(step.text))
          .forEach((step) => {
            const cached = step.flags.some((flag) => flag.name === 'mount' && /target=[^,]*\.cache\/pip/.test(flag.value ?? ''));
            if (!cached && !/--no-cache-dir|PIP_NO_CACHE_DIR/.test(step.text)) report(step.line, 'pip install keeps its cache in the layer');
          }),
      ),
  },
  {
    id: 'DL3045',
    summary: 'COPY to a relative destination without WORKDIR set',
    check: ({ stages }, report) =>
      stages.forEach((stage) => {
        let workdir = false;
        for (const step of stage.steps) {
          if (step.keyword === 'WORKDIR') workdir = true;
          if (step.keyword === 'COPY' && !workdir && !isJson(step.text)) {
            const destination = step.text.trim().split(/\s+/).at(-1)!;
            if (!/^(\/|\$)/.test(destination)) report(step.line, `COPY to ${destination} before any WORKDIR`);
          }
        }
      }),
  },
  {
    id: 'DL4003',
    summary: 'Multiple CMD instructions found',
    check: ({ stages }, report) =>
      stages.forEach((stage) =>
        stage.steps
          .filter((step) => step.keyword === 'CMD')
          .slice(1)
          .forEach((step) => report(step.line, 'a second CMD in one stage')),
      ),
  },
  {
    id: 'DL4004',
    summary: 'Multiple ENTRYPOINT instructions found',
    check: ({ stages }, report) =>
      stages.forEach((stage) =>
        stage.steps
          .filter((step) => step.keyword === 'ENTRYPOINT')
          .slice(1)
          .forEach((step) => report(step.line, 'a second ENTRYPOINT in one stage')),
      ),
  },
  {
    id: 'DL4006',
    summary: 'Set the SHELL option -o pipefail before RUN with a pipe in it',
    check: ({ stages }, report) =>
      stages.forEach((stage) => {
        let pipefail = false;
        for (const step of stage.steps) {
          if (step.keyword === 'SHELL') pipefail = /pipefail/.test(step.text);
          if (
            step.keyword === 'RUN' &&
            !isJson(step.text) &&
            /[^|]\|[^|]/.test(step.text.replace(/'[^']*'|"[^"]*"/g, '')) &&
            !pipefail &&
            !/set -[a-z]*o pipefail|set -o pipefail/.test(step.text)
          )
            report(step.line, 'a pipe without pipefail hides the failure of its left side');
        }
      }),
  },
];
