import { DockerfileParser, Instruction, type Argument, type Dockerfile } from 'dockerfile-ast';

const TOKENS = Symbol('create-dockerfile.tokens');

/** The private tokenizer every argument accessor calls, and the slot that keeps its result. */
interface Tokenizing {
  [TOKENS]?: Argument[];
  getRawArguments: (this: Tokenizing) => Argument[];
}

/**
 * dockerfile-ast tokenizes an instruction's arguments again each time any accessor asks: about
 * nine times while it parses one RUN, so a 2 MB file cost seconds. The tokens depend only on the
 * instruction's text, which never changes once parsed, so each instruction keeps its first result
 * (callers get a copy, as before, since some of them filter or splice the list).
 */
let remembering = false;
function rememberTokens(): void {
  if (remembering) return;
  remembering = true;
  const prototype = Instruction.prototype as unknown as Tokenizing;
  const tokenize = prototype.getRawArguments;
  prototype.getRawArguments = function (this: Tokenizing): Argument[] {
    return (this[TOKENS] ??= tokenize.call(this)).slice();
  };
}

/** The one way this tool parses a Dockerfile. */
export function parseDockerfile(content: string): Dockerfile {
  rememberTokens();
  return DockerfileParser.parse(content);
}
