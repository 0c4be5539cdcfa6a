import { AppError } from '../../platform/errors.js';
import { chinaDate, yearOf } from '../../platform/time.js';
import { defineWorkbench, groupOf, type WorkbenchGroup, type WorkbenchProgress } from '../../platform/workbench.js';
import { PerformancePermissions as P } from './performance.policy.js';
import { getMemberStanding } from './queries/member-standing.js';
import { listRecords, type RecordRow } from './record.repository.js';

const entry = (r: RecordRow, link: string) => ({ id: r.id, title: r.title, link, note: r.occurredOn });

/**
 * What waits in 履职: for the member-affairs office, self-reported records to verify (核实); for a
 * member, records sent back and the standing against the quotas of their role (三个一 / 五个一, as
 * the live standing computes them).
 */
export const performanceWorkbench = defineWorkbench({
  name: 'performance',
  async load(db, { caller, can, today }) {
    const c = caller.committeeId;
    const year = yearOf(chinaDate());
    const pending: WorkbenchGroup[] = [];
    const progress: WorkbenchProgress[] = [];
    if (can(P['performance.verify'])) {
      const r = await listRecords(db, c, { status: 'submitted', page: 1, pageSize: 5 });
      pending.push(groupOf('performance.to_verify', '/performance/verification', r.items.map((x) => entry(x, '/performance/verification')), r.total, today));
    }
    const memberIds = caller.grants.filter((g) => g.role === 'member' && g.memberId).map((g) => g.memberId!);
    for (const memberId of memberIds) {
      const r = await listRecords(db, c, { memberIds: [memberId], status: 'rejected', year, page: 1, pageSize: 5 });
      pending.push(groupOf('performance.rejected', '/performance', r.items.map((x) => entry(x, '/performance')), r.total, today));
      // A member who has left is no longer scored: no standing to show, not an error on the home.
      const standing = await getMemberStanding(db, c, memberId, year).catch((e: unknown) => {
        if (e instanceof AppError && e.code === 'performance.member_not_found') return null;
        throw e;
      });
      if (!standing) continue;
      for (const q of standing.quotas) {
        progress.push({
          kind: 'performance.quota', label: q.label, met: q.met, link: '/performance',
          parts: q.requirements.map((x) => ({ label: x.label, done: x.count, target: x.min, met: x.met })),
        });
      }
    }
    return { pending, changes: [], progress };
  },
});
