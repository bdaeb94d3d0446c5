import type { Message } from '../explain/messages.js';
import { SHARED_MESSAGES } from '../explain/shared-messages.js';
/**
 * A server bound to the loopback interface answers only inside its own container: `docker run -p`
 * forwards to the container's external interface, where nothing listens. The image builds and runs,
 * and nobody can reach it, so the summary says which line binds it.
 */
export interface LoopbackBind {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly address: string;
}

/** 127.0.0.1, localhost or ::1 as a quoted literal (with a port or not), or C's INADDR_LOOPBACK. */
const LOOPBACK = /(["'`])(127\.0\.0\.1|localhost|::1|\[::1\])(?::\d{1,5})?\1|\b(INADDR_LOOPBACK)\b|--(?:host|bind)[= ](127\.0\.0\.1|localhost)\b/;
/** What a line that binds a server says: listen, bind, host, Addr, Run, serve, inet_addr... */
const BINDING = /\b(listen|Listen|ListenAndServe|bind|host|hostname|HOST|Addr|Address|Run|run|serve|Serve|inet_addr|inet_pton|sin_addr|uvicorn|gunicorn)\b/;
const COMMENT = /^\s*(\/\/|#|\*|\/\*)/;

export function loopbackBind(sources: readonly { file: string; text: string }[]): LoopbackBind | undefined {
  for (const { file, text } of sources) {
    const lines = text.split('\n');
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index]!;
      if (COMMENT.test(line) || !BINDING.test(line)) continue;
      const match = LOOPBACK.exec(line);
      if (match) return { file, line: index + 1, address: match[2] ?? match[3] ?? match[4]! };
    }
  }
  return undefined;
}

/** The note the summary gives, naming the line. */
export const loopbackNote = (bind: LoopbackBind): Message =>
  SHARED_MESSAGES.message('note.loopback', { file: bind.file, line: bind.line, address: bind.address });
