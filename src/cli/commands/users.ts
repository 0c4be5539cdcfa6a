import type { Command } from 'commander';
import { knownOffices, knownRoles, type Grant } from '../../platform/access.js';
import { committeeIdByCode, createApiToken, createUser, resetPassword, userIdByUsername } from '../../modules/org/index.js';
import { systemActor, withDatabase } from '../context.js';
import { sql } from 'drizzle-orm';

export function register(program: Command) {
  const user = program.command('user').description('账号管理 / accounts');
  user
    .command('create')
    .description('创建账号 / create an account')
    .requiredOption('--committee <code>', '所属政协代码 / home committee code')
    .requiredOption('--username <name>')
    .requiredOption('--password <password>')
    .option('--name <displayName>', '姓名 / display name')
    .option('--role <role...>', `角色 / roles: ${knownRoles().join(', ')}; staff:<office> with office in ${knownOffices().join(', ')}`, [])
    .option('--admin', '平台管理员 / platform admin', false)
    .action((o) =>
      withDatabase('xieshang user create', async ({ db }) => {
        const committeeId = await committeeIdByCode(db, o.committee);
        const grants: Grant[] = (o.role as string[]).map((r) => {
          const [role, office] = r.split(':');
          if (!knownRoles().includes(role)) throw new Error(`未知角色 / unknown role: ${role}`);
          if (office && !knownOffices().includes(office)) throw new Error(`未知科室 / unknown office: ${office}`);
          return { role: role as Grant['role'], office: (office as Grant['office']) ?? null };
        });
        const id = await createUser(db, systemActor('user create'), {
          committeeId, username: o.username, displayName: o.name ?? o.username, password: o.password, isPlatformAdmin: o.admin, grants,
        });
        console.log(`已创建 / created ${o.username} (${id})`);
      }),
    );
  user
    .command('reset-password <username>')
    .description('重置密码；不给 --password 时生成一个并打印 / reset a password (generated and printed unless given)')
    .option('--password <password>')
    .action((username, o) =>
      withDatabase('xieshang user reset-password', async ({ db }) => {
        const id = await userIdByUsername(db, username);
        const pw = await resetPassword(db, systemActor('user reset-password'), id, o.password);
        console.log(o.password ? `已重置 / reset ${username}` : pw);
      }),
    );
  user
    .command('token <username>')
    .description('为用户创建个人 API 令牌并打印 / create a personal API token and print it')
    .option('--name <name>', '令牌名称 / token name', 'cli')
    .action((username, o) =>
      withDatabase('xieshang user token', async ({ db }) => {
        const id = await userIdByUsername(db, username);
        const { rows } = await db.execute<{ committee_id: string }>(sql`select committee_id from users where id = ${id}`);
        const t = await createApiToken(db, { ...systemActor('user token'), userId: id }, rows[0].committee_id, o.name);
        console.log(t.token);
      }),
    );
}
