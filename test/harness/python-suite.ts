import { afterAll, beforeAll } from '@jest/globals';
import { PYTHON_VERSION } from '../bases/recipes.js';
import { ensureBase } from '../bases/ensure.js';
import { requireEngine } from './engine.js';
import { startPythonIndex, type PythonIndex } from './python-index.js';

// Apart from python-index.ts, which `npm run bench` imports outside jest.
/**
 * For a suite that builds Python images: the engine, the Python stand-in bases and the index, once
 * before its tests and closed after them. The returned function gives the running index.
 */
export function usePythonIndex(): () => PythonIndex {
  let index: PythonIndex | undefined;
  beforeAll(async () => {
    await requireEngine();
    for (const image of ['debian:13-slim', `python:${PYTHON_VERSION}`, `python:${PYTHON_VERSION}-slim`, 'gcr.io/distroless/python3-debian13:nonroot'])
      await ensureBase(image);
    index = await startPythonIndex();
  });
  afterAll(() => index?.close());
  return () => index!;
}
