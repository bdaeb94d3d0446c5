import { spawn } from 'node:child_process';

export interface Exchange {
  /** Text the program prints (ANSI codes removed) before this answer is typed. */
  readonly waitFor: RegExp;
  readonly type: string;
}

const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b[()][A-Z0-9]/g;

/**
 * Runs a command in a real pseudo-terminal (util-linux `script`), typing each answer only once its
 * prompt has appeared, like expect. Resolves with everything printed and the exit code.
 */
export function runInPty(command: string, exchanges: readonly Exchange[], timeoutMs = 30_000): Promise<{ output: string; exitCode: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', command, '/dev/null'], { env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    let output = '';
    let next = 0;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no prompt matching ${exchanges[next]?.waitFor} within ${timeoutMs} ms; output:\n${output}`));
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8').replace(ANSI, '');
      while (next < exchanges.length && exchanges[next]!.waitFor.test(output)) {
        child.stdin.write(exchanges[next]!.type);
        output += '\n';
        next++;
      }
    });
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ output, exitCode });
    });
  });
}
