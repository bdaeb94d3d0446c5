import { folderOption, server, staticSite, type FrameworkRule } from './define.js';
import { ERRORS } from '../../../core/explain/error-messages.js';
import type { Message } from '../../../core/explain/messages.js';

/** SvelteKit with adapter-static (a site) or adapter-node (a server); other adapters deploy elsewhere. */
export const sveltekit: FrameworkRule = {
  id: 'sveltekit',
  detect({ has, config }) {
    if (!has('@sveltejs/kit')) return undefined;
    // SvelteKit 2 reads svelte.config.js; SvelteKit 3 takes the same options in vite.config's sveltekit().
    const svelteConfig = [config('svelte.config'), config('vite.config')].find((found) => /@sveltejs\/adapter-/.test(found?.text ?? ''));
    if (!svelteConfig) return undefined;
    const adapter = /@sveltejs\/adapter-(node|static|auto|vercel|netlify|cloudflare)/.exec(svelteConfig.text)?.[1];
    const out = folderOption(svelteConfig.text, 'out') ?? 'build';
    const base = { id: 'sveltekit', name: 'SvelteKit', outputs: [out, '.svelte-kit'] };
    if (adapter === 'static') return staticSite({ ...base, source: `${svelteConfig.file} adapter-static`, root: out, hashed: ['_app/immutable'] });
    if (adapter !== 'node') return undefined;
    return server({
      ...base,
      source: `${svelteConfig.file} adapter-node`,
      start: [`${out}/index.js`],
      startSource: `${out}/index.js, written by adapter-node`,
      copies: [{ from: out, to: out }],
    });
  },
};

/**
 * Why a SvelteKit project has no server to run: its adapter builds for a platform (Vercel, Netlify,
 * Cloudflare), or adapter-auto, which finds no platform in a container. Named with the adapter to use.
 */
export function sveltekitAdapterHint(configs: readonly { file: string; text: string }[]): Message | undefined {
  for (const { file, text } of configs) {
    const adapter = /@sveltejs\/adapter-([\w-]+)/.exec(text)?.[1];
    if (adapter === undefined || adapter === 'node' || adapter === 'static') continue;
    return adapter === 'auto'
      ? ERRORS.message('error.sveltekit.adapter-auto', { file })
      : ERRORS.message('error.sveltekit.adapter-other', { file, adapter, adapter2: adapter });
  }
  return undefined;
}
