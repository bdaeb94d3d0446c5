import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { takeSnapshot } from '../../generators/core/detect/snapshot.js';
import { UserError } from '../../generators/core/errors.js';

describe('project snapshot', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'cdf-snap-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test('lists files but prunes dependency and VCS folders without walking them', () => {
    for (const dir of ['node_modules/a/b', '.git/objects', 'vendor/x.io/y', 'cmd/api']) mkdirSync(join(root, dir), { recursive: true });
    for (const file of ['node_modules/a/b/i.js', '.git/objects/o', 'vendor/x.io/y/y.go', 'vendor/modules.txt', 'cmd/api/main.go', 'go.mod'])
      writeFileSync(join(root, file), 'x');
    const snapshot = takeSnapshot(root);
    expect(snapshot.files).toEqual(['cmd/api/main.go', 'go.mod']);
    expect(snapshot.pruned).toEqual(['.git', 'node_modules', 'vendor']);
    expect(snapshot.read('vendor/modules.txt')).toBe('x');
  });

  test('lists links without walking them, so a loop or a link out of the project is never followed', () => {
    writeFileSync(join(root, 'main.go'), 'package main');
    symlinkSync(root, join(root, 'loop'));
    symlinkSync('/etc', join(root, 'outside'));
    symlinkSync('/etc/passwd', join(root, 'go.mod'));
    const snapshot = takeSnapshot(root);
    expect(snapshot.files).toEqual(['go.mod', 'loop', 'main.go', 'outside']);
    expect(() => snapshot.read('go.mod')).toThrow(/^go\.mod links outside the project; not read$/);
    expect(() => snapshot.read('loop/main.go')).not.toThrow();
    expect(() => snapshot.read('outside/passwd')).toThrow(/links outside the project/);
    expect(() => snapshot.read('../escape')).toThrow(/outside the project/);
  });

  test('a missing directory and a file are user errors', () => {
    expect(() => takeSnapshot(join(root, 'nope'))).toThrow(UserError);
    writeFileSync(join(root, 'f'), '');
    expect(() => takeSnapshot(join(root, 'f'))).toThrow(/not a directory/);
  });
});
