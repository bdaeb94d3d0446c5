import { server, type FrameworkRule } from './define.js';

/** A Fastify plugin started by fastify-cli (`fastify start app.js`), as its generator writes it. */
export const fastifyCli: FrameworkRule = {
  id: 'fastify-cli',
  detect({ dependsOn, scripts }) {
    const line = scripts.start?.trim() ?? '';
    const args = /^fastify\s+start\s+(.*)$/.exec(line)?.[1];
    if (args === undefined || !dependsOn('fastify-cli')) return undefined;
    return server({
      id: 'fastify-cli',
      name: 'Fastify (fastify-cli)',
      source: `scripts.start \`${line}\``,
      start: ['bin:fastify', 'start', ...args.split(/\s+/)],
      startSource: `scripts.start \`${line}\`, through fastify-cli's bin`,
      // fastify-cli listens on localhost unless told otherwise.
      env: [{ name: 'FASTIFY_ADDRESS', value: '0.0.0.0' }],
    });
  },
};
