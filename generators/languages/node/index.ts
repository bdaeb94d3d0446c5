import { defineLanguage } from '../../core/language.js';
import { NODE_PROJECT, NODE_SERVICES } from './markers.js';
import { detectNode, isNodeProject } from './detect.js';
import { NODE_MESSAGES } from './messages.js';
import { planNode } from './plan.js';
import { nodeWorkspaceMembers } from './workspace-members.js';
import type { NodeFacts, NodePlan } from './types.js';

export const NODE = defineLanguage<NodeFacts, NodePlan>({
  id: 'node',
  name: 'Node',
  markers: ['package.json'],
  project: NODE_PROJECT,
  services: NODE_SERVICES,
  looksLike: isNodeProject,
  detect: detectNode,
  plan: planNode,
  workspaceMembers: nodeWorkspaceMembers,
  mainChoices: () => [],
  messages: NODE_MESSAGES.catalog,
  // Added to Node's own roots, so npm, pnpm, Yarn, corepack and Prisma's engine download all take it.
  caVariables: ['NODE_EXTRA_CA_CERTS'],
});
