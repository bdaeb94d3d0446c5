import { DockerfileParser, ModifiableInstruction, type Flag } from 'dockerfile-ast';

export interface Instruction {
  readonly keyword: string;
  readonly args: string;
  /** The arguments exactly as written, e.g. the JSON of an exec-form CMD. */
  readonly raw: string;
  readonly line: number;
}

/** Instructions per stage, as a real Dockerfile parser sees them (comments and continuations resolved). */
export function stages(content: string): Instruction[][] {
  const dockerfile = DockerfileParser.parse(content);
  const result: Instruction[][] = [];
  for (const instruction of dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') result.push([]);
    const flags = instruction instanceof ModifiableInstruction ? instruction.getFlags().map(flagText) : [];
    const args = [...flags, ...instruction.getArguments().map((arg) => arg.getValue())].join(' ');
    result[result.length - 1]?.push({ keyword, args, raw: instruction.getRawArgumentsContent() ?? '', line: instruction.getRange().start.line + 1 });
  }
  return result;
}

export const instructions = (content: string) => stages(content).flat();

const flagText = (flag: Flag) => (flag.getValue() === null ? `--${flag.getName()}` : `--${flag.getName()}=${flag.getValue()}`);
