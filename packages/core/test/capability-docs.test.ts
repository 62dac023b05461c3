import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DOC_PATH,
  END_MARKER,
  renderCapabilityMatrix,
  START_MARKER,
  spliceCapabilityMatrix,
  staleCapabilityMatrix,
  WRITE_COMMAND,
} from '../../../scripts/capability-matrix.mjs';
import { CAPABILITIES } from '../src/index.js';

// docs/capabilities.md is generated from the descriptors; this keeps the page honest.
const doc = readFileSync(DOC_PATH, 'utf8');

describe('docs/capabilities.md', () => {
  it('holds the matrix rendered from CAPABILITIES', () => {
    const problem = staleCapabilityMatrix(doc, renderCapabilityMatrix(CAPABILITIES));
    expect(problem, problem).toBeUndefined();
  });

  it('is reported stale when a descriptor value changes', () => {
    const changed = structuredClone(CAPABILITIES);
    changed.ozon.text.maxLength = 2000;
    const problem = staleCapabilityMatrix(doc, renderCapabilityMatrix(changed));
    expect(problem).toContain('1–2000 characters');
    expect(problem).toContain('1–1000 characters');
    expect(problem).toContain(WRITE_COMMAND);
  });

  it('is reported stale when a note is added', () => {
    const changed = structuredClone(CAPABILITIES);
    changed.storeden.notes.push('A new fact about Storeden.');
    expect(staleCapabilityMatrix(doc, renderCapabilityMatrix(changed))).toContain('(nothing)');
  });

  it('is reported when the markers are gone, and --write puts the matrix back between them', () => {
    const matrix = renderCapabilityMatrix(CAPABILITIES);
    expect(staleCapabilityMatrix('# no markers', matrix)).toContain(START_MARKER);
    const emptied = `intro\n${START_MARKER}\nold\n${END_MARKER}\noutro\n`;
    const written = spliceCapabilityMatrix(emptied, matrix);
    expect(written.startsWith(`intro\n${START_MARKER}\n`)).toBe(true);
    expect(written.endsWith(`${END_MARKER}\noutro\n`)).toBe(true);
    expect(staleCapabilityMatrix(written, matrix)).toBeUndefined();
  });

  it('shows every marketplace and every descriptor limit a user meets', () => {
    for (const caps of Object.values(CAPABILITIES)) {
      expect(doc).toContain(caps.displayName);
      for (const note of caps.notes) expect(doc).toContain(note);
    }
    expect(doc).toContain('| Send text | at least 1 character, no documented maximum | 1–4096 characters |');
  });
});
