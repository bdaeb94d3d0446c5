import { defineLanguage } from '../../core/language.js';
import { GO_PROJECT, GO_SERVICES } from './markers.js';
import { detectGo, isGoProject } from './detect.js';
import { GO_MESSAGES } from './messages.js';
import { planGo } from './plan.js';
import type { GoFacts, GoPlan } from './types.js';

export const GO = defineLanguage<GoFacts, GoPlan>({
  id: 'go',
  name: 'Go',
  markers: ['go.mod', '*.go'],
  project: GO_PROJECT,
  services: GO_SERVICES,
  looksLike: isGoProject,
  detect: detectGo,
  plan: planGo,
  // go.work is read by detection itself: its services are main packages, chosen with --main.
  workspaceMembers: () => undefined,
  mainChoices: (facts) => facts.mains.map((main) => main.dir),
  messages: GO_MESSAGES.catalog,
  // The go command reads SSL_CERT_FILE for the module proxy and sum database; git for a direct (GOPRIVATE) fetch.
  caVariables: ['SSL_CERT_FILE', 'GIT_SSL_CAINFO'],
});
