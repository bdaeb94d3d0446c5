import { performance } from 'node:perf_hooks';

export async function timed<T>(run: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { seconds: (performance.now() - started) / 1000, value };
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export const mb = (bytes: number) => (bytes / 1_000_000).toFixed(2);
