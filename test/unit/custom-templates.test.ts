import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { takeSnapshot } from '../../generators/core/detect/snapshot.js';
import { templatesDir } from '../../generators/util/package-root.js';
import { GO_MESSAGES } from '../../generators/languages/go/messages.js';
import { commentLines } from '../../generators/core/explain/messages.js';
import { copyFixture, fixturePath, removeDir, runCli } from '../harness/project.js';
import { PIPELINE } from '../../generators/pipeline/index.js';

const CUSTOM_NOTE = '# Our team: the binary is PID 1; see the runbook for signals.\n';
/** What the built-in pid1-note partial renders to with --explain en: the comment above ENTRYPOINT. */
const builtInNote = () => commentLines(GO_MESSAGES.catalog.en['why.go.entrypoint']).join('\n') + '\n';

function overrideFolder(partial: string, content: string): string {
  const root = mkdtempSync(join(tmpdir(), 'cdf-templates-'));
  mkdirSync(join(root, 'go/partials'), { recursive: true });
  writeFileSync(join(root, 'go/partials', partial), content);
  return root;
}

describe('custom templates', () => {
  const facts = PIPELINE.detect(takeSnapshot(fixturePath('go', 'stdlib-mod')), {});
  const dockerfile = (overrideDirs?: string[]) => PIPELINE.generate(facts, {}, { templatesDir, overrideDirs, explain: 'en' }).files[0]!.content;

  test('overriding one partial changes only that part of the output', () => {
    const standard = dockerfile();
    expect(standard).toContain(builtInNote());
    expect(dockerfile([overrideFolder('pid1-note.hbs', CUSTOM_NOTE)])).toBe(standard.replace(builtInNote(), CUSTOM_NOTE));
  });

  test('a later folder wins, and a broken override fails loudly (strict mode) instead of rendering blanks', () => {
    const first = overrideFolder('pid1-note.hbs', '# first\n');
    const second = overrideFolder('pid1-note.hbs', '# second\n');
    expect(dockerfile([first, second])).toContain('# second\n');
    expect(() => dockerfile([overrideFolder('pid1-note.hbs', '# {{plan.nosuchfield}}\n')])).toThrow(/"nosuchfield" not defined/);
  });

  test('an override that breaks a lint rule is refused by the lint gate', () => {
    expect(() => dockerfile([overrideFolder('pid1-note.hbs', 'USER root\n')])).toThrow(/lint gate: Dockerfile:\d+ DL3002/);
  });

  test("a project's .create-dockerfile/templates is code from the repository: ignored with a note unless --project-templates, and announced when used", async () => {
    const dir = copyFixture('go', 'stdlib-mod');
    try {
      mkdirSync(join(dir, '.create-dockerfile/templates/go/partials'), { recursive: true });
      writeFileSync(join(dir, '.create-dockerfile/templates/go/partials/pid1-note.hbs'), CUSTOM_NOTE);
      const ignored = await runCli([dir, '--dry-run']);
      expect(ignored.exitCode).toBe(0);
      expect(ignored.stdout).not.toContain(CUSTOM_NOTE);
      expect(ignored.stderr).toContain(
        'note: .create-dockerfile/templates ignored: project templates are code from the repository; --project-templates uses them',
      );
      const used = await runCli([dir, '--dry-run', '--project-templates']);
      expect(used.stdout).toContain(CUSTOM_NOTE);
      expect(used.stderr).toContain("note: using this project's own templates (.create-dockerfile/templates: go/partials/pid1-note.hbs)");
      const flag = await runCli([dir, '--dry-run', '--templates', overrideFolder('pid1-note.hbs', '# from --templates\n')]);
      expect(flag.stdout).toContain('# from --templates\n');
      const missing = await runCli([dir, '--yes', '--templates', join(dir, 'nope')]);
      expect([missing.exitCode, missing.stderr.trim()]).toEqual([1, `create-dockerfile: --templates ${join(dir, 'nope')}: no such directory`]);
    } finally {
      removeDir(dir);
    }
  });

  test('project templates are never read through a link, even when asked for', async () => {
    const dir = copyFixture('go', 'stdlib-mod');
    const outside = overrideFolder('pid1-note.hbs', 'USER root\n');
    try {
      mkdirSync(join(dir, '.create-dockerfile/templates/go/partials'), { recursive: true });
      symlinkSync(join(outside, 'go/partials/pid1-note.hbs'), join(dir, '.create-dockerfile/templates/go/partials/pid1-note.hbs'));
      const linked = await runCli([dir, '--yes', '--project-templates']);
      expect([linked.exitCode, linked.stderr.trim()]).toEqual([
        1,
        'create-dockerfile: .create-dockerfile/templates/go/partials/pid1-note.hbs is a symbolic link; project templates are never read through links',
      ]);
      expect(existsSync(join(dir, 'Dockerfile'))).toBe(false);
    } finally {
      removeDir(dir);
      removeDir(outside);
    }
  });
});
