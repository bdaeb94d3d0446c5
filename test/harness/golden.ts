import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { takeSnapshot } from '../../generators/core/detect/snapshot.js';
import type { Choices, GeneratedFile } from '../../generators/core/types.js';
import type { GenerationResult } from '../../generators/languages/registry.js';
import type { Locale } from '../../generators/core/explain/messages.js';
import { packageRoot, templatesDir } from '../../generators/util/package-root.js';
import { fixturePath } from './project.js';
import { PIPELINE } from '../../generators/pipeline/index.js';

/** UPDATE_GOLDEN=1 re-records the golden files; review the diff before committing it. */
const RECORD = process.env.UPDATE_GOLDEN === '1';

export const renderFixture = (language: string, fixture: string, choices: Choices): GenerationResult => renderWith(language, fixture, choices);

/** The same, optionally with --explain. */
export const renderWith = (language: string, fixture: string, choices: Choices, explain?: Locale): GenerationResult =>
  PIPELINE.generate(PIPELINE.detect(takeSnapshot(fixturePath(language, fixture)), {}), choices, { templatesDir, explain });

export const caseName = (fixture: string, choices: Choices) =>
  [fixture, choices.runtime ?? 'default', choices.main?.replace(/\//g, '-'), choices.probe ? 'probe' : undefined].filter(Boolean).join('.');

export const dockerfileOf = (files: readonly GeneratedFile[]) => files.find((file) => file.path === 'Dockerfile')!.content;

/** Each generated file next to its golden copy under test/golden/<language>/<case>/. */
export function goldenPairs(language: string, name: string, files: readonly GeneratedFile[]): { actual: string; golden: string }[] {
  return files.map((file) => {
    const path = join(packageRoot, 'test/golden', language, name, file.path === 'Dockerfile' ? 'Dockerfile' : 'dockerignore');
    if (RECORD) {
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, file.content);
    } else if (!existsSync(path)) {
      throw new Error(`no golden file ${path}; run with UPDATE_GOLDEN=1 to record it`);
    }
    return { actual: file.content, golden: readFileSync(path, 'utf8') };
  });
}
