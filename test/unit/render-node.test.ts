import { takeSnapshot } from '../../generators/core/detect/snapshot.js';
import { templatesDir } from '../../generators/util/package-root.js';
import { fixturePath } from '../harness/project.js';
import { stages } from '../harness/dockerfile-shape.js';
import { dockerfileOf, renderFixture } from '../harness/golden.js';
import { allCases } from '../harness/fixture-cases.js';
import { PIPELINE } from '../../generators/pipeline/index.js';
import { narrow } from '../harness/narrow.js';

/**
 * The runs of the fixtures with the plain shape these checks describe (one build stage, one runtime
 * copying only from it), as their case files list them; every fixture's output is checked byte for
 * byte in fixtures-expected.test.ts.
 */
const PLAIN = ['express-app', 'ts-app', 'pnpm-app', 'yarn-app', 'berry-app', 'bun-app', 'native-addon', 'plain-main'];
const CASES = allCases(['node'])
  .filter((testCase) => PLAIN.includes(testCase.fixture))
  .map((testCase) => [testCase.fixture, testCase.choices, testCase.detect] as const);

test('npm workspaces: --workspace narrows the install and runs from the member folder', () => {
  const snapshot = takeSnapshot(fixturePath('node', 'npm-workspaces'));
  const result = PIPELINE.generate(PIPELINE.detect(snapshot, { workspace: 'packages/api' }), {}, { templatesDir });
  const runtime = stages(dockerfileOf(result.files)).at(-1)!;
  expect(narrow(result.plan, 'node').node.install.installProduction).toBe('npm ci --omit=dev --workspace @mono/api');
  expect(runtime.filter((instruction) => instruction.keyword === 'WORKDIR').map((instruction) => instruction.args)).toEqual(['/app', '/app/packages/api']);
  expect(() => PIPELINE.detect(snapshot, {})).toThrow(/choose a member with --workspace \(@mono\/api, @mono\/shared\)/);
  expect(() => PIPELINE.detect(snapshot, { workspace: 'nope' })).toThrow(/no such workspace \(found: @mono\/api, @mono\/shared\)/);
});

describe.each(CASES)('Node render: %s %j', (fixture, choices, detect) => {
  const result = renderFixture('node', fixture, choices, detect);
  const dockerfile = dockerfileOf(result.files);
  const all = stages(dockerfile);
  const runtime = all.at(-1)!;

  test('every install copies only the manifests first, and the source only afterwards', () => {
    for (const stage of all.slice(0, -1)) {
      const install = stage.findIndex(
        (instruction) =>
          instruction.keyword === 'RUN' && /\b(npm (ci|install)|pnpm install|yarn install)\b/.test(instruction.args) && !/--global/.test(instruction.args),
      );
      if (install === -1) continue;
      const manifests = stage.findIndex(
        (instruction) => instruction.keyword === 'COPY' && instruction.args === `${narrow(result.plan, 'node').node.installFiles.join(' ')} ./`,
      );
      const source = stage.findIndex((instruction) => instruction.keyword === 'COPY' && instruction.args === '. .');
      expect(manifests).toBeGreaterThan(0);
      expect(manifests).toBeLessThan(install);
      if (source !== -1) expect(source).toBeGreaterThan(install);
      expect(stage[install]!.args).toContain('--mount=type=cache');
    }
  });

  test('the runtime stage runs node directly as non-root, with NODE_ENV=production and no package manager', () => {
    expect(runtime[0]!.args).toBe(`${result.plan.runtimeImage} AS runtime`);
    expect(runtime.find((instruction) => instruction.keyword === 'ENV')!.args).toBe('NODE_ENV=production');
    expect(runtime.filter((instruction) => instruction.keyword === 'USER').at(-1)!.args).toBe(result.plan.user);
    const cmd = runtime.filter((instruction) => instruction.keyword === 'CMD');
    expect(cmd).toHaveLength(1);
    expect(JSON.parse(cmd[0]!.args)).toEqual(result.plan.cmd);
    expect(runtime.some((instruction) => /\b(npm|yarn|pnpm|gcc|make)\b/.test(instruction.args))).toBe(false);
  });

  test('dev dependencies never reach the runtime: node_modules comes from a production-only install', () => {
    const copy = runtime.find((instruction) => instruction.keyword === 'COPY' && instruction.args.endsWith('/app/node_modules ./node_modules'));
    if (!narrow(result.plan, 'node').node.productionDependencies) return expect(copy).toBeUndefined();
    const from = /--from=(\w+)/.exec(copy!.args)![1]!;
    const source = all.find((stage) => stage[0]!.args.endsWith(` AS ${from}`))!;
    expect(source.some((instruction) => instruction.args.includes(narrow(result.plan, 'node').node.install.installProduction))).toBe(true);
  });
});
