import type { Model } from './model.js';

export interface Rule {
  readonly id: string;
  readonly summary: string;
  readonly check: (model: Model, report: (line: number, detail: string) => void) => void;
}

export interface Finding {
  readonly rule: string;
  readonly line: number;
  readonly message: string;
}
