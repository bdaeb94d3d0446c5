import { posix } from 'node:path';
import { UserError } from '../../core/errors.js';
import type { ProjectSnapshot } from '../../core/types.js';

export interface WorkspaceMember {
  readonly name: string;
  readonly dir: string;
}

/** Workspace globs (`packages/*`, `apps/web`) matched against the folders that hold a package.json. */
export function workspaceMembers(snapshot: ProjectSnapshot, globs: readonly string[]): WorkspaceMember[] {
  const patterns = globs.map(
    (glob) =>
      new RegExp(
        `^${glob
          .replace(/\/+$/, '')
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*\*/g, '\u0000')
          .replace(/\*/g, '[^/]+')
          .replace(/\u0000/g, '.+')}/package\\.json$`,
      ),
  );
  return snapshot.files
    .filter((file) => file !== 'package.json' && patterns.some((pattern) => pattern.test(file)))
    .map((file) => {
      const dir = posix.dirname(file);
      let name = dir;
      try {
        const declared = (JSON.parse(snapshot.read(file) ?? '{}') as { name?: unknown }).name;
        // Only a name that is text names a member; anything else leaves its folder as its name.
        if (typeof declared === 'string') name = declared;
      } catch {
        // A member with a broken package.json is still listed by its folder.
      }
      return { name, dir };
    });
}

export function findMember(members: readonly WorkspaceMember[], wanted: string): WorkspaceMember {
  if (members.length === 0) throw new UserError(`--workspace ${wanted}: this project declares no workspaces`);
  const found = members.find((member) => member.name === wanted || member.dir === wanted.replace(/^\.\/|\/$/g, ''));
  if (!found) throw new UserError(`--workspace ${wanted}: no such workspace (found: ${members.map((member) => member.name).join(', ')})`);
  return found;
}
