import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GenerationResult } from '../../generators/languages/registry.js';
import { runCli } from './project.js';

/**
 * Generates into `dir` through the real CLI, and returns what `--json` says was planned. The files
 * written must equal the ones `--json` reports, which checks both paths at once.
 */
export async function generateInto(dir: string, flags: readonly string[] = []): Promise<GenerationResult> {
  const json = await runCli([dir, '--yes', '--json', ...flags]);
  if (json.exitCode !== 0) throw new Error(`create-dockerfile --json failed (${json.exitCode}): ${json.stderr}`);
  const result = JSON.parse(String(json.stdout)) as GenerationResult;
  const written = await runCli([dir, '--yes', ...flags]);
  if (written.exitCode !== 0) throw new Error(`create-dockerfile failed (${written.exitCode}): ${written.stderr}`);
  for (const file of result.files) {
    const onDisk = readFileSync(join(dir, file.path), 'utf8');
    if (onDisk !== file.content) throw new Error(`${file.path} on disk differs from what --json reported`);
  }
  return result;
}
