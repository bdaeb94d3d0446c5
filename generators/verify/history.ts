import { docker } from './docker.js';

export interface Layer {
  readonly bytes: number;
  readonly instruction: string;
}

/** The image's layers, oldest first, with the instruction that made each (the base image's included). */
export async function layers(image: string): Promise<Layer[]> {
  const result = await docker(['image', 'history', '--no-trunc', '--human=false', '--format', '{{.Size}}\t{{.CreatedBy}}', image]);
  return String(result.stdout)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [size, ...rest] = line.split('\t');
      return { bytes: Number(size), instruction: instructionText(rest.join('\t')) };
    })
    .reverse();
}

/** `/bin/sh -c #(nop)  USER 65532` -> `USER 65532`; BuildKit's `RUN |2 A=b /bin/sh -c ...` -> `RUN ...`. */
export function instructionText(createdBy: string): string {
  let text = createdBy.trim();
  const nop = /^\/bin\/sh -c #\(nop\)\s+(.*)$/s.exec(text);
  if (nop) return nop[1]!.trim();
  text = text.replace(/^\/bin\/sh -c /, 'RUN ');
  text = text.replace(/^RUN \|\d+(?: \S+=\S*)* /, 'RUN ').replace(/^RUN \/bin\/sh -c /, 'RUN ');
  // BuildKit records HEALTHCHECK as a Go struct: `HEALTHCHECK &{["CMD" "node" ...] 30s ...}`.
  text = text.replace(/^HEALTHCHECK &\{\[(.*?)\] .*$/, 'HEALTHCHECK [$1]');
  // BuildKit records EXPOSE as the Go map it stores: `EXPOSE map[8080/tcp:{}]`.
  text = text.replace(/^EXPOSE map\[(.*)\]$/, (_match, ports: string) => `EXPOSE ${ports.replace(/:\{\}/g, '')}`);
  return text.replace(/ # buildkit$/, '').replace(/\s+/g, ' ');
}
