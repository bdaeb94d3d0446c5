import { newerLine } from './go-mod.js';

/**
 * Go's version policy, in one place. Go patches the two newest minor lines only (go.dev/doc/devel/release:
 * "each major Go release is supported until there are two newer major releases"), and its standard
 * library is compiled into every binary, so an unpatched line ships its known vulnerabilities. go.mod's
 * `go` line is a minimum (Go 1.21+ enforce it as one), and Go 1 compatibility lets a newer line build
 * an older module, keeping that module's language version. The lines with images, newest first:
 */
export const GO_LINES = ['1.26', '1.25'] as const;
export const GO_LINES_AS_OF = '2026-12-06';

/** The line a module builds with: its own when still patched (or newer than this table), else the oldest patched one. */
export function oldestSupportedGo(line: string): string {
  const oldest = GO_LINES[GO_LINES.length - 1]!;
  return newerLine(line, oldest) === oldest && line !== oldest ? oldest : line;
}
