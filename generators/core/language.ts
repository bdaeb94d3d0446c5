import type { Catalog } from './explain/catalog.js';
import type { BackingKind, Choices, CommonFacts, DetectOptions, FactsBase, PlanBase, ProjectSnapshot, WorkspaceMemberRef } from './types.js';

/**
 * Everything one language brings, in one value: generators/languages/<language>/index.ts exports it
 * and generators/languages/registry.ts lists it. Every field is required, so a language with a
 * missing piece does not compile. Templates are the one part outside the folder: templates/<id>/.
 * The steps are method signatures so that any language's definition is a LanguageDefinition of the
 * base types too, which is what the pipeline holds; each is checked against its own types where it
 * is written (defineLanguage).
 */
export interface LanguageDefinition<F extends FactsBase = FactsBase, P extends PlanBase<F['language']> = PlanBase<F['language']>> {
  readonly id: F['language'];
  /** As people write it: "Go", "Node.js"; its facts and plan types are named after it (GoFacts, NodePlan). */
  readonly name: string;
  /** What marks such a project, for the "no supported project" error: go.mod, *.go (a list: the error joins every language's, in any language). */
  readonly markers: readonly string[];
  /** The files and extensions that make a folder one of its projects, for everything that asks (markers.ts). */
  readonly project: ProjectMarkers;
  /** What a service written in it shows of the databases it talks to and the settings it reads. */
  readonly services: ServiceClues;
  /**
   * Whether a tree holds one of its projects. `others` are the other registered languages'
   * manifests: a language whose files also appear in others' projects (C sources in a Node addon)
   * can step aside when one of those sits at the root.
   */
  looksLike(snapshot: ProjectSnapshot, others: LookContext): boolean;
  /** Pure: reads the snapshot only. Throws a UserError for a project it cannot handle. */
  detect(snapshot: ProjectSnapshot, options: DetectOptions): F;
  /**
   * Pure. Throws a UserError for a choice it cannot honour (scratch for a Node app); the prompts
   * offer exactly the choices this accepts, and default to what it picks.
   */
  plan(facts: F & CommonFacts, choices: Choices): P;
  /**
   * The members of this language's workspace at the root (npm/pnpm/yarn workspaces, a uv workspace),
   * each built from the root with `--workspace`; undefined when the root declares none.
   */
  workspaceMembers(snapshot: ProjectSnapshot): readonly WorkspaceMemberRef[] | undefined;
  /** Entry points to choose from (Go main packages); the --main prompt lists them when there are several. */
  mainChoices(facts: F): readonly string[];
  /** Its sentences, English and French (stage banners, reasons, --explain comments). */
  readonly messages: Catalog;
  /**
   * The environment variables its download tools read a CA bundle from, each tool by its own
   * (PIP_CERT for pip, NODE_EXTRA_CA_CERTS for npm): what --ca-cert sets in every download step.
   * Empty when its builder downloads nothing over TLS.
   */
  readonly caVariables: readonly string[];
}

/** What marks a project of a language: read by detection, the dominant-language choice and service discovery. */
export interface ProjectMarkers {
  /** Files whose presence at a folder's root makes it such a project (go.mod, package.json, pyproject.toml). */
  readonly manifests: readonly string[];
  /** Build files other languages' projects carry too (a Makefile): they count toward the dominant language, never make a folder a service. */
  readonly sharedBuildFiles: readonly string[];
  /** Its source files' extensions, without the dot. */
  readonly sourceExtensions: readonly string[];
  /**
   * A file that makes the root a workspace whose services are its entry points (mainChoices), each
   * built from the root and chosen with --main: go.work. Other workspaces list members (workspaceMembers).
   */
  readonly mainsWorkspace?: string;
  /**
   * Whether the root's manifest only serves the repository's tooling (a package.json of lint and
   * commit-hook devDependencies beside a Go module): then it does not make the tree this language's
   * when another language has a manifest of its own.
   */
  readonly toolingOnly?: (snapshot: ProjectSnapshot) => boolean;
}

/** The other languages' markers, handed to looksLike. */
export interface LookContext {
  readonly otherManifests: readonly string[];
}

/** How a service in this language shows what compose must run beside it and what it reads from its environment. */
export interface ServiceClues {
  /** Each backing service's client libraries, as this language names its dependencies. */
  readonly clients: Readonly<Partial<Record<BackingKind, readonly string[]>>>;
  /** Go module paths match a client by path prefix (github.com/jackc/pgx/v5 is github.com/jackc/pgx); names match exactly. */
  readonly clientMatch: 'name' | 'path-prefix';
  /** Where those dependencies were read, for the evidence ("in go.mod"). */
  readonly dependencySource: string;
  /** The dependencies a folder declares; facts are given when the folder is a service in this language. */
  dependencies(snapshot: ProjectSnapshot, facts: FactsBase | undefined): readonly string[];
  /** How its code reads an environment variable by a literal name: group 1 or 2 is the name (global regular expressions). */
  readonly envReads: readonly RegExp[];
  /** Extensions read for those besides its sources (Prisma's schema names env("DATABASE_URL")). */
  readonly envFiles: readonly string[];
  /** Databases its ORM schemas and configuration files name (Prisma's provider, SQLAlchemy URLs), with the evidence. */
  databasesNamed(snapshot: ProjectSnapshot): readonly { readonly kind: BackingKind; readonly evidence: string }[];
}

/** Checks a language against the contract; the type arguments name its facts and plan. */
export const defineLanguage = <F extends FactsBase, P extends PlanBase<F['language']>>(definition: LanguageDefinition<F, P>): LanguageDefinition<F, P> =>
  definition;
