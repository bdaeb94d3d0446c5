import type { Message } from '../explain/messages.js';
import type { Model } from './model.js';

/** A rule's summary is its catalog entry `lint.<id>` (core/lint/messages.ts). */
export interface Rule {
  readonly id: string;
  readonly check: (model: Model, report: (line: number, detail: Message) => void) => void;
}

export interface Finding {
  readonly rule: string;
  readonly line: number;
  /** Summary and detail in English, as `lint` prints them. */
  readonly message: string;
  /** The detail, to say in another language (core/lint/messages.ts). */
  readonly detail: Message;
}
