import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createIssue, createPeriodical, releaseIssue, sendToSignOff, signIssue } from '../../src/modules/social-info/index.js';
import { editing, failsWith, infoWorld, type World } from './support.js';

async function signedIssue(w: World, periodicalId: string, year: number) {
  const item = await editing(w);
  const issueId = await createIssue(w.db, w.editor, { periodicalId, year });
  await sendToSignOff(w.db, w.editor, item, { issueId });
  await signIssue(w.db, w.leader, issueId);
  return issueId;
}

describe('issue numbering per periodical per year', () => {
  it('20 concurrent releases get 1..20 without gaps or duplicates; another periodical and another year count on their own', async () => {
    const w = await infoWorld();
    const special = await createPeriodical(w.db, w.editor, { name: '专报' });
    const issues: string[] = [];
    for (let i = 0; i < 20; i++) issues.push(await signedIssue(w, w.periodicalId, 2025));
    const others = [await signedIssue(w, special, 2025), await signedIssue(w, w.periodicalId, 2026)];

    const results = await Promise.all([...issues, ...others].map((id) => releaseIssue(w.db, w.editor, id)));
    expect(results.slice(0, 20).map((r) => r.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(results.slice(20).map((r) => r.number)).toEqual([1, 1]);

    const { rows } = await w.db.execute<{ number: number }>(sql`select number from social_info_issues
      where committee_id = ${w.committeeId} and periodical_id = ${w.periodicalId} and year = 2025 order by number`);
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    await failsWith(releaseIssue(w.db, w.editor, issues[0]), 'social_info.issue_status');
  }, 120_000);

  it('an issue cannot be signed empty, and items cannot join a signed issue', async () => {
    const w = await infoWorld();
    const empty = await createIssue(w.db, w.editor, { periodicalId: w.periodicalId, year: 2025 });
    await failsWith(signIssue(w.db, w.leader, empty), 'social_info.issue_empty');
    const signed = await signedIssue(w, w.periodicalId, 2025);
    const item = await editing(w);
    await failsWith(sendToSignOff(w.db, w.editor, item, { issueId: signed }), 'social_info.issue_not_draft');
  });
});
