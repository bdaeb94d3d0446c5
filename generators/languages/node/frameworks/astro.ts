import { server, staticSite, type FrameworkRule } from './define.js';

const ASTRO = { id: 'astro', name: 'Astro', outputs: ['dist', '.astro'] };

/** Astro: the node adapter's standalone server, or with no adapter a static site in dist/. */
export const astro: FrameworkRule = {
  id: 'astro',
  detect({ has, config }) {
    if (!has('astro')) return undefined;
    const astroConfig = config('astro.config');
    if (astroConfig && has('@astrojs/node') && /@astrojs\/node/.test(astroConfig.text)) {
      return server({
        ...ASTRO,
        source: `${astroConfig.file} with @astrojs/node`,
        start: ['dist/server/entry.mjs'],
        startSource: 'dist/server/entry.mjs, written by astro build with the node adapter (standalone)',
        copies: [{ from: 'dist', to: 'dist' }],
        // The standalone server listens on localhost unless HOST says otherwise.
        env: [{ name: 'HOST', value: '0.0.0.0' }],
        defaultPort: 4321,
      });
    }
    if (astroConfig && /\badapter\s*:/.test(astroConfig.text)) return undefined;
    return staticSite({ ...ASTRO, source: 'dependency astro, no adapter', root: 'dist', hashed: ['_astro'] });
  },
};
