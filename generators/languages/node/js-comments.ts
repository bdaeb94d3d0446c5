/**
 * JavaScript and JSONC text without its comments, for the regular expressions that read config files
 * (next.config.mjs, tsconfig.json). `//` right after a colon is kept: it is a URL's, not a comment.
 */
export const stripJsComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\/|(^|[^:])\/\/[^\n]*/g, '$1');
