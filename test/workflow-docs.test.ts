import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOC, renderDoc } from '../scripts/workflow-docs.js';

describe('docs/architecture.md', () => {
  it('shows the workflow diagrams drawn from the current transition tables (npm run docs:workflows)', () => {
    const doc = fs.readFileSync(DOC, 'utf8');
    expect(renderDoc(doc)).toBe(doc);
    expect(doc).toContain('stateDiagram-v2');
  });
});
