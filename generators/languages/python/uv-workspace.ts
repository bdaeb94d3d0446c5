import { UserError } from '../../core/errors.js';
import { scopedSnapshot } from '../../core/detect/scoped-snapshot.js';
import { findMember, memberDirs, withWorkspaceDependencies } from '../../core/detect/workspaces.js';
import type { ProjectSnapshot, WorkspaceMemberRef } from '../../core/types.js';
import { normalise, pythonDependencies, type PythonDependencies } from './deps.js';
import { readPyproject } from './manifests.js';
import { ERRORS } from '../../core/explain/error-messages.js';

/** A project of a uv workspace: its folder ('.' for the root's own project) and what it declares. */
export interface UvMember {
  /** The project name, normalised (PEP 503), as uv and other members' dependencies name it. */
  readonly name: string;
  readonly dir: string;
  /** Third-party and workspace dependencies alike, normalised. */
  readonly dependencies: readonly string[];
  readonly declared: PythonDependencies;
}

export interface UvWorkspace {
  readonly members: readonly UvMember[];
  /** Every member's pyproject.toml: uv reads them all to know the workspace, even to export one member. */
  readonly manifests: readonly string[];
  readonly lock: boolean;
  readonly requiresPython?: string;
}

/**
 * `[tool.uv.workspace]` in the root pyproject.toml: the member folders its globs match (less those
 * `exclude` matches), and the root's own project when it has one, which uv counts as a member too.
 */
export function uvWorkspace(root: ProjectSnapshot): UvWorkspace | undefined {
  // Services detect each member against the same root: the workspace is read once per snapshot.
  if (!read.has(root)) read.set(root, readUvWorkspace(root));
  return read.get(root);
}

const read = new WeakMap<ProjectSnapshot, UvWorkspace | undefined>();

function readUvWorkspace(root: ProjectSnapshot): UvWorkspace | undefined {
  if (!root.files.includes('pyproject.toml')) return undefined;
  const pyproject = readPyproject(root);
  const declared = pyproject?.tool?.uv?.workspace;
  if (declared === undefined) return undefined;
  const dirs = memberDirs(root, declared.members ?? [], 'pyproject.toml', declared.exclude ?? []).sort();
  const members = [...(pyproject?.project !== undefined ? ['.'] : []), ...dirs].map((dir): UvMember => {
    const deps = pythonDependencies(scopedSnapshot(root, dir));
    const where = dir === '.' ? 'pyproject.toml' : `${dir}/pyproject.toml`;
    if (!deps.projectName) throw new UserError(ERRORS.message('error.uv-workspace.uv-workspace-member', { where }));
    return { name: normalise(deps.projectName), dir, dependencies: deps.names, declared: deps };
  });
  return {
    members,
    manifests: ['pyproject.toml', ...dirs.map((dir) => `${dir}/pyproject.toml`)],
    lock: root.files.includes('uv.lock'),
    requiresPython: pyproject?.project?.['requires-python'],
  };
}

/** `--workspace NAME` among a uv workspace's members: by project name (any spelling uv accepts) or folder. */
export function findUvMember(workspace: UvWorkspace, wanted: string): UvMember {
  const byName = workspace.members.some((member) => member.name === normalise(wanted));
  return findMember(workspace.members, byName ? normalise(wanted) : wanted);
}

/** The member and the workspace projects it uses, directly or through another: what its image installs. */
export const usedMembers = (workspace: UvWorkspace, member: UvMember): UvMember[] => withWorkspaceDependencies(workspace.members, member);

/** A uv workspace's members for services; one that declares console scripts has something to run. */
export function pythonWorkspaceMembers(root: ProjectSnapshot): WorkspaceMemberRef[] | undefined {
  const workspace = uvWorkspace(root);
  return workspace?.members.map((member) => ({
    name: member.name,
    dir: member.dir,
    uses: usedMembers(workspace, member).map((used) => used.dir),
    runs: Object.keys(member.declared.scripts).length > 0 ? true : undefined,
  }));
}
