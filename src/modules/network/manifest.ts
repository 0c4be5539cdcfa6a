import { registerAttachmentOwner } from '../../platform/attachments.js';
import { defineFigure } from '../../platform/figures.js';
import { callerOf } from '../../platform/http/route-kit.js';
import type { JobDef } from '../../platform/jobs.js';
import { defineModule } from '../../platform/modules.js';
import { createMember } from '../org/index.js';
import { createCarePair } from './commands/care.js';
import { createPlace, PLACE_PHOTO_OWNER } from './commands/places.js';
import { addReceptionRule, recordReception } from './commands/receptions.js';
import { createRegion } from './commands/regions.js';
import { remindReceptionDuties } from './commands/remind-duties.js';
import { figureQuery, yearFigureQuery } from './contracts.js';
import { NetworkPermissions as P, type Caller } from './network.policy.js';
import { findPlace } from './network.repository.js';
import { networkRoutes } from './network.routes.js';
import { seedNetworkDemoSummary } from './seed/demo.js';
import { coverageFigures, placedFigures, placeFigures, receptionFigures } from './queries/figures.js';

const probe = { userId: null, label: 'probe' };
const office = (committeeId: string): Caller => ({ committeeId, actor: probe, grants: [{ role: 'staff', office: 'member_affairs' }], admin: false });

/** A place with one member placed, in the given committee, through the real commands (for the access probe). */
async function probePlace(db: Parameters<typeof createRegion>[0], committeeId: string) {
  const member = await createMember(db, probe, committeeId, { name: '他会委员', gender: 'male' } as never);
  const code = String(620000000000 + Math.floor(Math.random() * 999999999));
  const regionId = await createRegion(db, office(committeeId), { level: 'village', code, name: '探针村' });
  const placeId = await createPlace(db, office(committeeId), {
    type: 'room', name: `探针议事室${code}`, regionId, members: [{ memberId: member.id, role: '驻室委员' }],
  });
  return { placeId, memberId: member.id };
}

export const reminderJob: JobDef = {
  name: 'network.reception_reminders',
  cron: '0 9 * * *', // 09:00 China time: the day before each reception day
  async run(db) {
    return `${await remindReceptionDuties(db)} reminders`;
  },
};

/** 委员联系群众阵地: regions, places, reception days with visit logs, care pairings, the network's figures and map. */
export function networkModule() {
  return defineModule({
    name: 'network',
    routes: networkRoutes,
    jobs: [reminderJob],
    demoSeed: (db, o) => seedNetworkDemoSummary(db, o),
    init() {
      // A place's photos are as public as the place: anyone who may read the committee's network.
      registerAttachmentOwner(PLACE_PHOTO_OWNER, async (db, ctx, ownerId) => callerOf(ctx).grants.length > 0 && !!(await findPlace(db, ctx.committeeId, ownerId)));
    },
    figures: [
      defineFigure({
        name: 'places', title: { zh: '阵地数量（按类型、县区）', en: 'Places by type and county' },
        permission: P['network.oversee'], query: figureQuery, example: { scope: 'self' }, compute: (db, scope) => placeFigures(db, scope),
      }),
      defineFigure({
        name: 'coverage', title: { zh: '协商议事室覆盖率（有议事室的村/全部村）', en: 'Villages with a consultation room' },
        permission: P['network.oversee'], query: figureQuery, example: { scope: 'self' }, compute: (db, scope) => coverageFigures(db, scope),
      }),
      defineFigure({
        name: 'members-placed', title: { zh: '下沉委员', en: 'Members placed' },
        permission: P['network.oversee'], query: figureQuery, example: { scope: 'self' }, compute: (db, scope) => placedFigures(db, scope),
      }),
      defineFigure({
        name: 'receptions', title: { zh: '委员接待日与结对关爱', en: 'Receptions held and care visits' },
        permission: P['network.oversee'], query: yearFigureQuery, example: { scope: 'self', year: '2026' },
        compute: (db, scope, q) => receptionFigures(db, scope, q.year),
      }),
    ],
    probeFixtures: {
      network_place: async (db, committeeId) => (await probePlace(db, committeeId)).placeId,
      network_rule: async (db, committeeId) => {
        const { placeId, memberId } = await probePlace(db, committeeId);
        return addReceptionRule(db, office(committeeId), placeId, { kind: 'weekly', days: [3], memberIds: [memberId], startsOn: '2026-01-01' });
      },
      network_reception: async (db, committeeId) => {
        const { placeId, memberId } = await probePlace(db, committeeId);
        return recordReception(db, office(committeeId), placeId, { heldOn: '2026-01-07', memberIds: [memberId] });
      },
      network_care: async (db, committeeId) => {
        const member = await createMember(db, probe, committeeId, { name: '他会委员', gender: 'female' } as never);
        return createCarePair(db, office(committeeId), { memberId: member.id, personName: '王奶奶', situation: '独居老人', startedOn: '2026-01-05' });
      },
    },
  });
}
