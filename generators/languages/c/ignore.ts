import type { IgnoreGroup } from '../../core/types.js';
import { C_MESSAGES } from './messages.js';
import type { CFacts } from './types.js';

/** C's own .dockerignore group. */
export const C_IGNORE: IgnoreGroup = {
  why: C_MESSAGES.message('ignore.c'),
  patterns: ['*.o', '*.a', '*.so', '*.obj', 'a.out', 'CMakeCache.txt', 'CMakeFiles', 'compile_commands.json'],
};

/** Files the generated build reads; no .gitignore line may keep them out of the context. */
export const cNeededByBuild = (facts: CFacts): string[] => [...facts.sources, 'Makefile', 'CMakeLists.txt', 'meson.build', 'configure.ac', 'Makefile.am'];
