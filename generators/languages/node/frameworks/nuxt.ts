import { server, staticSite, type FrameworkRule } from './define.js';

/** Nuxt: `nuxt generate` writes a static site; otherwise Nitro's node server, bundled into .output. */
export const nuxt: FrameworkRule = {
  id: 'nuxt',
  detect({ has, scripts }) {
    if (!has('nuxt')) return undefined;
    if (/\bnuxt\s+generate\b/.test(scripts.build ?? '')) {
      return staticSite({
        id: 'nuxt',
        name: 'Nuxt',
        source: 'scripts.build `nuxt generate`',
        root: '.output/public',
        hashed: ['_nuxt'],
        outputs: ['.output', '.nuxt'],
      });
    }
    return server({
      id: 'nuxt',
      name: 'Nuxt',
      source: 'dependency nuxt',
      start: ['.output/server/index.mjs'],
      startSource: ".output/server/index.mjs, written by nuxt build (Nitro's node server)",
      // Nitro bundles what the server imports into .output: no node_modules ship.
      copies: [{ from: '.output', to: '.output' }],
      modules: false,
      outputs: ['.output', '.nuxt', '.nitro'],
    });
  },
};
