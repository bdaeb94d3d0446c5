import { Argument, DockerfileParser, Instruction, type Dockerfile } from 'dockerfile-ast';

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
 * (callers get copies, as before, since some of them filter or splice the list or change a range).
 */
let remembering = false;
function rememberTokens(): void {
  if (remembering) return;
  remembering = true;
  const prototype = Instruction.prototype as unknown as Tokenizing;
  const tokenize = prototype.getRawArguments;
  prototype.getRawArguments = function (this: Tokenizing): Argument[] {
    // Fresh arguments each time: From's accessors change the end of a range they were handed
    // (getImageNameRange), which on a shared token would cut the image name for the next caller.
    return (this[TOKENS] ??= tokenize.call(this)).map((token) => {
      const { start, end } = token.getRange();
      return new Argument(token.getValue(), { start: { ...start }, end: { ...end } });
    });
  };
}

/**
 * The one way this tool parses a Dockerfile. A generation reads the same text three times (the
 * structure guard, the lint gate, the copy check); the tree is never changed by its readers, so the
 * last text's tree is kept and handed out again.
 */
let last: { content: string; dockerfile: Dockerfile } | undefined;
export function parseDockerfile(content: string): Dockerfile {
  rememberTokens();
  if (last?.content !== content) last = { content, dockerfile: DockerfileParser.parse(content) };
  return last.dockerfile;
}
