import { startsNoServer, staticSite, type FrameworkRule } from './define.js';

/** Create React App: `react-scripts build` writes a single-page app to build/. */
export const createReactApp: FrameworkRule = {
  id: 'create-react-app',
  detect({ scripts }) {
    if (!startsNoServer(scripts) || !/\breact-scripts\s+build\b/.test(scripts.build ?? '')) return undefined;
    return staticSite({
      id: 'create-react-app',
      name: 'Create React App',
      source: 'scripts.build `react-scripts build`',
      root: 'build',
      spa: true,
      hashed: ['static'],
      outputs: ['build'],
    });
  },
};
