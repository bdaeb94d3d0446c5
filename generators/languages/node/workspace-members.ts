import { rootWorkspaceMembers, withWorkspaceDependencies } from '../../core/detect/workspaces.js';
import type { ProjectSnapshot, WorkspaceMemberRef } from '../../core/types.js';

/** npm, pnpm and yarn workspace members; one with no start script runs nothing unless it serves. */
export function nodeWorkspaceMembers(root: ProjectSnapshot): WorkspaceMemberRef[] | undefined {
  const members = rootWorkspaceMembers(root);
  if (members.length === 0) return undefined;
  return members.map((member) => ({
    name: member.name,
    dir: member.dir,
    uses: withWorkspaceDependencies(members, member).map((used) => used.dir),
    runs: member.start,
  }));
}
