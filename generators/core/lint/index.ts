import { model } from './model.js';
import type { Finding, Rule } from './rule.js';
import { sayFinding } from './messages.js';
import { BUILDKIT_RULES } from './rules-buildkit.js';
import { HADOLINT_RULES } from './rules-hadolint.js';

export type { Finding } from './rule.js';

export const RULES: readonly Rule[] = [...HADOLINT_RULES, ...BUILDKIT_RULES];

/** Every finding of every rule, in line order. */
export function lint(content: string): Finding[] {
  const parsed = model(content);
  const findings: Finding[] = [];
  for (const rule of RULES) {
    rule.check(parsed, (line, detail) => {
      const finding = { rule: rule.id, line, detail };
      findings.push({ ...finding, message: sayFinding({ ...finding, message: '' }, 'en') });
    });
  }
  return findings.sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
}

export const formatFinding = (file: string, finding: Finding) => `${file}:${finding.line} ${finding.rule} ${finding.message}`;
