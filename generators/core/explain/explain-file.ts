import { Copy, From, Instruction, JSONInstruction, ModifiableInstruction, Onbuild, PropertyInstruction, Run, type Dockerfile } from 'dockerfile-ast';
import { lint, type Finding } from '../lint/index.js';
import { parseDockerfile } from '../lint/parse.js';
import { SECRET_NAME } from '../lint/rules-buildkit.js';
import { FILE_MESSAGES, type FileMessageId } from './file-messages.js';
import type { Message } from './messages.js';

export type VerdictKind = 'good' | 'fix' | 'note';

export interface Verdict {
  readonly kind: VerdictKind;
  readonly message: Message;
}

/** One instruction (or parser directive) of the file: what it does, what about it is good or not, its lint findings. */
export interface ExplainedInstruction {
  readonly line: number;
  readonly end: number;
  readonly keyword: string;
  /** The instruction as written, continuations joined, for a heading line. */
  readonly source: string;
  readonly what: Message;
  readonly verdicts: readonly Verdict[];
  readonly findings: readonly Finding[];
}

export interface ExplainedFile {
  readonly instructions: readonly ExplainedInstruction[];
  readonly stages: number;
  readonly findings: number;
}

/** The build arguments BuildKit sets itself, for the platform being built and the one building. */
const PLATFORM_ARGS = new Set(['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT']);

const say = (id: FileMessageId, args?: Message['args']): Message => FILE_MESSAGES.message(id, args);
const verdict = (kind: VerdictKind, id: FileMessageId, args?: Message['args']): Verdict => ({ kind, message: say(id, args) });

/** The context an instruction is judged in: its stage, the stages above, what follows it. */
interface Context {
  readonly stageNames: ReadonlySet<string>;
  readonly stageIndex: number;
  readonly stageCount: number;
  /** The instructions of the same stage, in order. */
  readonly stage: readonly Instruction[];
  /** The file's escape character (`# escape=`), which continues lines. */
  readonly escape: string;
}

/**
 * Explains any Dockerfile from its parse tree (dockerfile-ast, the parser lint uses): parser
 * directives, then each instruction in order, with the lint findings of its lines.
 */
export function explainDockerfile(content: string): ExplainedFile {
  const dockerfile = parseDockerfile(content);
  const findings = lint(content);
  const explained: ExplainedInstruction[] = directives(dockerfile);
  const stages = splitStages(dockerfile);
  const stageNames = new Set<string>();
  for (const instruction of dockerfile.getInstructions()) {
    const index = stages.findIndex((stage) => stage.includes(instruction));
    const context: Context = {
      stageNames,
      stageIndex: index,
      stageCount: stages.length,
      stage: index >= 0 ? stages[index]! : [],
      escape: dockerfile.getEscapeCharacter(),
    };
    const range = instruction.getRange();
    const line = range.start.line + 1;
    const end = range.end.line + 1;
    const keyword = instruction.getKeyword().toUpperCase();
    explained.push({
      line,
      end,
      keyword,
      source: oneLine(instruction.getTextContent()),
      what: whatItDoes(instruction, context),
      verdicts: judge(instruction, context),
      findings: findings.filter((finding) => finding.line >= line && finding.line <= end),
    });
    if (instruction instanceof From && instruction.getBuildStage()) stageNames.add(instruction.getBuildStage()!.toLowerCase());
  }
  return { instructions: explained, stages: stages.length, findings: findings.length };
}

function directives(dockerfile: Dockerfile): ExplainedInstruction[] {
  return dockerfile.getDirectives().map((directive) => {
    const name = directive.getName().toLowerCase();
    const value = directive.getValue();
    const id: FileMessageId =
      name === 'syntax'
        ? 'explain.directive.syntax'
        : name === 'escape'
          ? 'explain.directive.escape'
          : name === 'check'
            ? 'explain.directive.check'
            : 'explain.directive.other';
    const line = directive.getRange().start.line + 1;
    return { line, end: line, keyword: `# ${name}=`, source: oneLine(directive.toString()), what: say(id, { name, value }), verdicts: [], findings: [] };
  });
}

/** The instructions after each FROM, FROM included; instructions before the first FROM belong to none. */
function splitStages(dockerfile: Dockerfile): Instruction[][] {
  const stages: Instruction[][] = [];
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction instanceof From) stages.push([instruction]);
    else stages.at(-1)?.push(instruction);
  }
  return stages;
}

const oneLine = (text: string) =>
  text
    .replace(/\\?\r?\n\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The words of an instruction's arguments (dockerfile-ast leaves flags out). */
const words = (instruction: Instruction): string[] => instruction.getArguments().map((argument) => argument.getValue());

const flagValue = (instruction: Instruction, name: string) =>
  instruction instanceof ModifiableInstruction
    ? (instruction
        .getFlags()
        .find((flag) => flag.getName() === name)
        ?.getValue() ?? undefined)
    : undefined;

const isJsonForm = (instruction: Instruction) =>
  instruction instanceof JSONInstruction && instruction.getOpeningBracket() !== null && instruction.getClosingBracket() !== null;

function whatItDoes(instruction: Instruction, context: Context): Message {
  const keyword = instruction.getKeyword().toUpperCase();
  const args = words(instruction);
  switch (keyword) {
    case 'FROM': {
      const from = instruction as From;
      const image = from.getImage() ?? '';
      if (image.toLowerCase() === 'scratch') return say('explain.what.FROM.scratch');
      if (context.stageNames.has(image.toLowerCase())) return say('explain.what.FROM.stage', { image });
      return say('explain.what.FROM', { image });
    }
    case 'COPY':
    case 'ADD': {
      const { sources, destination } = copyParts(instruction);
      const from = flagValue(instruction, 'from');
      if (keyword === 'COPY' && from) return say('explain.what.COPY.from', { sources, destination, from });
      if (keyword === 'COPY' && (instruction as Copy).getHeredocs().length > 0) return say('explain.what.COPY.heredoc', { sources, destination });
      return say(keyword === 'COPY' ? 'explain.what.COPY' : 'explain.what.ADD', { sources, destination });
    }
    case 'USER':
      return say('explain.what.USER', { user: args.join(' ') });
    case 'WORKDIR':
      return say('explain.what.WORKDIR', { dir: args.join(' ') });
    case 'ENV':
      return say('explain.what.ENV', { names: envNames(instruction).join(', ') });
    case 'ARG': {
      const names = args.map((word) => word.split('=')[0]!);
      if (names.length > 0 && names.every((name) => PLATFORM_ARGS.has(name))) return say('explain.what.ARG.platform', { name: names.join(', ') });
      return say(context.stageIndex < 0 ? 'explain.what.ARG.global' : 'explain.what.ARG', { name: names.join(', ') });
    }
    case 'EXPOSE':
      return say('explain.what.EXPOSE', { ports: args.join(', ') });
    case 'LABEL':
      return say('explain.what.LABEL', { names: envNames(instruction).join(', ') });
    case 'HEALTHCHECK':
      return args[0]?.toUpperCase() === 'NONE' ? say('explain.what.HEALTHCHECK.none') : say('explain.what.HEALTHCHECK');
    case 'VOLUME':
      return say('explain.what.VOLUME', { paths: jsonOrWords(instruction).join(', ') });
    case 'STOPSIGNAL':
      return say('explain.what.STOPSIGNAL', { signal: args.join(' ') });
    case 'ONBUILD':
      return say('explain.what.ONBUILD', {
        trigger: oneLine(`${(instruction as Onbuild).getTrigger() ?? ''} ${instruction.getRawArgumentsContent()?.replace(/^\S+\s*/, '') ?? ''}`),
      });
    case 'RUN':
    case 'CMD':
    case 'ENTRYPOINT':
    case 'SHELL':
    case 'MAINTAINER':
      return say(`explain.what.${keyword}`);
    default:
      return say('explain.what.unknown');
  }
}

function copyParts(instruction: Instruction): { sources: string; destination: string } {
  const heredocs = instruction instanceof Copy ? instruction.getHeredocs().map((heredoc) => `<<${heredoc.getName()}`) : [];
  if (heredocs.length > 0) {
    // The here-documents' bodies follow the line that opens them; the destination ends that line.
    const opening = (instruction.getRawArgumentsContent() ?? '').split('\n')[0]!.trim().split(/\s+/);
    return { sources: heredocs.join(' '), destination: opening.at(-1) ?? '.' };
  }
  const parts = jsonOrWords(instruction);
  return { sources: parts.slice(0, -1).join(' ') || '.', destination: parts.at(-1) ?? '.' };
}

/** A JSON-form instruction's strings, else its words. */
function jsonOrWords(instruction: Instruction): string[] {
  if (isJsonForm(instruction)) return (instruction as JSONInstruction).getJSONStrings().map((item) => item.getJSONValue());
  return words(instruction);
}

function envNames(instruction: Instruction): string[] {
  return instruction instanceof PropertyInstruction ? instruction.getProperties().map((property) => property.getName()) : [];
}

/** Every verdict on one instruction, from the rules of its keyword. */
function judge(instruction: Instruction, context: Context): Verdict[] {
  const keyword = instruction.getKeyword().toUpperCase();
  const judges: Record<string, (instruction: Instruction, context: Context) => Verdict[]> = {
    FROM: judgeFrom,
    RUN: judgeRun,
    COPY: judgeCopy,
    ADD: judgeAdd,
    CMD: judgeCommand,
    ENTRYPOINT: judgeCommand,
    USER: judgeUser,
    WORKDIR: (item) => (words(item)[0] && !/^(\/|\$|[A-Za-z]:)/.test(words(item)[0]!) ? [verdict('fix', 'explain.workdir.relative')] : []),
    ENV: (item) =>
      envNames(item)
        .filter((name) => SECRET_NAME.test(name))
        .map((name) => verdict('fix', 'explain.env.secret', { name })),
    ARG: (item) =>
      words(item)
        .map((word) => word.split('=')[0]!)
        .filter((name) => SECRET_NAME.test(name))
        .map((name) => verdict('fix', 'explain.arg.secret', { name })),
    EXPOSE: () => [verdict('note', 'explain.expose.note')],
    HEALTHCHECK: (item) => (words(item)[0]?.toUpperCase() === 'CMD' && !isJsonForm(item) ? [verdict('note', 'explain.healthcheck.shell')] : []),
    MAINTAINER: () => [verdict('fix', 'explain.maintainer.label')],
    ONBUILD: () => [verdict('note', 'explain.onbuild.surprise')],
  };
  return judges[keyword]?.(instruction, context) ?? [];
}

function judgeFrom(instruction: Instruction, context: Context): Verdict[] {
  const from = instruction as From;
  const image = (from.getImage() ?? '').toLowerCase();
  const verdicts: Verdict[] = [];
  const earlierStage = context.stageNames.has(image);
  if (image !== 'scratch' && !earlierStage && !image.startsWith('$')) {
    if (/\$/.test(from.getImage() ?? '')) verdicts.push(verdict('note', 'explain.from.variable'));
    else if (from.getImageDigest()) verdicts.push(verdict('good', 'explain.from.digest'));
    else if (!from.getImageTag()) verdicts.push(verdict('fix', 'explain.from.untagged'));
    else if (from.getImageTag() === 'latest') verdicts.push(verdict('fix', 'explain.from.latest'));
    else verdicts.push(verdict('good', 'explain.from.pinned', { tag: from.getImageTag()! }));
    const name = from.getImageName() ?? '';
    if (/distroless/.test(name)) verdicts.push(verdict('good', 'explain.from.distroless'));
    else if (/slim/.test(from.getImageTag() ?? '')) verdicts.push(verdict('good', 'explain.from.slim'));
    else if (/(^|\/)alpine$/.test(name) || /alpine/.test(from.getImageTag() ?? '')) verdicts.push(verdict('note', 'explain.from.alpine'));
  }
  const platform = from.getPlatformFlag()?.getValue();
  if (platform) verdicts.push(verdict('note', 'explain.from.platform', { platform }));
  const stage = from.getBuildStage();
  if (stage) verdicts.push(verdict('note', 'explain.from.named', { name: stage }));
  const last = context.stageIndex === context.stageCount - 1;
  if (last && context.stageCount === 2) verdicts.push(verdict('good', 'explain.from.final-two'));
  if (last && context.stageCount > 2) verdicts.push(verdict('good', 'explain.from.final-multi', { count: context.stageCount - 1 }));
  if (last && context.stageCount === 1 && image !== 'scratch') verdicts.push(verdict('note', 'explain.from.single'));
  if (last && !context.stage.some((item) => item.getKeyword().toUpperCase() === 'USER') && image !== 'scratch')
    verdicts.push(verdict('fix', 'explain.user.final-none'));
  return verdicts;
}

/** The shell commands of a RUN (or its heredoc bodies), flags left out, for the checks that read what it runs. */
function runScript(instruction: Instruction, escape: string): string {
  if (isJsonForm(instruction)) return jsonOrWords(instruction).join(' ');
  return (instruction.getRawArgumentsContent() ?? '').split(`${escape}\n`).join(' ').split(`${escape}\r\n`).join(' ');
}

const commands = (script: string) =>
  script
    .split(/&&|\|\||;|\n/)
    .map((part) => part.trim())
    .filter(Boolean);
const INSTALLS =
  /^(npm (ci|install|i)\b|yarn( install)?\b|pnpm (install|i)\b|pip3? install\b|python3? -m pip install\b|poetry install\b|uv sync\b|pipenv install\b|go mod download\b|bundle install\b|composer install\b|cargo (build|fetch)\b|mvn\b.*dependency:|gradle\b.*dependencies)/;

export function installsDependencies(instruction: Instruction, escape = '\\'): boolean {
  return (
    instruction.getKeyword().toUpperCase() === 'RUN' &&
    commands(runScript(instruction, escape)).some((command) => INSTALLS.test(command.replace(/^(\S+=\S+\s+)+/, '')))
  );
}

function judgeRun(instruction: Instruction, context: Context): Verdict[] {
  const verdicts: Verdict[] = [];
  const shell = context.stage
    .slice(0, context.stage.indexOf(instruction))
    .filter((item) => item.getKeyword().toUpperCase() === 'SHELL')
    .at(-1);
  if (isJsonForm(instruction)) verdicts.push(verdict('note', 'explain.run.exec'));
  else if (shell) verdicts.push(verdict('note', 'explain.run.shell-custom', { shell: jsonOrWords(shell).join(' '), line: shell.getRange().start.line + 1 }));
  else verdicts.push(verdict('note', 'explain.run.shell'));
  for (const flag of instruction instanceof ModifiableInstruction ? instruction.getFlags() : []) {
    if (flag.getName() !== 'mount') continue;
    const option = (name: string) => flag.getOption(name)?.getValue() ?? undefined;
    const type = option('type') ?? 'bind';
    if (type === 'cache')
      verdicts.push(verdict('good', 'explain.run.cache-mount', { target: option('target') ?? option('dst') ?? option('destination') ?? '?' }));
    else if (type === 'secret') verdicts.push(verdict('good', 'explain.run.secret-mount', { id: option('id') ?? option('target') ?? '?' }));
    else if (type === 'ssh') verdicts.push(verdict('good', 'explain.run.ssh-mount'));
    else if (type === 'bind') verdicts.push(verdict('note', 'explain.run.bind-mount', { from: option('from') ?? option('source') ?? '.' }));
  }
  for (const heredoc of instruction instanceof Run ? instruction.getHeredocs() : [])
    verdicts.push(verdict('note', 'explain.run.heredoc', { name: heredoc.getName() }));
  const script = runScript(instruction, context.escape);
  const parts = commands(script);
  const chained = script.split('&&').length;
  if (chained >= 3) verdicts.push(verdict('note', 'explain.run.chained', { count: chained }));
  const aptInstall = parts.some((part) => /^apt-get\s+(-\S+\s+)*install\b/.test(part));
  const aptUpdate = parts.some((part) => /^apt-get\s+(-\S+\s+)*update\b/.test(part));
  if (aptUpdate && !aptInstall) verdicts.push(verdict('fix', 'explain.run.apt-update-alone'));
  if (aptInstall && /rm\s+-(rf|fr|r)\s+\/var\/lib\/apt\/lists/.test(script)) verdicts.push(verdict('good', 'explain.run.apt-clean'));
  if (aptInstall && !/--no-install-recommends/.test(script)) verdicts.push(verdict('fix', 'explain.run.apt-recommends'));
  if (parts.some((part) => /^cd\s/.test(part))) verdicts.push(verdict('note', 'explain.run.cd'));
  if (parts.some((part) => /^npm (install|i)\b/.test(part))) verdicts.push(verdict('fix', 'explain.run.npm-install'));
  if (/\b(curl|wget)\b[^|]*\|\s*(ba|z)?sh\b/.test(script)) verdicts.push(verdict('fix', 'explain.run.pipe-to-shell'));
  return verdicts;
}

function judgeCopy(instruction: Instruction, context: Context): Verdict[] {
  const verdicts: Verdict[] = [];
  const from = flagValue(instruction, 'from');
  if (from) verdicts.push(verdict('good', 'explain.copy.from-stage'));
  const { sources } = copyParts(instruction);
  if (!from && sources.split(' ').some((source) => source === '.' || source === './')) {
    verdicts.push(verdict('note', 'explain.copy.everything'));
    const position = context.stage.indexOf(instruction);
    const installs = (item: Instruction) => installsDependencies(item, context.escape);
    const after = context.stage.slice(position + 1).find(installs);
    const before = context.stage.slice(0, position).find(installs);
    // An install after the source is fine when the dependencies were installed before it (`pip install .` of the project itself).
    if (before) verdicts.push(verdict('good', 'explain.copy.install-before', { line: before.getRange().start.line + 1 }));
    else if (after) verdicts.push(verdict('fix', 'explain.copy.install-after', { line: after.getRange().start.line + 1 }));
  }
  const chown = flagValue(instruction, 'chown');
  if (chown) verdicts.push(verdict('note', 'explain.copy.chown', { owner: chown }));
  const chmod = flagValue(instruction, 'chmod');
  if (chmod) verdicts.push(verdict('note', 'explain.copy.chmod', { mode: chmod }));
  if (instruction instanceof ModifiableInstruction && instruction.getFlags().some((flag) => flag.getName() === 'link'))
    verdicts.push(verdict('good', 'explain.copy.link'));
  return verdicts;
}

function judgeAdd(instruction: Instruction, context: Context): Verdict[] {
  const sources = copyParts(instruction).sources.split(' ');
  const remote = sources.some((source) => /^(https?|git@|git):/.test(source) || source.startsWith('git@'));
  const archive = sources.some((source) => /\.(tar(\.\w+)?|tgz|tbz2?|txz)$/.test(source));
  const verdicts = judgeCopy(instruction, context).filter((item) => item.message.id !== 'explain.copy.from-stage');
  if (remote && !flagValue(instruction, 'checksum')) verdicts.unshift(verdict('fix', 'explain.add.url'));
  if (!remote && !archive) verdicts.unshift(verdict('fix', 'explain.add.plain'));
  return verdicts;
}

function judgeCommand(instruction: Instruction, context: Context): Verdict[] {
  const verdicts = [verdict(isJsonForm(instruction) ? 'good' : 'fix', isJsonForm(instruction) ? 'explain.cmd.exec' : 'explain.cmd.shell')];
  const hasEntrypoint = context.stage.some((item) => item.getKeyword().toUpperCase() === 'ENTRYPOINT');
  if (instruction.getKeyword().toUpperCase() === 'CMD' && hasEntrypoint) {
    // Arguments to an ENTRYPOINT are never run by a shell, whatever their form.
    return [verdict('note', 'explain.cmd.after-entrypoint')];
  }
  return verdicts;
}

function judgeUser(instruction: Instruction): Verdict[] {
  const user = words(instruction)[0] ?? '';
  const name = user.split(':')[0]!;
  if (name === 'root' || name === '0') return [verdict('fix', 'explain.user.root')];
  return [verdict(/^\d+$/.test(name) ? 'good' : 'note', /^\d+$/.test(name) ? 'explain.user.numeric' : 'explain.user.named')];
}
