import type { BinaryCopy, FactsBase, ListenerFacts, PlanBase } from '../../core/types.js';
import type { CgoModule } from './cgo-modules.js';
import type { DataPath } from './data-paths.js';

export interface GoFacts extends FactsBase<'go'> {
  readonly modulePath?: string;
  readonly goVersion: string;
  readonly goVersionSource: 'go.mod' | 'toolchain' | 'default';
  readonly hasGoMod: boolean;
  readonly hasGoSum: boolean;
  readonly hasRequires: boolean;
  readonly vendored: boolean;
  /** Main packages, the root's first, then by path. */
  readonly mains: readonly GoMain[];
  readonly cgo: boolean;
  /** Required modules that are cgo (go-sqlite3...), with the packages they compile against and load. */
  readonly cgoModules: readonly CgoModule[];
  /** Folders and files the program opens at run time by a relative path, not embedded. */
  readonly dataPaths: readonly DataPath[];
  /** True when the code can make TLS connections and so needs a CA bundle. */
  readonly needsCaCerts: boolean;
  /** True when the code loads time zones by name and so needs zoneinfo. */
  readonly needsZoneinfo: boolean;
  /** go.work: the modules it uses, and every go.work/go.mod/go.sum file the download step needs. */
  readonly workspace?: { readonly uses: readonly string[]; readonly manifests: readonly string[] };
}

export interface GoMain extends ListenerFacts {
  /** Package directory, relative, "." for the root. */
  readonly dir: string;
}

/** What the Go templates read under plan.go. */
export interface GoDetails {
  readonly mainPackage: string;
  readonly binaryName: string;
  readonly binaryPath: string;
  readonly manifests: readonly string[];
  /** The manifests grouped by folder, each group copied to the same folder under /src. */
  readonly manifestCopies: readonly { readonly files: readonly string[]; readonly dir: string }[];
  readonly downloadDeps: boolean;
  readonly initModule?: string;
  readonly cgo: boolean;
  /** -dev packages cgo modules compile against, and the libraries they load at run time. */
  readonly builderPackages: readonly string[];
  readonly runtimePackages: readonly string[];
  readonly buildFlags: string;
  readonly caCerts: boolean;
  readonly zoneinfo: boolean;
  readonly createUser: boolean;
  /** Data the program reads at run time, copied under its working directory at the same relative path. */
  readonly dataCopies: readonly string[];
  readonly workdir?: string;
}

export interface GoPlan extends PlanBase<'go'>, BinaryCopy {
  readonly go: GoDetails;
}
