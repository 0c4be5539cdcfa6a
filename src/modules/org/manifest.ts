import { sql } from 'drizzle-orm';
import { defineModule } from '../../platform/modules.js';
import { transact } from '../../platform/db/unit-of-work.js';
import { authRoutes } from './auth/auth.routes.js';
import { committeeRoutes } from './committees/committee.routes.js';
import { memberRoutes } from './members/member.routes.js';
import { memberImportRoutes } from './members/member-import.routes.js';
import { unitRoutes } from './units/unit.routes.js';
import { userRoutes } from './users/user.routes.js';
import { createMember } from './members/member.commands.js';
import { createUnit } from './units/unit.commands.js';
import { createUser } from './users/user.commands.js';
import { createApiToken } from './auth/auth.commands.js';
import type { LoginPolicy } from './auth/auth.commands.js';
import { seedDemo } from './seed/demo.js';
import { memberSearch } from './members/member-search.js';

const system = { userId: null, label: 'probe' };

export function orgModule(opts: LoginPolicy & { cookieSecure: boolean; loginRateLimit: number }) {
  return defineModule({
    name: 'org',
    demoSeed: (db, o) => seedDemo(db, o),
    routes: [...authRoutes(opts), ...committeeRoutes, ...memberRoutes, ...memberImportRoutes, ...unitRoutes, ...userRoutes],
    search: [memberSearch],
    jobs: [
      {
        name: 'org.purge_expired_sessions',
        cron: '15 * * * *', // hourly
        async run(db) {
          const res = await db.execute(sql`delete from auth_sessions where expires_at < now()`);
          return `${res.rowCount ?? 0} expired sessions removed`;
        },
      },
    ],
    probeFixtures: {
      member: async (db, committeeId) => (await createMember(db, system, committeeId, { name: '他会委员', gender: 'male' })).id,
      unit: (db, committeeId) => createUnit(db, system, committeeId, { name: '他会单位' + Math.random().toString(36).slice(2, 7) }),
      user: (db, committeeId) =>
        createUser(db, system, {
          committeeId, username: 'probe-' + Math.random().toString(36).slice(2, 10), displayName: '他会用户',
          password: 'probe-password', grants: [{ role: 'leader' }],
        }),
      api_token: async (db, committeeId) => {
        const userId = await createUser(db, system, {
          committeeId, username: 'probe-' + Math.random().toString(36).slice(2, 10), displayName: '他会用户',
          password: 'probe-password', grants: [{ role: 'leader' }],
        });
        return (await createApiToken(db, { ...system, userId }, committeeId, 'probe')).id;
      },
      import_job: async (db, committeeId) =>
        transact(db, system, async (uow) => {
          const { rows } = await uow.tx.execute<{ id: string }>(sql`
            insert into import_jobs (committee_id, kind, status) values (${committeeId}, 'members', 'succeeded') returning id`);
          return rows[0].id;
        }),
    },
  });
}
