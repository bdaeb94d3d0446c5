import type { DataPath } from '../../core/detect/data-paths.js';
import type { BinaryCopy, FactsBase, ListenerFacts, PlanBase } from '../../core/types.js';

export type CBuildSystem = 'cc' | 'make' | 'cmake' | 'meson' | 'autotools';

export interface CLibrary {
  /** As the project names it: a -l name or a pkg-config / find_package name. */
  readonly name: string;
  readonly devPackage: string;
  readonly runtimePackage: string;
  /** Whether Debian ships a static archive that links without further dependencies. */
  readonly staticOk: boolean;
  /** Files the library reads at run time, copied from the builder when the runtime lacks them. */
  readonly runtimeData?: readonly string[];
}

/** A root source file with its own main(): a program of its own. */
export interface CProgram {
  readonly file: string;
  readonly listens: boolean;
}

export interface CFacts extends FactsBase<'c'>, ListenerFacts {
  readonly buildSystem: CBuildSystem;
  /** For a lone program: the source files cc compiles. */
  readonly sources: readonly string[];
  readonly cxx: boolean;
  /** The executable's name, and where the build system leaves it, relative to the project. */
  readonly binary: string;
  readonly binaryOutput: string;
  readonly libraries: readonly CLibrary[];
  /** Libraries the project links that the table does not know; they prevent a static build. */
  readonly unknownLibraries: readonly string[];
  readonly staticPossible: boolean;
  /** Without a build file: every root file with a main(); `sources` and `binary` are the default one's. */
  readonly programs: readonly CProgram[];
  /** Folders and data files the program opens at run time by a relative path (htdocs/, share/...). */
  readonly dataPaths: readonly DataPath[];
  /** Make only: the target that builds the program, so a broken secondary target does not stop it. */
  readonly makeTarget?: string;
  /** The build system's own install step puts the program (and its libraries and data) in place. */
  readonly installs: boolean;
  /** Shared libraries the project builds and the program loads; they travel with it. */
  readonly ownLibraries: readonly string[];
  readonly autotools?: AutotoolsBuild;
  /** Commands the build files run and the Debian package of each (Debian's Contents index). */
  readonly buildTools: readonly { readonly command: string; readonly package: string }[];
}

/** How an autotools project is built: what regenerates configure when the tree has none. */
export interface AutotoolsBuild {
  /** No configure script in the tree (a git checkout): autoreconf -fi makes it. */
  readonly autoreconf: boolean;
  readonly libtool: boolean;
  readonly gettext: boolean;
  readonly pkgConfig: boolean;
  /** All installed programs; the image installs every one, the entry point runs `binary`. */
  readonly programs: readonly string[];
}

/** What the C templates read under plan.c. */
export interface CDetails {
  readonly static: boolean;
  /** The program's name: the build's output, /out/<name>, and the installed binary. */
  readonly binaryName: string;
  /** Debian packages the builder installs: -dev libraries and the build system's tools (a cross build: the tools only). */
  readonly builderPackages: readonly string[];
  /** A cross build (plan.crossCompiles): the -dev libraries, installed for the target's architecture (`zlib1g-dev:arm64`). */
  readonly targetPackages: readonly string[];
  readonly runtimePackages: readonly string[];
  /** The shell command that builds, run in /src; it leaves the binary at binaryOutput. */
  readonly buildCommand: string;
  /** Puts the program (and, for an install step, its libraries and data) under /staging/usr/local. */
  readonly installCommand: string;
  /** True when the build system's install step fills /staging, so headers and archives are pruned. */
  readonly installs: boolean;
  readonly binaryOutput: string;
  readonly binaryPath: string;
  /** Packages distroless cc already holds; their libraries are not copied again. */
  readonly distrolessPackages: readonly string[];
  readonly createUser: boolean;
  /** Data the libraries read at run time (curses' terminfo), copied from the builder. */
  readonly runtimeData: readonly string[];
  /** The program's own data, copied from the context under its working directory. */
  readonly dataCopies: readonly string[];
  readonly workdir?: string;
}

export interface CPlan extends PlanBase<'c'>, BinaryCopy {
  readonly c: CDetails;
}
