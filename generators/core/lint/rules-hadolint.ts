import type { Rule } from './rule.js';
import { isAbsolutePath } from './model.js';
import { LINT_MESSAGES } from './messages.js';

const m = LINT_MESSAGES.message;

const isJson = (text: string) => text.trim().startsWith('[');
// A here-document's lines are commands too, so a newline separates them as `;` does.
const runs = (text: string, command: RegExp) => text.split(/&&|\|\||;|\||\n/).some((part) => command.test(part.trim()));

/** hadolint's rules, by its ids and meaning, on the parsed Dockerfile. */
export const HADOLINT_RULES: readonly Rule[] = [
  {
    id: 'DL3000',
    check: ({ stages }, report) =>
      stages.forEach((stage) =>
        stage.steps
          .filter((step) => step.keyword === 'WORKDIR' && !isAbsolutePath(step.text.trim()))
          .forEach((step) => report(step.line, m('lint.DL3000.relative', { dir: step.text.trim() }))),
      ),
  },
  {
    id: 'DL3002',
    check: ({ stages }, report) => {
      const last = stages.at(-1);
      if (!last) return;
      const user = last.steps.filter((step) => step.keyword === 'USER').at(-1);
      if (!user) report(last.from.line, m('lint.DL3002.none'));
      else if (/^(root|0)(:|$)/.test(user.text.trim())) report(user.line, m('lint.DL3002.root', { user: user.text.trim() }));
    },
  },
  {
    id: 'DL3006',
    check: ({ stages }, report) => {
      const names = new Set<string>();
      for (const stage of stages) {
        const image = stage.image;
        if (image !== 'scratch' && !names.has(image.toLowerCase()) && !/^\$/.test(image) && !/[:@]/.test(image.replace(/^[^/]+:\d+\//, '')))
          report(stage.from.line, m('lint.DL3006.untagged', { image }));
        if (stage.name) names.add(stage.name.toLowerCase());
      }
    },
  },
  {
    id: 'DL3007',
    check: ({ stages }, report) =>
      stages.filter((stage) => /:latest$/.test(stage.image)).forEach((stage) => report(stage.from.line, m('lint.DL3007.latest', { image: stage.image }))),
  },
  {
    id: 'DL3009',
    check: ({ stages }, report) =>
      stages.forEach((stage) =>
        stage.steps
          .filter((step) => step.keyword === 'RUN' && runs(step.text, /^apt-get\s+(-\S+\s+)*install\b/))
          .forEach((step) => {
            const cached = step.flags.some((flag) => flag.name === 'mount' && /target=\/var\/lib\/apt/.test(flag.value ?? ''));
            if (!cached && !/rm\s+-(rf|fr|r)\s+\/var\/lib\/apt\/lists/.test(step.text)) report(step.line, m('lint.DL3009.lists'));
          }),
      ),
  },
  {
    id: 'DL3014',
    check: ({ stages }, report) =>
      stages.forEach((stage) =>
        stage.steps
          .filter((step) => step.keyword === 'RUN')
          .forEach((step) => {
            for (const part of step.text.split(/&&|\|\||;/))
              if (/^\s*apt-get\s+(-\S+\s+)*install\b/.test(part) && !/(\s-y\b|\s--yes\b|\s-\w*y\w*\b|--assume-yes)/.test(part))
                report(step.line, m('lint.DL3014.no-y'));
          }),
      ),
  },
  {
    id: 'DL3015',
    check: ({ stages }, report) =>
      stages.forEach((stage) =>
        stage.steps
          .filter((step) => step.keyword === 'RUN')
          .forEach((step) => {
            for (const part of step.text.split(/&&|\|\||;/))
              if (/^\s*apt-get\s+(-\S+\s+)*install\b/.test(part) && !/--no-install-recommends/.test(part)) report(step.line, m('lint.DL3015.recommends'));
          }),
      ),
  },
  {
    id: 'DL3020',
    check: ({ stages }, report) =>
      stages.forEach((stage) =>
        stage.steps
          .filter((step) => step.keyword === 'ADD' && !/(https?:\/\/|\.(tar|tar\.\w+|tgz)\s)/.test(`${step.text} `))
          .forEach((step) => report(step.line, m('lint.DL3020.local'))),
      ),
  },
  {
    id: 'DL3021',
    check: ({ stages }, report) =>
      stages.forEach((stage) =>
        stage.steps
          .filter((step) => step.keyword === 'COPY' && !isJson(step.text))
          .forEach((step) => {
            const words = step.text.trim().split(/\s+/);
            if (words.length > 2 && !words.at(-1)!.endsWith('/'))
              report(step.line, m('lint.DL3021.sources', { count: words.length - 1, destination: words.at(-1)! }));
          }),
      ),
  },
  {
    id: 'DL3022',
    check: ({ stages }, report) => {
      // Grown stage by stage, not rebuilt for each: 30,000 stages would cost 450 million look-ups.
      const earlier = new Set<string>();
      for (const stage of stages) {
        // The stage's own name counts as defined here: referencing it is DL3023's finding, not this one's.
        if (stage.name) earlier.add(stage.name.toLowerCase());
        for (const step of stage.steps) {
          const from = step.keyword === 'COPY' ? step.flags.find((flag) => flag.name === 'from')?.value : undefined;
          if (from && !/^\d+$/.test(from) && !from.includes(':') && !from.includes('/') && !earlier.has(from.toLowerCase()))
            report(step.line, m('lint.DL3022.unknown', { from }));
        }
      }
    },
  },
  {
    id: 'DL3023',
    check: ({ stages }, report) =>
      stages.forEach((stage) =>
        stage.steps
          .filter(
            (step) =>
              step.keyword === 'COPY' && stage.name && step.flags.find((flag) => flag.name === 'from')?.value?.toLowerCase() === stage.name.toLowerCase(),
          )
          .forEach((step) => report(step.line, m('lint.DL3023.self', { from: stage.name! }))),
      ),
  },
  {
    id: 'DL3024',
    check: ({ stages }, report) => {
      const seen = new Set<string>();
      for (const stage of stages) {
        const name = stage.name?.toLowerCase();
        if (name && seen.has(name)) report(stage.from.line, m('lint.DL3024.twice', { name: stage.name! }));
        if (name) seen.add(name);
      }
    },
  },
  {
    id: 'DL3025',
    check: ({ stages }, report) =>
      stages.forEach((stage) =>
        stage.steps
          .filter((step) => (step.keyword === 'CMD' || step.keyword === 'ENTRYPOINT') && !isJson(step.text))
          .forEach((step) => report(step.line, m('lint.DL3025.shell', { keyword: step.keyword }))),
      ),
  },
  {
    id: 'DL3027',
    check: ({ stages }, report) =>
      stages.forEach((stage) =>
        stage.steps.filter((step) => step.keyword === 'RUN' && runs(step.text, /^apt\s/)).forEach((step) => report(step.line, m('lint.DL3027.apt'))),
      ),
  },
  {
    id: 'DL3042',
    check: ({ stages }, report) =>
      stages.forEach((stage) =>
        stage.steps
          .filter((step) => step.keyword === 'RUN' && /\bpip3?\s+install\b/.test(step.text))
          .forEach((step) => {
            const cached = step.flags.some((flag) => flag.name === 'mount' && /target=[^,]*\.cache\/pip/.test(flag.value ?? ''));
            if (!cached && !/--no-cache-dir|PIP_NO_CACHE_DIR/.test(step.text)) report(step.line, m('lint.DL3042.cache'));
          }),
      ),
  },
  {
    id: 'DL3045',
    check: ({ stages }, report) =>
      stages.forEach((stage) => {
        let workdir = false;
        for (const step of stage.steps) {
          if (step.keyword === 'WORKDIR') workdir = true;
          if (step.keyword === 'COPY' && !workdir && !isJson(step.text)) {
            const destination = step.text.trim().split(/\s+/).at(-1)!;
            if (!isAbsolutePath(destination)) report(step.line, m('lint.DL3045.relative', { destination }));
          }
        }
      }),
  },
  {
    id: 'DL4003',
    check: ({ stages }, report) =>
      stages.forEach((stage) =>
        stage.steps
          .filter((step) => step.keyword === 'CMD')
          .slice(1)
          .forEach((step) => report(step.line, m('lint.DL4003.second'))),
      ),
  },
  {
    id: 'DL4004',
    check: ({ stages }, report) =>
      stages.forEach((stage) =>
        stage.steps
          .filter((step) => step.keyword === 'ENTRYPOINT')
          .slice(1)
          .forEach((step) => report(step.line, m('lint.DL4004.second'))),
      ),
  },
  {
    id: 'DL4006',
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
            report(step.line, m('lint.DL4006.pipe'));
        }
      }),
  },
];
