import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KEY_ACTIONS, KEY_STATUSES, KEY_TRANSITIONS, keyWorkflow } from '../../src/modules/proposals/key.workflow.js';
import { DOC } from '../../scripts/workflow-docs.js';

/** docs/architecture.md draws the key-proposal table (重点提案) like the other workflows (npm run docs:workflows). */
describe('key-proposal workflow diagram', () => {
  const diagram = keyWorkflow.mermaid();

  it('has every status and every move of the table', () => {
    for (const [s, label] of Object.entries(KEY_STATUSES)) expect(diagram).toContain(`  ${s} : ${s} ${label}`);
    for (const a of KEY_ACTIONS) {
      const t = KEY_TRANSITIONS[a];
      if (t.to === 'same') for (const from of t.from) expect(diagram).toMatch(new RegExp(`note right of ${from} : .*${t.label}`));
      else for (const from of t.from) expect(diagram).toMatch(new RegExp(`  ${from} --> ${t.to} : .*${t.label}`));
    }
  });

  it('is in docs/architecture.md, in the generated workflows section', () => {
    const doc = fs.readFileSync(DOC, 'utf8');
    const section = doc.slice(doc.indexOf('<!-- workflows:begin'), doc.indexOf('<!-- workflows:end -->'));
    expect(section).toContain('### Key proposals and supervision (重点提案与督办)');
    expect(section).toContain('```mermaid\n' + diagram + '\n```');
  });
});
