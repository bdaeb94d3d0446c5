import { afterAll, beforeAll } from '@jest/globals';
import { requireEngine } from '../engine.js';
import { startGoProxy, type GoProxy } from './module-proxy.js';

/**
 * For a suite that builds Go modules: the engine, and the tests' module proxy started once before its
 * tests and closed after them. Apart from module-proxy.ts, which `npm run bench` imports outside jest.
 */
export function useGoProxy(): () => GoProxy {
  let proxy: GoProxy | undefined;
  beforeAll(async () => {
    await requireEngine();
    proxy = await startGoProxy();
  });
  afterAll(() => proxy?.close());
  return () => proxy!;
}
