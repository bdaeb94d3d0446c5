import { afterAll, beforeAll } from '@jest/globals';
import { PYTHON_VERSION } from '../bases/recipes.js';
import { ensureBase } from '../bases/ensure.js';
import { requireEngine } from './engine.js';
import { startPythonIndex, type PythonIndex } from './python-index.js';

// Apart from python-index.ts, which `npm run bench` imports outside jest.
const PYTHON_BASES = ['debian:13-slim', `python:${PYTHON_VERSION}`, `python:${PYTHON_VERSION}-slim`, 'gcr.io/distroless/python3-debian13:nonroot'];

/** For a suite that builds Python images from PyPI: the engine and the Python stand-in bases, once before its tests. */
export function usePythonBases(): void {
  beforeAll(async () => {
    await requireEngine();
    for (const image of PYTHON_BASES) await ensureBase(image);
  });
}

/**
 * For a suite whose fixtures install the tests' own packages: the bases and the private index, once
 * before its tests and closed after them. The returned function gives the running index.
 */
export function usePythonIndex(): () => PythonIndex {
  let index: PythonIndex | undefined;
  usePythonBases();
  beforeAll(async () => {
    index = await startPythonIndex();
  });
  afterAll(() => index?.close());
  return () => index!;
}
