import { folderOption, startsNoServer, staticSite, type FrameworkRule } from './define.js';

/** A Vite app with no server: `vite build` writes a single-page app to dist/ (or build.outDir). */
export const vite: FrameworkRule = {
  id: 'vite',
  detect({ scripts, snapshot, config }) {
    if (!startsNoServer(scripts) || !/\bvite\s+build\b/.test(scripts.build ?? '') || !snapshot.files.includes('index.html')) return undefined;
    const outDir = folderOption(config('vite.config')?.text, 'outDir') ?? 'dist';
    return staticSite({
      id: 'vite',
      name: 'Vite',
      source: 'scripts.build `vite build` and index.html, no server',
      root: outDir,
      spa: true,
      hashed: ['assets'],
      outputs: [outDir],
    });
  },
};
