import { posix } from 'node:path';
import { UserError } from '../errors.js';
import { SHARED_MESSAGES } from '../explain/shared-messages.js';
import type { PlanBase } from '../types.js';
import { ERRORS } from '../explain/error-messages.js';

/** Languages whose runtime stage runs the app from its folder (/app), where a relative write lands. */
const RUNS_FROM_APP = new Set(['node', 'python']);

/**
 * Folders the runtime user owns (--writable, or where --verify --fix saw EACCES): a program that
 * writes `./data` or `static/app.min.js` where it runs, as uid 65532 in a root-owned /app.
 */
export function withWritable<P extends PlanBase>(plan: P, folders: readonly string[] | undefined): P {
  if (folders === undefined || folders.length === 0) return plan;
  if (!RUNS_FROM_APP.has(plan.language)) throw new UserError(ERRORS.message('error.writable.writable-apps-that', { language: plan.language }));
  if (plan.runtime === 'scratch') throw new UserError(ERRORS.message('error.writable.writable-needs-runtime'));
  return {
    ...plan,
    writable: {
      folders,
      copies: folders.map((folder, index) => {
        // The folder travels as an entry of a folder of its own, copied into its parent: COPY then
        // gives the folder itself to the user, even where the app's own COPY already made it root's.
        const parent = posix.dirname(folder);
        return {
          path: folder,
          stage: `/writable/${index}/${posix.basename(folder)}`,
          from: `/writable/${index}/`,
          target: folder.startsWith('/') ? (parent === '/' ? '/' : `${parent}/`) : parent === '.' ? './' : `./${parent}/`,
          fromContext: !folder.startsWith('/'),
        };
      }),
    },
    notes: [...plan.notes, SHARED_MESSAGES.message('note.writable', { folders: folders.join(', '), from: '--writable' })],
  };
}
