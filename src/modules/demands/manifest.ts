import { sql } from 'drizzle-orm';
import { registerAttachmentOwner } from '../../platform/attachments.js';
import { eventBus } from '../../platform/events.js';
import { defineFigure } from '../../platform/figures.js';
import type { Caller } from '../../platform/http/route-kit.js';
import { callerOf } from '../../platform/http/route-kit.js';
import { defineModule } from '../../platform/modules.js';
import { canSee } from './commands/access.js';
import { DEMAND_FILES, recordDemand } from './commands/create-demand.js';
import { erasePersonalData } from './commands/erase-personal-data.js';
import { recordConversionLink } from './commands/record-link.js';
import { figureQuery } from './contracts.js';
import { DemandPermissions as P } from './demands.policy.js';
import { findDemand } from './demands.repository.js';
import { demandRoutes, type PublicLimits } from './demands.routes.js';
import { demandWorkflow } from './domain/demand-workflow.js';
import { DEMAND_LINK_EVENTS } from './events.js';
import { demandFigures } from './queries/figures.js';
import { seedDemandsDemo } from './seed/demo.js';

const probe = { userId: null, label: 'probe' };
const office = (committeeId: string): Caller => ({ committeeId, actor: probe, grants: [{ role: 'staff', office: 'general' }], admin: false });
const PROBE_DEMAND = { channel: 'phone', kind: '基础设施', matter: '村口路灯损坏多日', personName: '王五', personPhone: '13912345678' } as const;

/** 群众诉求: intake (reception, field, phone, the public page), triage, answers, tracking and rating. */
export function demandsModule(limits: PublicLimits = { submit: 10 }) {
  return defineModule({
    name: 'demands',
    workflows: [demandWorkflow],
    routes: demandRoutes(limits),
    demoSeed: (db) => seedDemandsDemo(db),
    init(db) {
      // A demand's photos are exactly as visible as the demand.
      registerAttachmentOwner(DEMAND_FILES, async (_db, ctx, ownerId) => {
        const d = await findDemand(db, ctx.committeeId, ownerId);
        return !!d && canSee(callerOf(ctx), d);
      });
      eventBus.subscribe('demands.conversion_links', [...DEMAND_LINK_EVENTS], (e) => recordConversionLink(db, e).then(() => undefined));
    },
    jobs: [
      {
        name: 'demands.erase_personal_data',
        cron: '45 3 * * *', // 03:45 China time
        run: async (db) => `erased the personal data of ${await erasePersonalData(db)} closed demands past retention`,
      },
    ],
    figures: [
      defineFigure({
        name: 'demands', title: { zh: '群众诉求（按来源、类别、状态、答复用时）', en: "People's demands by source, kind, state and time to answer" },
        permission: P['demands.oversee'], query: figureQuery, example: { scope: 'self' },
        compute: (db, scope, q) => demandFigures(db, scope, q.year),
      }),
    ],
    probeFixtures: {
      demand: async (db, committeeId) => (await recordDemand(db, office(committeeId), PROBE_DEMAND)).id,
      demand_portal: async (db, committeeId) => {
        const { rows } = await db.execute<{ code: string }>(sql`select code from committees where id = ${committeeId}`);
        return rows[0].code;
      },
      demand_tracking: async (db, committeeId) => (await recordDemand(db, office(committeeId), PROBE_DEMAND)).trackingCode,
    },
  });
}
