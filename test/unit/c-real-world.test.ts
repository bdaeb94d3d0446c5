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
