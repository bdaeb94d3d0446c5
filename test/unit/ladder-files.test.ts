// Issue 30: the ladder writes its Dockerfiles only into a folder of the project, and only its own files:
// a link on the way (the folder, a folder above it, a step's file) or a FIFO is refused before anything
// is written or built, and whatever it pointed at is left as it was.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LadderStep } from '../../generators/core/ladder.js';
import { runLadder } from '../../generators/verify/ladder/run-ladder.js';
import { removeDir } from '../harness/project.js';

const STEP: LadderStep = { id: 'single', index: 1, file: '1-single.Dockerfile', changed: 'ladder.changed.single', dockerfile: 'FROM scratch\n', runFlags: [] };

/** Runs the ladder's writing part: a refusal comes before the first docker call. */
const ladder = (dir: string, folder: string) =>
  runLadder({ dir, folder, steps: [STEP], imageName: 'cdf-ladder-files-test', keep: false, locale: 'en', log: () => undefined });

let root: string;
let project: string;
let outside: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'cdf-ladder-files-'));
  project = join(root, 'project');
  outside = join(root, 'outside');
  mkdirSync(project);
  mkdirSync(outside);
  writeFileSync(join(outside, 'keep.txt'), 'mine\n');
});
afterEach(() => removeDir(root));

const untouched = () => {
  expect(readdirSync(outside)).toEqual(['keep.txt']);
  expect(readFileSync(join(outside, 'keep.txt'), 'utf8')).toBe('mine\n');
};

test('a ladder folder that is a link is refused', async () => {
  symlinkSync(outside, join(project, 'ladder'));
  await expect(ladder(project, 'ladder')).rejects.toThrow(/^ladder is a link; the ladder writes into a folder of the project only$/);
  untouched();
});

test('a folder above a nested ladder folder that is a link is refused', async () => {
  symlinkSync(outside, join(project, 'docs'));
  await expect(ladder(project, 'docs/ladder')).rejects.toThrow(/^docs is a link; the ladder writes into a folder of the project only$/);
  untouched();
  expect(existsSync(join(outside, 'ladder'))).toBe(false);
});

test("a link under a step's file name is refused, never written through", async () => {
  mkdirSync(join(project, 'ladder'));
  symlinkSync(join(outside, 'keep.txt'), join(project, 'ladder', '1-single.Dockerfile'));
  await expect(ladder(project, 'ladder')).rejects.toThrow(/^ladder\/1-single\.Dockerfile is not a regular file; the ladder writes only its own files$/);
  untouched();
});

test("a FIFO under a step's file name is refused, and nothing blocks on it", async () => {
  mkdirSync(join(project, 'ladder'));
  execFileSync('mkfifo', [join(project, 'ladder', '1-single.Dockerfile')]);
  await expect(ladder(project, 'ladder')).rejects.toThrow(/is not a regular file/);
});

test('a file the ladder did not write, in its folder, is refused and kept', async () => {
  mkdirSync(join(project, 'ladder'));
  writeFileSync(join(project, 'ladder', 'notes.md'), 'my notes\n');
  await expect(ladder(project, 'ladder')).rejects.toThrow(/^ladder holds notes\.md, which the ladder did not write; pick another folder with --ladder-dir$/);
  expect(readFileSync(join(project, 'ladder', 'notes.md'), 'utf8')).toBe('my notes\n');
  expect(existsSync(join(project, 'ladder', '1-single.Dockerfile'))).toBe(false);
});
