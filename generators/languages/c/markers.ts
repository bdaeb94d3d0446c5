import type { ProjectMarkers, ServiceClues } from '../../core/language.js';

export const C_PROJECT: ProjectMarkers = {
  manifests: ['CMakeLists.txt', 'meson.build', 'configure.ac'],
  // Go and Node projects carry Makefiles too: one decides between languages, never makes a folder a service.
  sharedBuildFiles: ['configure', 'Makefile', 'GNUmakefile', 'makefile'],
  sourceExtensions: ['c', 'h', 'cc', 'cpp', 'cxx', 'hpp'],
};

export const C_SERVICES: ServiceClues = {
  // C has no package manager whose names would show a database client.
  clients: {},
  clientMatch: 'name',
  dependencySource: 'the build file',
  dependencies: () => [],
  envReads: [/\bgetenv\s*\(\s*"([A-Z][A-Z0-9_]*)"/g],
  envFiles: [],
  databasesNamed: () => [],
};
