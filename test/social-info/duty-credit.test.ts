import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forwardItem, recordResult } from '../../src/modules/social-info/index.js';
import { performanceModule } from '../../src/modules/performance/index.js';
import type { JobEngine } from '../../src/platform/jobs.js';
import { testDatabase } from '../support/db.js';
import { deliveriesDone, redeliver, startEngine } from '../support/jobs.js';
import { infoWorld, published } from './support.js';

describe('social information credits its authors on their duty records', () => {
  let engine: JobEngine;
  beforeAll(async () => {
    // What the server does at start-up: subscribers registered, then the job engine delivering.
    performanceModule().init!(testDatabase().db);
    engine = await startEngine();
  });
  afterAll(() => engine?.stop());

  it('a published item adopted by two destinations and instructed gives its author one record per credit, once', async () => {
    const w = await infoWorld();
    const { id } = await published(w, 0);
    await forwardItem(w.db, w.editor, id, { destinations: ['省政协', '市委'], forwardedOn: '2025-05-10' });
    await recordResult(w.db, w.editor, id, { kind: 'adoption', destination: '省政协', publication: '甘肃政协信息', onDate: '2025-05-20', text: '' });
    await recordResult(w.db, w.editor, id, { kind: 'adoption', destination: '市委', publication: null, onDate: '2025-05-21', text: '' });
    await recordResult(w.db, w.editor, id, { kind: 'instruction', destination: '市委', leader: '市委书记', level: 'city', onDate: '2025-05-25', text: '请市民政局研究落实' });
    // Delivered by the job engine; then once more by hand, as a second delivery would be (it must change nothing).
    await deliveriesDone(w.db, w.committeeId);
    expect(await redeliver(w.db, w.committeeId, 'performance.duty_records')).toBeGreaterThan(3);
    const { rows } = await w.db.execute<{ kind: string; member_id: string; role: string; status: string }>(sql`
      select r.kind, rm.member_id, rm.role, r.status from perf_duty_records r join perf_record_members rm on rm.record_id = r.id
       where r.committee_id = ${w.committeeId} and r.source_ref like ${'social-info:' + id + '%'} order by r.kind, rm.role`);
    expect(rows.map((r) => [r.kind, r.member_id, r.status])).toEqual([
      ['leader_instruction', w.members[0], 'verified'],
      ['social_info', w.members[0], 'verified'],
      ['social_info_adopted', w.members[0], 'verified'],
    ]);
  });
});
