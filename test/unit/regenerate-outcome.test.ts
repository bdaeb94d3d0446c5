// The pure decision behind every write: what is on disk, what the tool last wrote, what it writes now.
import { outcomeOf } from '../../generators/core/regenerate/outcome.js';
import { threeWayMerge } from '../../generators/core/regenerate/merge.js';

const BASE = [
  'FROM golang:1.26 AS build',
  'RUN go build -o /out/app .',
  '',
  'FROM scratch AS runtime',
  'COPY --from=build /out/app /app',
  'USER 65532:65532',
  'EXPOSE 8080',
  'ENTRYPOINT ["/app"]',
  '',
].join('\n');
const edit = (text: string, from: string, to: string) => {
  if (!text.includes(from)) throw new Error(`no ${from}`);
  return text.replace(from, to);
};

describe('outcomeOf', () => {
  const regenerated = edit(BASE, 'EXPOSE 8080', 'EXPOSE 9000');
  test.each([
    ['no file yet', undefined, BASE, regenerated, false, 'create', regenerated],
    ['the file already says it', regenerated, BASE, regenerated, false, 'identical', regenerated],
    ['untouched since the tool wrote it', BASE, BASE, regenerated, false, 'update', regenerated],
    ['edited, and the regeneration changes nothing', edit(BASE, 'USER', 'LABEL a=b\nUSER'), BASE, BASE, false, 'keep', edit(BASE, 'USER', 'LABEL a=b\nUSER')],
    [
      'edited elsewhere: both land',
      edit(BASE, 'FROM scratch AS runtime', 'FROM scratch AS runtime\nLABEL a=b'),
      BASE,
      regenerated,
      false,
      'merge',
      edit(regenerated, 'FROM scratch AS runtime', 'FROM scratch AS runtime\nLABEL a=b'),
    ],
    [
      'different, and no record of writing it',
      edit(BASE, 'EXPOSE 8080', 'EXPOSE 1'),
      undefined,
      regenerated,
      false,
      'refuse',
      edit(BASE, 'EXPOSE 8080', 'EXPOSE 1'),
    ],
    ['different with --force', edit(BASE, 'EXPOSE 8080', 'EXPOSE 1'), undefined, regenerated, true, 'force', regenerated],
  ] as const)('%s: %s', (_name, current, base, next, force, status, text) => {
    const outcome = outcomeOf('Dockerfile', current, base, next, force);
    expect([outcome.status, outcome.next]).toEqual([status, text]);
  });

  test('an edit of the very lines the regeneration changes is a conflict, placed on the user lines', () => {
    const yours = edit(BASE, 'EXPOSE 8080', 'EXPOSE 8080/tcp');
    const outcome = outcomeOf('Dockerfile', yours, BASE, regenerated, false);
    expect(outcome.status).toBe('conflict');
    expect(outcome.conflicts).toEqual([{ from: 7, to: 7, yours: ['EXPOSE 8080/tcp'], regenerated: ['EXPOSE 9000'] }]);
  });

  test('the same change made by both sides is no conflict', () => {
    expect(threeWayMerge(BASE, regenerated, regenerated)).toEqual({ text: regenerated, conflicts: [] });
  });
});
