import { option, server, staticSite, type FrameworkRule } from './define.js';

const NEXT = { id: 'next', name: 'Next.js', outputs: ['.next', 'out'] };

/** Next.js: `output: 'export'` is a static site, `output: 'standalone'` a traced server, else `next start`. */
export const next: FrameworkRule = {
  id: 'next',
  detect({ has, config, publicCopy }) {
    if (!has('next')) return undefined;
    const nextConfig = config('next.config');
    const output = nextConfig && option(nextConfig.text, 'output');
    if (nextConfig && output === 'export') {
      return staticSite({ ...NEXT, source: `${nextConfig.file} output: 'export'`, root: 'out', hashed: ['_next/static'] });
    }
    if (nextConfig && output === 'standalone') {
      return server({
        ...NEXT,
        source: `${nextConfig.file} output: 'standalone'`,
        start: ['server.js'],
        startSource: `.next/standalone/server.js, written by next build (${nextConfig.file} output: 'standalone')`,
        // The standalone folder holds server.js and the traced node_modules; static assets and public/ are copied beside it, as Next's guide says.
        copies: [{ from: '.next/standalone', to: '.' }, { from: '.next/static', to: '.next/static' }, ...publicCopy],
        modules: false,
        // The standalone server binds to $HOSTNAME, which docker sets to the container's id.
        env: [{ name: 'HOSTNAME', value: '0.0.0.0' }],
      });
    }
    return server({
      ...NEXT,
      source: 'dependency next',
      start: ['bin:next', 'start'],
      startSource: "`next start`, through the next package's bin",
      copies: [{ from: '.next', to: '.next' }, ...publicCopy, ...(nextConfig ? [{ from: nextConfig.file, to: nextConfig.file }] : [])],
    });
  },
};
