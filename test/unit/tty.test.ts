import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { runInPty } from '../harness/pty.js';
import { binPath, copyFixture, removeDir } from '../harness/project.js';

// A real terminal session through `script`: prompts are answered as they appear.
jest.setTimeout(60_000);

describe('interactive, in a real terminal', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyFixture('go', 'two-mains');
  });
  afterEach(() => removeDir(dir));

  test("asks each prompt once, then on a differing Dockerfile offers yeoman's conflict menu with its diff", async () => {
    writeFileSync(join(dir, 'Dockerfile'), 'FROM busybox:1.36\n');
    const { output, exitCode } = await runInPty(`node ${binPath} ${dir}`, [
      { waitFor: /Which main package \(Go\) or program \(C\) should the image run\?/, type: '\u001b[B\r' },
      { waitFor: /Runtime base for the final stage\?/, type: '\u001b[B\r' },
      { waitFor: /Overwrite Dockerfile\?/, type: 'd\r' },
      { waitFor: /-FROM busybox:1\.36[\s\S]*\+FROM golang:1\.26 AS build[\s\S]*Overwrite Dockerfile\?/, type: 'y\r' },
    ]);
    expect(exitCode).toBe(0);
    // The down arrow chose the second main (cmd/worker, which listens on nothing: no port prompt).
    expect(output).not.toMatch(/Port the service listens on/);
    const dockerfile = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('go build -trimpath -ldflags="-s -w" -o /out/worker ./cmd/worker');
    expect(dockerfile).toContain('FROM gcr.io/distroless/static-debian13:nonroot AS runtime');
    expect(output).toMatch(/runtime: distroless .*you chose distroless over the default scratch/);
  });

  test('the answers are saved: the next terminal run asks nothing answered before, and keeps an edit of the file', async () => {
    const first = await runInPty(`node ${binPath} ${dir}`, [
      { waitFor: /Which main package \(Go\) or program \(C\) should the image run\?/, type: '\u001b[B\r' },
      { waitFor: /Runtime base for the final stage\?/, type: '\u001b[B\r' },
    ]);
    expect(first.exitCode).toBe(0);
    const saved = JSON.parse(readFileSync(join(dir, '.create-dockerfile.json'), 'utf8')) as { choices: Record<string, unknown> };
    expect(saved.choices).toMatchObject({ main: 'cmd/worker', runtime: 'distroless' });
    const edited = readFileSync(join(dir, 'Dockerfile'), 'utf8').replace(/^(FROM \S+ AS runtime)$/m, '$1\nLABEL org.example.team="ops"');
    writeFileSync(join(dir, 'Dockerfile'), edited);
    const second = await runInPty(`node ${binPath} ${dir}`, []);
    expect(second.exitCode).toBe(0);
    expect(second.output).not.toMatch(/Which main package|Runtime base for the final stage|Overwrite Dockerfile/);
    expect(second.output).toContain('taking the choices saved in .create-dockerfile.json');
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(edited);
  });

  test('answering no to the conflict keeps the file byte for byte', async () => {
    writeFileSync(join(dir, 'Dockerfile'), 'FROM busybox:1.36\n');
    const { exitCode } = await runInPty(`node ${binPath} ${dir} --main cmd/api --runtime scratch --port 8081`, [
      { waitFor: /Overwrite Dockerfile\?/, type: 'n\r' },
    ]);
    expect(exitCode).toBe(0);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe('FROM busybox:1.36\n');
  });

  test('Ctrl-C at a prompt cancels cleanly: exit 130, one line, and nothing written', async () => {
    const before = readdirSync(dir).sort();
    const { output, exitCode } = await runInPty(`node ${binPath} ${dir}`, [
      { waitFor: /Which main package \(Go\) or program \(C\) should the image run\?/, type: '\u0003' },
    ]);
    expect(exitCode).toBe(130);
    expect(output).toContain('create-dockerfile: cancelled; nothing was written');
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});

describe('several services, in a real terminal', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyFixture('services', 'notes');
  });
  afterEach(() => removeDir(dir));

  test('a checkbox lists the services, all ticked; space unticks the first, and only the other is written', async () => {
    const { output, exitCode } = await runInPty(`node ${binPath} ${dir}`, [{ waitFor: /Services to generate[\s\S]*web\s+web \(node\)/, type: ' \r' }]);
    expect(exitCode).toBe(0);
    expect(output).toMatch(/api\s+api \(go\)/);
    expect(readdirSync(join(dir, 'web'))).toContain('Dockerfile');
    expect(readdirSync(join(dir, 'api'))).not.toContain('Dockerfile');
  });

  test('Ctrl-C at the checkbox writes nothing and exits 130', async () => {
    const before = readdirSync(dir, { recursive: true }).sort();
    const { exitCode } = await runInPty(`node ${binPath} ${dir}`, [{ waitFor: /Services to generate/, type: '\u0003' }]);
    expect(exitCode).toBe(130);
    expect(readdirSync(dir, { recursive: true }).sort()).toEqual(before);
  });
});
