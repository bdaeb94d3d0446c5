import { UserError } from '../errors.js';
import { lint } from '../lint/index.js';
import { parseDockerfile } from '../lint/parse.js';
import type { FragmentChoice } from '../types.js';
import { ERRORS } from '../explain/error-messages.js';

/**
 * What a fragment may hold: instructions that add to a stage. FROM would change the stages, USER
 * could make the image run as root, CMD and ENTRYPOINT have their own flags, ONBUILD acts on other
 * images, SHELL and HEALTHCHECK change what the rest of the file means.
 */
const ALLOWED = new Set(['ARG', 'ENV', 'RUN', 'COPY', 'ADD', 'WORKDIR', 'LABEL', 'EXPOSE', 'VOLUME', 'STOPSIGNAL']);

/** The line that closes a fragment in the check: it must stay an instruction of its own. */
const END = 'LABEL create-dockerfile.fragment-end=1';

/**
 * A fragment is the user's own Dockerfile text, inserted as it is. Parsed (dockerfile-ast, as the lint
 * gate parses), it must be complete instructions of the allowed kinds, end where it ends (no trailing
 * backslash or open heredoc swallowing the next line), and pass the lint gate on its own; each
 * refusal names the file and the line.
 */
export function checkFragment(fragment: Required<FragmentChoice>): void {
  const where = `--fragment ${fragment.point}=${fragment.file}`;
  const body = fragment.text.trimEnd();
  const instructions = parseDockerfile(`${body}\n${END}\n`).getInstructions();
  const last = instructions.at(-1);
  if (last === undefined || last.getKeyword().toUpperCase() !== 'LABEL' || last.getRange().start.line !== body.split('\n').length)
    throw new UserError(ERRORS.message('error.fragment-check.fragment-ends-inside', { where }));
  for (const instruction of instructions.slice(0, -1)) {
    const keyword = instruction.getKeyword().toUpperCase();
    if (!ALLOWED.has(keyword))
      throw new UserError(
        ERRORS.message('error.fragment-check.line-taken-fragment', {
          where,
          value: instruction.getRange().start.line + 1,
          keyword,
          value2: [...ALLOWED].join(', '),
        }),
      );
  }
  // Linted inside a stage of its own (FROM before, a non-root USER after, as the file it joins has),
  // so line numbers shift by the one FROM line; only findings on its own lines are its own.
  const length = body.split('\n').length;
  const findings = lint(`FROM debian:13-slim\n${body}\nUSER 65532:65532\n`).filter((finding) => finding.line >= 2 && finding.line <= length + 1);
  if (findings.length > 0) {
    const finding = findings[0]!;
    throw new UserError(ERRORS.message('error.fragment-check.line', { where, value: finding.line - 1, rule: finding.rule, message: finding.message }));
  }
}
