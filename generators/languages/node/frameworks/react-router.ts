import { server, type FrameworkRule } from './define.js';

/** React Router 7 (framework mode) and Remix: scripts.start runs the package's serve CLI on the build folder. */
const serveRule = (id: string, name: string, serve: string, copiesPublic: boolean): FrameworkRule => ({
  id,
  detect({ has, scripts, publicCopy }) {
    const line = scripts.start?.trim() ?? '';
    const start = line.split(/\s+/);
    if (!has(serve) || start[0] !== id) return undefined;
    const build = (start[1] ?? '').replace(/^\.\//, '').split('/')[0] || 'build';
    return server({
      id,
      name,
      source: `scripts.start \`${line}\``,
      start: [`bin:${id}`, ...start.slice(1)],
      startSource: `scripts.start \`${line}\`, through the ${serve} package's bin`,
      copies: [{ from: build, to: build }, ...(copiesPublic ? publicCopy : [])],
      outputs: [build, '.react-router', '.cache'],
    });
  },
});

export const reactRouter = serveRule('react-router-serve', 'React Router', '@react-router/serve', false);
export const remix = serveRule('remix-serve', 'Remix', '@remix-run/serve', true);
