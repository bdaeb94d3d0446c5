import type { ProjectSnapshot } from '../../../core/types.js';
import type { Message } from '../../../core/explain/messages.js';

/**
 * Node web frameworks that have a production layout of their own: where their build writes, what
 * the runtime needs of it, how the server starts with node itself as PID 1, and what it must be
 * told to listen on every interface. Each entry is what that framework's own deployment guide says.
 */

/** A path copied from the build stage's /app into the runtime's /app. */
export interface OutputCopy {
  readonly from: string;
  readonly to: string;
}

export interface FrameworkServer {
  readonly kind: 'server';
  readonly id: string;
  readonly name: string;
  /** What gave it away, for the summary. */
  readonly source: string;
  /** Arguments to node; a package's CLI is named by its bin, resolved later (`bin:<command>`). */
  readonly start: readonly string[];
  readonly startSource: string;
  /** What the runtime copies out of the build; package.json and node_modules are added when `modules`. */
  readonly copies: readonly OutputCopy[];
  /** Whether the server imports production dependencies at run time (false: the build bundled them). */
  readonly modules: boolean;
  /** Environment the server needs to listen on every interface, and why. */
  readonly env: readonly { readonly name: string; readonly value: string }[];
  readonly defaultPort: number;
  /** Folders its build writes, kept out of the context (the image builds its own). */
  readonly outputs: readonly string[];
}

export interface FrameworkStatic {
  readonly kind: 'static';
  readonly id: string;
  readonly name: string;
  readonly source: string;
  /** The folder holding index.html after the build. */
  readonly root: string;
  /** A single-page app: unknown paths fall back to index.html. A multi-page site answers 404. */
  readonly spa: boolean;
  /** Folders under root whose file names carry a content hash: cached for a year. */
  readonly hashed: readonly string[];
  readonly outputs: readonly string[];
  /** Set when root is this tool's default rather than read from the project: said in the header. */
  readonly guess?: Message;
}

export type Framework = FrameworkServer | FrameworkStatic;

export interface FrameworkInputs {
  readonly snapshot: ProjectSnapshot;
  readonly scripts: Readonly<Record<string, string>>;
  readonly dependencies: Readonly<Record<string, string>>;
  readonly devDependencies: Readonly<Record<string, string>>;
}
