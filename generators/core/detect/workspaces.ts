import { posix } from 'node:path';
import { UserError } from '../errors.js';
import { onceper } from '../memo.js';
import { compileGlob } from './glob.js';
import { yaml } from '../yaml.js';
import type { ProjectSnapshot } from '../types.js';
import { ERRORS } from '../explain/error-messages.js';

/**
 * JavaScript workspaces: pnpm-workspace.yaml's `packages`, else package.json's `workspaces` (npm,
 * yarn), as folder globs. Shared by the Node detector (--workspace) and services (every member).
 */
export function workspaceGlobs(root: ProjectSnapshot, rootPkg: { workspaces?: unknown }): string[] {
  const pnpm = pnpmWorkspaces(root);
  if (pnpm) return pnpm;
  const declared = rootPkg.workspaces;
  const list = Array.isArray(declared) ? declared : declared && typeof declared === 'object' ? (declared as { packages?: unknown }).packages : undefined;
  return Array.isArray(list) ? list.filter((glob): glob is string => typeof glob === 'string') : [];
}

/** pnpm-workspace.yaml's `packages` globs (negations dropped), when the file is there. */
function pnpmWorkspaces(root: ProjectSnapshot): string[] | undefined {
  const text = root.files.includes('pnpm-workspace.yaml') ? root.read('pnpm-workspace.yaml') : undefined;
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = yaml().parse(text);
  } catch (error) {
    throw new UserError(ERRORS.message('error.workspaces.pnpm-workspace-yaml', { value: (error as Error).message.split('\n')[0] ?? '' }));
  }
  const packages = parsed && typeof parsed === 'object' ? (parsed as { packages?: unknown }).packages : undefined;
  if (packages === undefined) return [];
  if (!Array.isArray(packages) || packages.some((glob) => typeof glob !== 'string'))
    throw new UserError(ERRORS.message('error.workspaces.pnpm-workspace-yaml-2'));
  return (packages as string[]).filter((glob) => !glob.startsWith('!'));
}

export interface WorkspaceMember {
  readonly name: string;
  readonly dir: string;
  /** scripts.start is a command: the member runs, it is not only used by others. */
  readonly start: boolean;
  /** scripts.build is a command: what it ships is made by a build (TypeScript to dist/). */
  readonly build: boolean;
  /** Its production dependencies' names; those that are members are its workspace packages. */
  readonly dependencies: readonly string[];
}

/** The members the root package.json (or pnpm-workspace.yaml) declares; none when there is no such root. */
export function rootWorkspaceMembers(snapshot: ProjectSnapshot): WorkspaceMember[] {
  if (!snapshot.files.includes('package.json')) return [];
  let rootPkg: { workspaces?: unknown };
  try {
    rootPkg = JSON.parse(snapshot.read('package.json') ?? '{}') as { workspaces?: unknown };
  } catch {
    return []; // The Node detector reports a malformed package.json.
  }
  return workspaceMembers(snapshot, workspaceGlobs(snapshot, rootPkg));
}

/** A member and every workspace package it depends on at run time, directly or through another. */
export function withWorkspaceDependencies<M extends { readonly name: string; readonly dependencies: readonly string[] }>(
  members: readonly M[],
  member: M,
): M[] {
  const found = [member];
  for (let index = 0; index < found.length; index++) {
    for (const name of found[index]!.dependencies) {
      const used = members.find((candidate) => candidate.name === name);
      if (used && !found.includes(used)) found.push(used);
    }
  }
  return found;
}

/**
 * Folders that hold `manifest` and match a workspace glob (`packages/*`, `apps/web`, `libs/**`), minus
 * those an exclude glob matches: the members of npm, pnpm, yarn and uv workspaces alike.
 */
export function memberDirs(snapshot: ProjectSnapshot, globs: readonly string[], manifest: string, excludes: readonly string[] = []): string[] {
  // A member glob is a folder path: `./` and trailing slashes carry no meaning.
  const pattern = (glob: string) => compileGlob(glob.replace(/^(\.\/+)+/, '').replace(/\/+$/, ''));
  const included = globs.map(pattern);
  const excluded = excludes.map(pattern);
  return snapshot.files
    .filter((file) => posix.basename(file) === manifest && file.includes('/'))
    .map((file) => posix.dirname(file))
    .filter((dir) => included.some((matches) => matches(dir)) && !excluded.some((matches) => matches(dir)));
}

/**
 * Services detect each member against the same root, and each detection lists the members: they are
 * read once per snapshot and globs, or 5,000 members would cost 25 million package.json reads.
 */
const listed = onceper((_snapshot: ProjectSnapshot) => new Map<string, WorkspaceMember[]>());

/** Workspace globs matched against the folders that hold a package.json. */
export function workspaceMembers(snapshot: ProjectSnapshot, globs: readonly string[]): WorkspaceMember[] {
  const known = listed(snapshot);
  const key = globs.join('\u0000');
  if (!known.has(key)) known.set(key, readMembers(snapshot, globs));
  return known.get(key)!;
}

function readMembers(snapshot: ProjectSnapshot, globs: readonly string[]): WorkspaceMember[] {
  return memberDirs(snapshot, globs, 'package.json').map((dir) => {
    const file = `${dir}/package.json`;
    let pkg: { name?: unknown; scripts?: { start?: unknown; build?: unknown }; dependencies?: unknown } = {};
    try {
      pkg = JSON.parse(snapshot.read(file) ?? '{}') as typeof pkg;
    } catch {
      // A member with a broken package.json is still listed by its folder.
    }
    const dependencies = pkg.dependencies && typeof pkg.dependencies === 'object' ? Object.keys(pkg.dependencies) : [];
    // Only a name that is text names a member; anything else leaves its folder as its name.
    return {
      name: typeof pkg.name === 'string' ? pkg.name : dir,
      dir,
      start: typeof pkg.scripts?.start === 'string',
      build: typeof pkg.scripts?.build === 'string',
      dependencies,
    };
  });
}

/** Members by name and by folder, each the first in list order, built once per list. */
const memberIndex = onceper((members: readonly { readonly name: string; readonly dir: string }[]) => {
  const byName = new Map<string, { readonly name: string; readonly dir: string }>();
  const byDir = new Map<string, { readonly name: string; readonly dir: string }>();
  for (const member of members) {
    if (!byName.has(member.name)) byName.set(member.name, member);
    if (!byDir.has(member.dir)) byDir.set(member.dir, member);
  }
  return { byName, byDir };
});

export function findMember<M extends { readonly name: string; readonly dir: string }>(members: readonly M[], wanted: string): M {
  if (members.length === 0) throw new UserError(ERRORS.message('error.workspaces.workspace-this-project', { wanted }));
  // A name as written, else a folder without its ./ or trailing slash (a name wins over another member's folder).
  const { byName, byDir } = memberIndex(members);
  const found = (byName.get(wanted) ?? byDir.get(wanted.replace(/^\.\/|\/$/g, ''))) as M | undefined;
  if (!found)
    throw new UserError(ERRORS.message('error.workspaces.workspace-such-workspace', { wanted, value: members.map((member) => member.name).join(', ') }));
  return found;
}
