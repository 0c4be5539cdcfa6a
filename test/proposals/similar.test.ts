import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { idfFor } from '../../src/platform/text/index.js';
import { createDraft, fileProposal, similarToProposal, similarToText, submitProposal } from '../../src/modules/proposals/index.js';
import { matchTokens, rankBySimilarity } from '../../src/modules/proposals/domain/matching.js';
import { EVAL_DOCS } from '../../src/modules/proposals/eval/documents.js';
import { applyDocumentFrequencies } from '../../src/modules/proposals/search.repository.js';
import { pgArrayLiteral } from '../../src/platform/db/pg-array.js';
import { committeeStats, forgetStats } from '../../src/modules/proposals/queries/similar-retrieval.js';
import { proposalWorld, type World } from './support.js';

/**
 * The similar-proposal check against a brute force: every proposal of the committee past the
 * draft scored with document frequencies read afresh. The check's retrieval (per-committee token
 * keys) and its frequencies kept in memory must give the same scores, follow every submission,
 * and never reach another committee.
 */
/** Document count and frequencies of the given words, read from the table (not the check's cache). */
async function documentFrequencies(w: World, tokens: readonly string[]) {
  const { rows } = await w.db.execute<{ token: string; df: number }>(sql`
    select token, df from proposal_token_df where committee_id = ${w.committeeId}
       and token in (select jsonb_array_elements_text(${JSON.stringify(['', ...tokens])}::jsonb))`);
  const df = new Map(rows.map((r) => [r.token, Number(r.df)]));
  return { n: df.get('') ?? 0, df };
}

async function bruteForce(w: World, text: string) {
  const { rows } = await w.db.execute<{ id: string; tokens: string[]; titleTokens: string[] }>(sql`
    select id, tokens, title_tokens as "titleTokens" from proposals where committee_id = ${w.committeeId} and state not in ('draft', 'withdrawn')`);
  const query = matchTokens('', text);
  const stats = await documentFrequencies(w, [...new Set([...query.tokens, ...rows.flatMap((r) => r.tokens)])]);
  const idf = idfFor({ n: stats.n, df: (t) => stats.df.get(t) ?? 0 });
  return new Map(rankBySimilarity(query, rows, idf, 1000).map((c) => [c.item.id, c.score]));
}

async function file(w: World, title: string, body: string) {
  const id = await createDraft(w.db, w.member(5), { title, body, category: '其他' });
  await submitProposal(w.db, w.member(5), id);
  await fileProposal(w.db, w.office, id);
  return id;
}

describe('similar proposals: retrieval, statistics kept in memory, tenancy', () => {
  let w: World;
  let other: World;
  const otherIds: string[] = [];
  const firsts = EVAL_DOCS.filter((d) => d.id.endsWith('.1'));

  beforeAll(async () => {
    w = await proposalWorld({ units: 0 });
    other = await proposalWorld({ units: 0 });
    for (const d of firsts) await file(w, d.title, d.body);
    // The same texts in another committee: never a candidate of the first.
    for (const d of firsts.slice(0, 6)) otherIds.push(await file(other, d.title, d.body));
  });

  it('scores what a brute force over the whole committee scores, best first', async () => {
    for (const d of EVAL_DOCS.filter((x) => x.id.endsWith('.2')).slice(0, 8)) {
      const text = `${d.title}\n${d.body}`;
      const res = await similarToText(w.db, w.office, text, { limit: 10 });
      const expected = await bruteForce(w, text);
      expect(res.items.length, d.id).toBeGreaterThan(0);
      for (const item of res.items) expect(item.score, `${d.id} ${item.title}`).toBe(expected.get(item.id));
      // The best match of the whole committee is found (its score; ties may come in either order).
      expect(res.items[0].score, d.id).toBe(Math.max(...expected.values()));
      expect(res.items.some((i) => otherIds.includes(i.id))).toBe(false);
    }
  });

  it('follows each submission: new proposals and the new counts are used at once', async () => {
    const d = EVAL_DOCS.find((x) => x.id === 'potato.seed.2')!;
    const text = `${d.title}\n${d.body}`;
    const before = await similarToText(w.db, w.office, text, { limit: 10 });
    const n0 = (await committeeStats(w.db, w.committeeId)).n;
    const id = await createDraft(w.db, w.member(4), { title: d.title, body: d.body, category: '其他' });
    expect((await similarToText(w.db, w.office, text, { limit: 10 })).items.map((i) => i.id)).not.toContain(id); // a draft is not counted
    await submitProposal(w.db, w.member(4), id);
    const after = await similarToText(w.db, w.office, text, { limit: 10 });
    expect(after.items[0]).toMatchObject({ id, score: 1, likelyDuplicate: true, stateLabel: expect.any(String) });
    expect((await committeeStats(w.db, w.committeeId)).n).toBe(n0 + 1);
    const expected = await bruteForce(w, text);
    for (const item of after.items) expect(item.score, item.title).toBe(expected.get(item.id));
    // One more document changes every idf: the earlier best match scores differently now.
    expect(after.items.find((i) => i.id === before.items[0].id)?.score).toBe(expected.get(before.items[0].id));
    // Read with nothing in memory: the same answer.
    forgetStats();
    expect(await similarToText(w.db, w.office, text, { limit: 10 })).toEqual(after);
    // Merge candidates of the new proposal: the earlier one of the same matter, not itself.
    const merge = await similarToProposal(w.db, w.office, id, 5);
    expect(merge.items.map((i) => i.id)).not.toContain(id);
    expect(merge.items[0].title).toBe(EVAL_DOCS.find((x) => x.id === 'potato.seed.1')!.title);
  });

  it('sees changes made earlier in the same transaction, and forgets them when it rolls back', async () => {
    const word = '测试专用词';
    await w.db
      .transaction(async (tx) => {
        expect((await committeeStats(tx, w.committeeId)).df.get(word)).toBeUndefined();
        await applyDocumentFrequencies(tx, w.committeeId, [], [word], 0);
        expect((await committeeStats(tx, w.committeeId)).df.get(word)).toBe(1);
        // A second change by the same transaction (same xmin): still seen.
        await applyDocumentFrequencies(tx, w.committeeId, [], [word], 0);
        expect((await committeeStats(tx, w.committeeId)).df.get(word)).toBe(2);
        tx.rollback();
      })
      .catch((e: Error) => {
        if (!/rollback/i.test(e.message)) throw e;
      });
    expect((await committeeStats(w.db, w.committeeId)).df.get(word)).toBeUndefined();
  });

  it('a committee without statistics yet has no similar proposals', async () => {
    const empty = await proposalWorld({ units: 0 });
    const res = await similarToText(empty.db, empty.office, `${firsts[0].title}\n${firsts[0].body}`, { limit: 10 });
    expect(res.items).toEqual([]);
  });

  it('sends word lists as one array parameter, whatever the words hold', async () => {
    const words = ['马铃薯', 'a"b', 'c\\d', 'e,f', '{g}', 'NULL', ' h ', ''];
    const { rows } = await w.db.execute<{ a: string[] }>(sql`select ${pgArrayLiteral(words)}::text[] as a`);
    expect(rows[0].a).toEqual(words);
    const { rows: empty } = await w.db.execute<{ a: string[] }>(sql`select ${pgArrayLiteral([])}::text[] as a`);
    expect(empty[0].a).toEqual([]);
  });
});
