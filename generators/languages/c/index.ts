import { defineLanguage } from '../../core/language.js';
import { C_PROJECT, C_SERVICES } from './markers.js';
import { detectC, isCProject } from './detect.js';
import { C_MESSAGES } from './messages.js';
import { planC } from './plan.js';
import type { CFacts, CPlan } from './types.js';

export const C = defineLanguage<CFacts, CPlan>({
  id: 'c',
  name: 'C',
  markers: ['Makefile', 'CMakeLists.txt', 'meson.build', '*.c'],
  project: C_PROJECT,
  services: C_SERVICES,
  looksLike: isCProject,
  detect: detectC,
  plan: planC,
  // The default program (the one whose sources facts hold) first, so the prompt's default matches --yes.
  workspaceMembers: () => undefined,
  mainChoices: (facts) =>
    [...facts.programs.map((program) => program.file)].sort((a, b) => Number(!facts.sources.includes(a)) - Number(!facts.sources.includes(b))),
  messages: C_MESSAGES.catalog,
  // The builder only installs Debian packages, over http from Debian's mirror, checked by Debian's signatures: no TLS to trust.
  caVariables: [],
});
