import { dataPaths, firstSegment, type DataPath } from '../../core/detect/data-paths.js';
import type { ProjectSnapshot } from '../../core/types.js';

export type { DataPath };

/** Calls whose string argument is a path the program reads (gin, echo, net/http, viper, html/template, os). */
const LOADERS = [
  /\b(?:LoadHTMLGlob|LoadHTMLFiles|Static|StaticFS|StaticFile|File|Dir|AddConfigPath|SetConfigFile|ParseGlob|ParseFiles|ReadFile|ReadDir|Open|OpenFile|Load)\s*\(\s*"([^"]+)"/,
];

/** What a Go program reads at run time, unless `//go:embed` already put it in the binary. */
export function goDataPaths(snapshot: ProjectSnapshot, sources: readonly { file: string; text: string }[]): DataPath[] {
  const embedded = new Set(
    sources.flatMap(({ text }) => [...text.matchAll(/^\/\/go:embed\s+(.+)$/gm)].flatMap((match) => match[1]!.split(/\s+/).map(firstSegment))),
  );
  return dataPaths(snapshot, sources, { loaders: LOADERS, isCode: (file) => file.endsWith('.go'), embedded, never: /^(go\.(mod|sum)|vendor)$/ });
}
