import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../generators/util/package-root.js';
import { BEGIN, END, templateContextMarkdown } from '../../scripts/docs/template-context.js';

test('README lists exactly the template context the types declare (npm run docs rewrites it)', () => {
  const readme = readFileSync(join(packageRoot, 'README.md'), 'utf8');
  const documented = readme.slice(readme.indexOf(BEGIN), readme.indexOf(END) + END.length);
  expect(documented).toBe(templateContextMarkdown(packageRoot));
});
