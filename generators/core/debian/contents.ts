import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { own } from '../own.js';
import { packageRoot } from '../package-root.js';
import { headerPackage, type PackedContents } from './contents-pack.js';

/**
 * Which Debian 13 package ships a command, a pkg-config module or a header, for the whole archive:
 * data/debian-contents.json.gz, packed from Debian's Contents indexes by scripts/debian-contents/pack.ts.
 * Read once, on the first question (about 60 ms), never at all for a project that asks none.
 */
interface ContentsFile extends PackedContents {
  readonly suite: string;
  readonly packed: string;
}

let loaded: ContentsFile | undefined;
const contents = (): ContentsFile =>
  (loaded ??= JSON.parse(gunzipSync(readFileSync(join(packageRoot, 'data/debian-contents.json.gz'))).toString('utf8')) as ContentsFile);

/**
 * Commands Debian installs through update-alternatives, which the Contents index cannot show:
 * the package a Debian build-dependency names for each (bison's and flex's own Build-Depends say so).
 */
const ALTERNATIVES: Readonly<Record<string, string>> = { yacc: 'bison', lex: 'flex', cc: 'gcc', 'c++': 'g++', awk: 'gawk' };

export const commandPackage = (command: string): string | undefined => own(ALTERNATIVES, command) ?? own(contents().commands, command);

export const pkgConfigPackage = (module: string): string | undefined => own(contents().pkgConfig, module);

export const debianLibrary = (linkerName: string): readonly [dev: string, runtime: string, staticArchive: boolean] | undefined =>
  own(contents().libraries, linkerName);

export const includePackage = (include: string): string | undefined => headerPackage(contents().headers, include);

/** `Debian 13 (trixie) Contents, packed 2026-12-06`: where an answer came from, for notes. */
export const contentsSource = (): string => `Debian's ${contents().suite} Contents index (packed ${contents().packed})`;
