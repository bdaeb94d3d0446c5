import { server, type FrameworkRule } from './define.js';

/** NestJS built by `nest build`: node runs dist/main.js, or what scripts["start:prod"] names. */
export const nest: FrameworkRule = {
  id: 'nest',
  detect({ dependsOn, scripts }) {
    if (!dependsOn('@nestjs/core') || !/\bnest\s+build\b/.test(scripts.build ?? '')) return undefined;
    const startProd = scripts['start:prod']?.trim() ?? '';
    const prod = /^node\s+(\S+)$/.exec(startProd)?.[1];
    const entry = prod ? (prod.endsWith('.js') ? prod : `${prod}.js`) : 'dist/main.js';
    const folder = entry.split('/')[0] ?? entry;
    return server({
      id: 'nest',
      name: 'NestJS',
      source: 'dependency @nestjs/core, scripts.build `nest build`',
      start: [entry],
      startSource: prod ? `scripts["start:prod"] \`${startProd}\`` : 'dist/main.js, where nest build writes src/main.ts',
      copies: [{ from: folder, to: folder }],
      outputs: [folder],
    });
  },
};
