import { rootWorkspaceMembers, withWorkspaceDependencies, type WorkspaceMember } from '../../core/detect/workspaces.js';
import { onceper } from '../../core/memo.js';
import type { ProjectSnapshot, WorkspaceMemberRef } from '../../core/types.js';

/** npm, pnpm and yarn workspace members; one with no start script runs nothing unless it serves. */
export function nodeWorkspaceMembers(root: ProjectSnapshot): WorkspaceMemberRef[] | undefined {
  const members = rootWorkspaceMembers(root);
  return members.length === 0 ? undefined : memberRefs(members);
}

/** Once per workspace: every member's detection asks which language holds it. */
const memberRefs = onceper((members: readonly WorkspaceMember[]): WorkspaceMemberRef[] =>
  members.map((member) => ({
    name: member.name,
    dir: member.dir,
    uses: withWorkspaceDependencies(members, member).map((used) => used.dir),
    runs: member.start,
  })),
);
