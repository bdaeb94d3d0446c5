import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { packageRoot } from '../../generators/util/package-root.js';

/**
 * Small functions, one job each: no function under generators/ spans more than 120 lines, measured on
 * the syntax tree the TypeScript compiler parses (declarations, methods, arrows and function
 * expressions alike, from their first line to their last).
 */
const MAX_LINES = 120;
const root = join(packageRoot, 'generators');
const files = (readdirSync(root, { recursive: true }) as string[]).filter((file) => file.endsWith('.ts')).sort();

function functionLengths(file: string, text: string): { name: string; lines: number }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { name: string; lines: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const named = node.name ?? ((ts.isVariableDeclaration(node.parent) || ts.isPropertyAssignment(node.parent)) && node.parent.name);
      const name = named && ts.isIdentifier(named) ? named.text : `(anonymous at line ${first + 1})`;
      found.push({ name, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test.each(files)(`%s: every function is at most ${MAX_LINES} lines`, (file) => {
  const long = functionLengths(file, readFileSync(join(root, file), 'utf8')).filter((entry) => entry.lines > MAX_LINES);
  expect(long.map((entry) => `${entry.name}: ${entry.lines} lines`)).toEqual([]);
});

test('the measure sees a long function, an arrow inside it and a method', () => {
  const body = (count: number) => Array.from({ length: count }, (_, index) => `  const a${index} = ${index};`).join('\n');
  const text = `function long() {\n${body(MAX_LINES)}\n  const inner = () => {\n${body(3)}\n  };\n}\nclass C {\n  method() {\n${body(2)}\n  }\n}\n`;
  expect(functionLengths('x.ts', text)).toEqual([
    { name: 'long', lines: MAX_LINES + 7 },
    { name: 'inner', lines: 5 },
    { name: 'method', lines: 4 },
  ]);
});
