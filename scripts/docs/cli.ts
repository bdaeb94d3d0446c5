import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BEGIN, END, templateContextMarkdown } from './template-context.js';

/** `npm run docs`: rewrites the generated parts of README.md (the template context) from the code. */
const root = process.cwd();
const readme = join(root, 'README.md');
const text = readFileSync(readme, 'utf8');
const start = text.indexOf(BEGIN);
const end = text.indexOf(END);
if (start === -1 || end === -1) throw new Error(`README.md has no ${BEGIN} ... ${END} block`);
writeFileSync(readme, text.slice(0, start) + templateContextMarkdown(root) + text.slice(end + END.length));
process.stderr.write('docs: README.md template context rewritten from the types\n');
