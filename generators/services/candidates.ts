import { posix } from 'node:path';
import { scopedSnapshot } from '../core/detect/scoped-snapshot.js';
import { isKnownError, NothingToRunError } from '../core/errors.js';
import { imageName } from '../core/render/quote.js';
import type { Choices, PlanBase, ProjectSnapshot, WorkspaceMemberRef } from '../core/types.js';
import type { AnyLanguage } from '../languages/registry.js';
import { backingNeeds, type BackingNeed } from './backing.js';
import { BACKING_IMAGES } from './backing-images.js';
import { rootIsProject, serviceFolders, type ServiceFolder } from './discover.js';
import type { ServiceFacts, ServicesPipeline } from './pipeline.js';
import { mainsWorkspacesAt } from '../pipeline/markers.js';
import { nameToken, serviceName, uniqueNames } from './tokens.js';
import { SERVICES_MESSAGES, type Said } from '../core/explain/services-messages.js';

/**
 * Which services a tree holds: a workspace's members (go.work's main packages, npm/pnpm/yarn or uv
 * members) and the project folders beside them, or the root itself, or each project folder; with
 * the backing services each one's code shows. Runs on any pipeline's languages.
 */

/** A folder that looked like a project but holds nothing to run, with why. */
export interface Skipped {
  readonly dir: string;
  /** Why, in English (what --json shows). */
  readonly why: string;
  /** The same, in the run's language (left out of --json). */
  readonly said: Said;
}

/** Every service the tree holds, and the folders that looked like one but hold nothing to run. */
export function serviceCandidates<F extends ServiceFacts, P extends PlanBase>(
  pipeline: ServicesPipeline<F, P>,
  snapshot: ProjectSnapshot,
  projectName = nameToken(imageName(posix.basename(snapshot.root))),
): { candidates: Candidate<F>[]; skipped: Skipped[]; renamed: Said[] } {
  const skipped: Skipped[] = [];
  const workspaces = [...mainsWorkspaces(pipeline, snapshot), ...languageWorkspaces(pipeline, snapshot, skipped)];
  // No workspace member runs anything: the root is the project (an app with local libraries).
  const found = !workspaces.some((workspace) => workspace.candidates.length > 0)
    ? folderCandidates(pipeline, snapshot, projectName, skipped)
    : [...workspaces.flatMap((workspace) => workspace.candidates), ...otherFolders(pipeline, snapshot, workspaces, skipped)];
  const { names, notes } = candidateNames(found);
  return { candidates: found.map((candidate, index) => ({ ...candidate, name: names[index]! })), skipped, renamed: notes };
}

/**
 * Two folders of the same name (apps/api, services/api) are told apart by their whole path; then
 * every name is made unique, and kept off the names compose and bake already use: the backing
 * services these services need, and bake's default group.
 */
function candidateNames(found: readonly Candidate[]): { names: string[]; notes: Said[] } {
  const count = new Map<string, number>();
  for (const candidate of found) count.set(candidate.name, (count.get(candidate.name) ?? 0) + 1);
  const wanted = found.map((candidate) => ({
    dir: candidate.dir,
    name: count.get(candidate.name)! > 1 && candidate.dir !== '.' ? nameToken(candidate.dir) : candidate.name,
  }));
  const reserved = new Map([['default', "bake's default group"]]);
  for (const kind of new Set(found.flatMap((candidate) => candidate.needs.map((need) => need.kind)))) {
    const backing = BACKING_IMAGES[kind];
    reserved.set(backing.service, `the backing service ${backing.service} (${backing.image})`);
  }
  return uniqueNames(wanted, reserved);
}

/** The databases and caches a service's code shows, from its own files and its workspace packages'. */
function candidateNeeds(languages: readonly AnyLanguage[], facts: ServiceFacts, snapshots: readonly ProjectSnapshot[]): BackingNeed[] {
  const needs = snapshots.flatMap((snapshot, index) =>
    backingNeeds(snapshot, languages, index === 0 ? facts : undefined).map((need) =>
      index === 0 ? need : { ...need, evidence: `${need.evidence} of ${posix.basename(snapshot.root)}` },
    ),
  );
  return needs.filter((need, index) => needs.findIndex((other) => other.kind === need.kind) === index);
}

/** A service to generate: where it is, what it is built from, and the choices that make it this one. */
export interface Candidate<F extends ServiceFacts = ServiceFacts> {
  readonly name: string;
  readonly dir: string;
  readonly context: string;
  readonly facts: F;
  readonly choices: Choices;
  /** The service's own files, then its workspace packages': what its code reads and depends on. */
  readonly snapshots: readonly ProjectSnapshot[];
  /** The backing services that code shows. */
  readonly needs: readonly BackingNeed[];
}

/** A workspace's services, and every folder it claims as a member, a service or not. */
interface WorkspaceCandidates<F extends ServiceFacts> {
  readonly candidates: readonly Candidate<F>[];
  readonly claimed: readonly string[];
}

/**
 * Beside workspaces (a uv workspace for the API, a JS one for the front end, go.work), project
 * folders no workspace claims are services of their own, built from their folder.
 */
function otherFolders<F extends ServiceFacts, P extends PlanBase>(
  pipeline: ServicesPipeline<F, P>,
  snapshot: ProjectSnapshot,
  workspaces: readonly WorkspaceCandidates<F>[],
  skipped: Skipped[],
): Candidate<F>[] {
  // Sets, not a scan per folder: a workspace may claim thousands of members.
  const claimed = new Set(workspaces.flatMap((workspace) => workspace.claimed));
  const holdsClaimed = new Set([...claimed].flatMap((member) => ancestors(member)));
  const overlaps = (dir: string) => claimed.has('.') || claimed.has(dir) || holdsClaimed.has(dir) || ancestors(dir).some((parent) => claimed.has(parent));
  return serviceFolders(snapshot, pipeline.languages)
    .filter((folder) => !overlaps(folder.dir))
    .flatMap((folder) => folderCandidate(pipeline, folder, skipped));
}

/** `a/b/c` → `a`, `a/b`: the folders that hold it. */
const ancestors = (dir: string) =>
  dir
    .split('/')
    .slice(0, -1)
    .map((_part, index, parts) => parts.slice(0, index + 1).join('/'));

/** The root itself (one project), else each project folder; a folder with nothing to run is skipped, with why. */
function folderCandidates<F extends ServiceFacts, P extends PlanBase>(
  pipeline: ServicesPipeline<F, P>,
  snapshot: ProjectSnapshot,
  projectName: string,
  skipped: Skipped[],
): Candidate<F>[] {
  const folders: ServiceFolder[] = rootIsProject(snapshot, pipeline.languages)
    ? [{ dir: '.', name: projectName, snapshot }]
    : serviceFolders(snapshot, pipeline.languages);
  return folders.flatMap((folder) => folderCandidate(pipeline, folder, skipped));
}

function folderCandidate<F extends ServiceFacts, P extends PlanBase>(
  pipeline: ServicesPipeline<F, P>,
  folder: ServiceFolder,
  skipped: Skipped[],
): Candidate<F>[] {
  try {
    const facts = pipeline.detect(folder.snapshot);
    return [
      {
        name: folder.name,
        dir: folder.dir,
        context: folder.dir,
        facts,
        choices: {},
        snapshots: [folder.snapshot],
        needs: candidateNeeds(pipeline.languages, facts, [folder.snapshot]),
      },
    ];
  } catch (error) {
    if (!isKnownError(error)) throw error;
    skipped.push({ dir: folder.dir, why: error.message, said: error.said });
    return [];
  }
}

/**
 * A workspace of entry points (go.work): each main package of its modules is a service, built from
 * the root (a module needs the others), with `--main` choosing it. The language's manifests below
 * the root are its modules, claimed by it.
 */
function mainsWorkspaces<F extends ServiceFacts, P extends PlanBase>(pipeline: ServicesPipeline<F, P>, snapshot: ProjectSnapshot): WorkspaceCandidates<F>[] {
  return mainsWorkspacesAt(pipeline.languages, snapshot.files).map((language) => {
    const { manifests } = language.project;
    const facts = pipeline.detect(snapshot, { language: language.id });
    const mains = pipeline.mainChoices(facts);
    const modules = snapshot.files.filter((file) => file.includes('/') && manifests.includes(posix.basename(file))).map((file) => posix.dirname(file));
    const candidates = mains.map((dir) => {
      const snapshots = [scopedSnapshot(snapshot, dir)];
      return {
        name: serviceName(dir === '.' ? posix.basename(snapshot.root) : dir),
        dir,
        context: '.',
        facts,
        choices: { main: dir, dockerfile: `${dir}/Dockerfile` },
        snapshots,
        needs: candidateNeeds(pipeline.languages, facts, snapshots),
      };
    });
    return { candidates, claimed: [...modules, ...mains] };
  });
}

/**
 * A language's workspace (npm, pnpm or yarn workspaces; a uv workspace): each member with something
 * to run is a service, built from the root (the lockfile and its sibling packages are there) with
 * `--workspace` choosing it.
 */
function languageWorkspaces<F extends ServiceFacts, P extends PlanBase>(
  pipeline: ServicesPipeline<F, P>,
  snapshot: ProjectSnapshot,
  skipped: Skipped[],
): WorkspaceCandidates<F>[] {
  // A workspace file that cannot be read stops the run: its members are what the user asked for.
  const workspaces = pipeline.workspaces(snapshot);
  return workspaces.map(({ language, members }) => ({
    candidates: members.flatMap((member) => memberCandidate(pipeline, snapshot, language, member, skipped)),
    claimed: members.map((member) => member.dir),
  }));
}

function memberCandidate<F extends ServiceFacts, P extends PlanBase>(
  pipeline: ServicesPipeline<F, P>,
  snapshot: ProjectSnapshot,
  language: string,
  member: WorkspaceMemberRef,
  skipped: Skipped[],
): Candidate<F>[] {
  // A member that declares nothing to run and serves nothing is a package the others use, not a service.
  const library = (reason: Said): Skipped => ({
    dir: member.dir,
    why: SERVICES_MESSAGES.text('en', 'services.library', { reason: reason('en') }),
    said: (locale) => SERVICES_MESSAGES.text(locale, 'services.library', { reason: reason(locale) }),
  });
  const nothing: Said = (locale) => SERVICES_MESSAGES.text(locale, 'services.library.nothing');
  try {
    const facts = pipeline.detect(snapshot, { language, workspace: member.name });
    if (!(facts as { listens?: boolean }).listens && member.runs === false) return (skipped.push(library(nothing)), []);
    const snapshots = member.uses.map((dir) => scopedSnapshot(snapshot, dir));
    return [
      {
        name: serviceName(member.dir === '.' ? posix.basename(snapshot.root) : member.dir),
        dir: member.dir,
        context: '.',
        facts,
        choices: member.dir === '.' ? {} : { dockerfile: `${member.dir}/Dockerfile` },
        // Its workspace packages' dependencies and code are its own at run time (a db package's driver).
        snapshots,
        needs: candidateNeeds(pipeline.languages, facts, snapshots),
      },
    ];
  } catch (error) {
    if (!isKnownError(error)) throw error;
    // Detection found no program: a library, unless the member declares one. Anything else (a bad manifest) is said as it is.
    if (error instanceof NothingToRunError && member.runs !== true) skipped.push(member.runs === false ? library(nothing) : library(error.said));
    else skipped.push({ dir: member.dir, why: error.message, said: error.said });
    return [];
  }
}
