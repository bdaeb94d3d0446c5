import type { Message } from '../../generators/core/explain/messages.js';
import { PIPELINE } from '../../generators/pipeline/index.js';

/** A note as the CLI summary says it: in English, from the catalogs. */
export const sayNote = (note: Message): string => PIPELINE.say(note);
