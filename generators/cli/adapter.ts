import { TerminalAdapter } from '@yeoman/adapter';

/**
 * yeoman's terminal adapter, minus one line: when a task fails, yeoman logs "An error occured while
 * running ..." before rethrowing. The CLI prints the error itself, once, so that line is dropped.
 */
export function createAdapter(streams: { stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream }): TerminalAdapter {
  const adapter = new TerminalAdapter(streams);
  const error = adapter.log.error.bind(adapter.log);
  adapter.log.error = ((...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('An error occured while running ')) return adapter.log;
    return error(...(args as Parameters<typeof error>));
  }) as typeof adapter.log.error;
  return adapter;
}
