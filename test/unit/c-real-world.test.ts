import { describe, expect, test } from '@jest/globals';
import { memorySnapshot } from '../../generators/core/detect/snapshot.js';
import { PIPELINE } from '../../generators/pipeline/index.js';
import { narrow } from '../harness/narrow.js';

const MAIN = '#include <stdio.h>\nint main(void) { puts("hi"); return 0; }\n';
const planOf = (makefile: string, extra: Record<string, string> = {}) => {
  const facts = PIPELINE.detect(memorySnapshot('/src/tool', { Makefile: makefile, 'tool.c': MAIN, ...extra }));
  return { facts: narrow(facts, 'c'), plan: narrow(PIPELINE.plan(facts, {}), 'c') };
};

describe('Makefiles as they are written', () => {
  test('a rule that ignores LDFLAGS still links static: CC carries -static; only the program target is built', () => {
    const { plan } = planOf(
      'CC=gcc\n\nall: tool bench\n\ntool: tool.c\n\t$(CC) -o tool tool.c -Wall -lm\n\nbench: bench.c\n\t$(CC) -o bench bench.c -lbenchkit\n',
      {
        'bench.c': MAIN,
      },
    );
    expect([plan.runtime, plan.c.buildCommand]).toEqual(['scratch', 'make -j"$(nproc)" tool CC="cc -static" CXX="c++ -static"']);
  });

  test("another target's libraries are not the program's", () => {
    const { facts } = planOf('all: tool bench\n\ntool: tool.c\n\t$(CC) -o $@ $<\n\nbench: bench.c\n\t$(CC) -o $@ $< -lbenchkit\n', { 'bench.c': MAIN });
    expect([facts.unknownLibraries, facts.staticPossible]).toEqual([[], true]);
  });

  test("the Makefile's own LDFLAGS survive: -static is not passed as LDFLAGS", () => {
    const { plan } = planOf('TARGET = tool\nLDFLAGS = -lm\n\n$(TARGET): tool.o\n\t$(CC) $(LDFLAGS) -o $@ $^\n');
    expect(plan.c.buildCommand).not.toMatch(/LDFLAGS/);
    expect(plan.c.buildCommand).toMatch(/^make -j"\$\(nproc\)" tool CC="cc -static"/);
  });

  test('a rule that calls gcc by name cannot be made static: distroless cc, and the summary says why', () => {
    const { facts, plan } = planOf('tool: tool.c\n\tgcc -O2 -o tool tool.c\n');
    expect([plan.runtime, plan.c.buildCommand, facts.staticPossible]).toEqual(['distroless', 'make -j"$(nproc)" tool', false]);
    expect(facts.notes.join('\n')).toMatch(/the rule for tool links with `gcc -O2 -o tool tool\.c`, which neither CC nor LDFLAGS reaches/);
    expect(PIPELINE.say(plan.runtimeReason)).toMatch(/a link rule that calls the compiler by name/);
  });

  test("make's built-in rule (no recipe) links through $(CC)", () => {
    expect(planOf('tool: tool.o\n').plan.runtime).toBe('scratch');
  });
});

describe('loose C files that each have a main()', () => {
  const SERVER = '#include <sys/socket.h>\n#include "proto.h"\nint main(void) { int s = socket(2, 1, 0); bind(s, 0, 0); listen(s, 1); return 0; }\n';
  const CLIENT = '#include "proto.h"\nint main(void) { return connect(0, 0, 0); }\n';
  const files = { 'server.c': SERVER, 'client.c': CLIENT, 'proto.c': 'int greeting(void) { return 1; }\n', 'proto.h': '#define ECHO_PORT 7070\n' };
  const facts = () => PIPELINE.detect(memorySnapshot('/src/pair', files));

  test('are separate programs: the one that listens is built with the shared files, never linked with the other', () => {
    const plan = narrow(PIPELINE.plan(facts(), {}), 'c');
    expect([plan.c.buildCommand, plan.c.binaryName, plan.port]).toEqual(['cc -O2 -Wall -static -o server proto.c server.c', 'server', 7070]);
    expect(narrow(facts(), 'c').notes.join('\n')).toMatch(
      /2 files have their own main\(\) \(client\.c, server\.c\): each is a separate program; building server\.c, the one that listens; --main <file> picks another/,
    );
  });

  test('--main picks the other, by file or by name, and the summary says so; the prompt offers the default first', () => {
    for (const main of ['client.c', 'client', './client.c']) {
      const plan = narrow(PIPELINE.plan(facts(), { main }), 'c');
      expect([plan.c.buildCommand, plan.port, plan.listens]).toEqual(['cc -O2 -Wall -static -o client client.c proto.c', undefined, false]);
      expect(plan.notes.join('\n')).toMatch(/building client\.c \(--main\)[\s\S]*compiling client\.c proto\.c/);
    }
    expect(PIPELINE.mainChoices(facts())).toEqual(['server.c', 'client.c']);
    expect(() => PIPELINE.plan(facts(), { main: 'nope.c' })).toThrow(/^--main nope\.c: not a program here \(found: client\.c, server\.c\)$/);
  });

  test('none listens: the first by name, said to be a guess', () => {
    const tools = PIPELINE.detect(memorySnapshot('/src/tools', { 'b.c': 'int main(void){return 0;}\n', 'a.c': 'int main(void){return 1;}\n' }));
    expect([narrow(PIPELINE.plan(tools, {}), 'c').c.binaryName, narrow(tools, 'c').notes.join('\n')]).toEqual([
      'a',
      expect.stringMatching(/building a\.c, the first by name \(a guess\); --main <file> picks another/),
    ]);
  });
});
