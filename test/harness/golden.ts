import { takeSnapshot } from '../../generators/core/detect/snapshot.js';
import type { Choices, DetectOptions, GeneratedFile } from '../../generators/core/types.js';
import type { GenerationResult } from '../../generators/languages/registry.js';
import type { Locale } from '../../generators/core/explain/messages.js';
import { templatesDir } from '../../generators/util/package-root.js';
import { fixturePath } from './project.js';
import { PIPELINE } from '../../generators/pipeline/index.js';

export const renderFixture = (language: string, fixture: string, choices: Choices, detect: DetectOptions = {}): GenerationResult =>
  renderWith(language, fixture, choices, undefined, detect);

/** The same, optionally with --explain. */
export const renderWith = (language: string, fixture: string, choices: Choices, explain?: Locale, detect: DetectOptions = {}): GenerationResult =>
  PIPELINE.generate(PIPELINE.detect(takeSnapshot(fixturePath(language, fixture)), detect), choices, { templatesDir, explain });

export const dockerfileOf = (files: readonly GeneratedFile[]) => files.find((file) => file.path === 'Dockerfile')!.content;
