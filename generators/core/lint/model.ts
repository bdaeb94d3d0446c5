import { Arg, Copy, Env, From, ModifiableInstruction, type Instruction } from 'dockerfile-ast';
import { parseDockerfile } from './parse.js';

/** One instruction as the rules see it, with flags split from arguments and a 1-based line. */
export interface Step {
  readonly keyword: string;
  /** The keyword as written, for casing rules. */
  readonly written: string;
  readonly line: number;
  readonly flags: readonly { readonly name: string; readonly value: string | null }[];
  /** Arguments without flags, as written (continuations joined). */
  readonly text: string;
  readonly variables: readonly string[];
  readonly declares: readonly string[];
}

export interface Stage {
  readonly from: Step;
  readonly image: string;
  readonly name?: string;
  /** The AS keyword as written, for casing rules. */
  readonly asKeyword?: string;
  readonly steps: readonly Step[];
}

export interface Model {
  readonly globalArgs: readonly Step[];
  readonly stages: readonly Stage[];
}

export function model(content: string): Model {
  const dockerfile = parseDockerfile(content);
  const globalArgs: Step[] = [];
  const stages: { from: Step; image: string; name?: string; asKeyword?: string; steps: Step[] }[] = [];
  const escape = dockerfile.getEscapeCharacter();
  for (const instruction of dockerfile.getInstructions()) {
    const step = toStep(instruction, escape);
    if (instruction instanceof From) {
      const words = (instruction.getRawArgumentsContent() ?? '').split(/\s+/);
      stages.push({
        from: step,
        image: instruction.getImage() ?? '',
        name: instruction.getBuildStage() ?? undefined,
        asKeyword: words.find((word) => word.toLowerCase() === 'as'),
        steps: [],
      });
    } else if (stages.length === 0) {
      if (step.keyword === 'ARG') globalArgs.push(step);
    } else {
      stages.at(-1)!.steps.push(step);
    }
  }
  return { globalArgs, stages };
}

function toStep(instruction: Instruction, escape: string): Step {
  const flags = instruction instanceof ModifiableInstruction ? instruction.getFlags().map((flag) => ({ name: flag.getName(), value: flag.getValue() })) : [];
  let declares: string[] = [];
  if (instruction instanceof Arg) declares = [instruction.getProperty()?.getName() ?? ''].filter(Boolean);
  if (instruction instanceof Env) declares = instruction.getProperties().map((property) => property.getName());
  const raw = instruction.getRawArgumentsContent() ?? '';
  // A COPY's here-documents are file contents, not arguments: its arguments end with the line that opens them.
  const headed = instruction instanceof Copy && instruction.getHeredocs().length > 0 ? raw.split('\n')[0]! : raw;
  const text = headed.split(`${escape}\r\n`).join(' ').split(`${escape}\n`).join(' ');
  return {
    keyword: instruction.getKeyword().toUpperCase(),
    written: instruction.getInstruction(),
    line: instruction.getRange().start.line + 1,
    flags,
    text,
    // Flags expand variables too (COPY --chown=$UID).
    variables: [...flags.flatMap((flag) => variableNames(flag.value ?? '', escape)), ...variableNames(text, escape)],
    declares,
  };
}

/**
 * The variables an instruction's arguments name: `$NAME` and `${NAME...}`, not after the escape
 * character. dockerfile-ast's getVariables() also resolves each one against every ARG and ENV of
 * the file, which made lint quadratic (minutes on a megabyte of ARG lines); the rules need only the
 * names, found here in one pass.
 */
export function variableNames(text: string, escape = '\\'): string[] {
  const names: string[] = [];
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === escape) {
      if (text[index + 1] === '$') index++;
    } else if (char === '$') {
      const braced = text[index + 1] === '{';
      const start = index + (braced ? 2 : 1);
      let end = start;
      while (end < text.length && /[A-Za-z0-9_]/.test(text[end]!)) end++;
      if (end > start) names.push(text.slice(start, end));
      index = end - 1;
    }
  }
  return names;
}

/** Absolute in a Dockerfile: from the root, a variable (resolved later), or a Windows drive (C:\\app). */
export const isAbsolutePath = (path: string): boolean => /^(["']?)(\/|\$|[A-Za-z]:[\\/])/.test(path);
