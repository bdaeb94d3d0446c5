import { existsSync, lstatSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { UserError } from '../../core/errors.js';
import type { Locale } from '../../core/explain/messages.js';
import { buildImage } from '../build.js';
import { docker } from '../docker.js';
import { smokeCommand, smokeServer } from '../smoke.js';
import { layers, type Layer } from '../history.js';
import { startup } from '../startup.js';
import type { Message } from '../../core/explain/messages.js';
import { sayVerify } from '../verify-report.js';
import { LADDER_MESSAGES } from '../../core/explain/ladder-messages.js';
import type { LadderStep } from '../../core/ladder.js';
import { decimal, megabytes, savedText } from '../../core/explain/numbers.js';
import { ERRORS } from '../../core/explain/error-messages.js';

export interface LadderRequest {
  readonly dir: string;
  /** The folder the steps' Dockerfiles are written to, inside dir. */
  readonly folder: string;
  readonly steps: readonly LadderStep[];
  readonly imageName: string;
  /** The port a server answers on; undefined runs the image as a command. */
  readonly listensOn?: number;
  readonly caCert?: string;
  readonly keep: boolean;
  readonly locale: Locale;
  readonly log: (line: string) => void;
}

/** What one step measured; numbers are undefined when it was skipped or did not build. */
export interface LadderRow {
  readonly step: LadderStep;
  readonly bytes?: number;
  readonly layers?: number;
  readonly seconds?: number;
  readonly user?: string;
  readonly built: boolean;
  readonly ran?: { readonly ok: boolean; readonly summary: Message };
  /** Step 5's image, the one the tool generates: its layers and how it starts, for the report. */
  readonly final?: { readonly layers: readonly Layer[]; readonly pid1: string; readonly healthcheck: string };
}

/**
 * Writes each step's Dockerfile into the ladder folder, builds it with the project as the context,
 * measures the image (docker image inspect), runs it (the hardened step runs step 5's image with the
 * hardened flags), and returns the rows; images are removed unless `keep`.
 */
export async function runLadder(request: LadderRequest): Promise<LadderRow[]> {
  writeLadderFiles(request.dir, request.folder, request.steps);
  const rows: LadderRow[] = [];
  const images: string[] = [];
  try {
    for (const step of request.steps) {
      if (step.skipped) {
        rows.push({ step, built: false });
        continue;
      }
      const tag = `${request.imageName}:${step.index}-${step.id}`;
      const image = step.dockerfile === undefined ? rows.find((row) => row.step.id === 'nonroot')?.built && `${request.imageName}:5-nonroot` : tag;
      let seconds: number | undefined;
      if (step.dockerfile !== undefined) {
        request.log(`==> ${step.index}/${request.steps.length} ${LADDER_MESSAGES.text(request.locale, `ladder.step.${step.id}`)}`);
        const built = await buildImage({ context: request.dir, tag, dockerfile: join(request.dir, request.folder, step.file), caCert: request.caCert });
        if (!built.ok) {
          for (const line of built.failingLines) request.log(`    ${line}`);
          rows.push({ step, built: false, seconds: built.seconds });
          continue;
        }
        images.push(tag);
        seconds = built.seconds;
      }
      if (!image) {
        rows.push({ step, built: false });
        continue;
      }
      const measured = await measure(image);
      const ran =
        request.listensOn === undefined
          ? await smokeCommand(image, { runFlags: step.runFlags })
          : await smokeServer(image, request.listensOn, { runFlags: step.runFlags });
      const final = step.id === 'nonroot' ? { layers: await layers(image), ...(await startup(image)) } : undefined;
      rows.push({ step, built: true, seconds, ...measured, ran: { ok: ran.ok, summary: ran.summary }, final });
    }
  } finally {
    if (!request.keep && images.length > 0) await docker(['rmi', '--force', ...images], { reject: false });
  }
  return rows;
}

async function measure(image: string): Promise<{ bytes: number; layers: number; user: string }> {
  const inspected = await docker(['image', 'inspect', '--format', '{{.Size}} {{len .RootFS.Layers}} {{.Config.User}}', image]);
  const [bytes, layers, user] = String(inspected.stdout).trim().split(' ');
  return { bytes: Number(bytes), layers: Number(layers), user: user ?? '' };
}

/** The step files, written into a folder that holds only ladder files: anything else there is the user's, and refused. */
function writeLadderFiles(dir: string, folder: string, steps: readonly LadderStep[]): void {
  const path = join(dir, folder);
  const ours = new Set(steps.map((step) => step.file));
  // The folder and each folder above it inside the project: a link anywhere on the way could lead out of it.
  const linked = ancestors(dir, path).find(isLink);
  if (linked !== undefined) throw new UserError(ERRORS.message('error.run-ladder.link-ladder-writes', { value: relative(dir, linked) || basename(linked) }));
  if (existsSync(path)) {
    const foreign = readdirSync(path).filter((name) => !ours.has(name) && !/^\d-[a-z]+\.Dockerfile$/.test(name));
    if (foreign.length > 0)
      throw new UserError(ERRORS.message('error.run-ladder.holds-which-ladder', { value: relative(dir, path) || basename(path), value2: String(foreign[0]) }));
  }
  mkdirSync(path, { recursive: true });
  for (const step of steps) {
    if (step.dockerfile === undefined) continue;
    const file = join(path, step.file);
    // A link (perhaps out of the project) or a FIFO under a step's name is refused, never written through.
    if (existsSync(file) || isLink(file)) {
      if (!lstatSync(file).isFile()) throw new UserError(ERRORS.message('error.run-ladder.regular-file-ladder', { value: relative(dir, file) }));
    }
    writeFileSync(file, step.dockerfile);
  }
}

/** The table the ladder prints: one row a step, each reduction against the step before that built. */
export function ladderTable(rows: readonly LadderRow[], locale: Locale, project: string, folder: string): string[] {
  const text = (id: Parameters<typeof LADDER_MESSAGES.text>[1], args?: Parameters<typeof LADDER_MESSAGES.text>[2]) => LADDER_MESSAGES.text(locale, id, args);
  const mb = (bytes: number) => megabytes(bytes, locale);
  const header = [
    text('ladder.table.step'),
    text('ladder.table.size'),
    text('ladder.table.layers'),
    text('ladder.table.build'),
    text('ladder.table.user'),
    text('ladder.table.saved'),
    text('ladder.table.run'),
  ];
  const body: string[][] = [];
  let previous: number | undefined;
  for (const row of rows) {
    const name = `${row.step.index} ${text(`ladder.step.${row.step.id}`)}`;
    if (row.step.skipped) {
      body.push([name, text(row.step.skipped.id, row.step.skipped.args)]);
      continue;
    }
    if (!row.built || row.bytes === undefined) {
      body.push([name, text('ladder.build.failed')]);
      continue;
    }
    const saved = previous === undefined ? '' : savedText(previous, row.bytes, locale);
    previous = row.bytes;
    body.push([
      name,
      mb(row.bytes),
      String(row.layers),
      row.seconds === undefined ? '' : decimal(row.seconds, 1, locale),
      row.user || text('ladder.root'),
      saved,
      row.ran?.ok ? text('ladder.run.ok') : text('ladder.run.failed', { summary: row.ran ? sayVerify(locale, row.ran.summary) : '' }),
    ]);
  }
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...body.filter((cells) => cells.length === header.length).map((cells) => cells[column]!.length)),
  );
  const line = (cells: readonly string[]) =>
    cells.length === header.length
      ? cells
          .map((cell, column) => (column === 0 || column === header.length - 1 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
          .join('  ')
          .trimEnd()
      : `${cells[0]!.padEnd(widths[0]!)}  ${cells[1]}`;
  const built = rows.filter((row) => row.built && row.bytes !== undefined);
  const first = built[0];
  const last = built.at(-1);
  const total =
    first && last && first !== last
      ? [
          text('ladder.table.total', {
            last: last.step.index,
            from: mb(first.bytes!),
            to: mb(last.bytes!),
            ratio: decimal(first.bytes! / last.bytes!, 1, locale),
          }),
        ]
      : [];
  return [text('ladder.table.title', { project, dir: folder }), '', line(header), ...body.map(line), '', ...total];
}

/** `path` and the folders between it and `dir` (dir itself excluded), outermost first. */
function ancestors(dir: string, path: string): string[] {
  const parts = relative(dir, path).split(sep).filter(Boolean);
  return parts.map((_part, index) => join(dir, ...parts.slice(0, index + 1)));
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
