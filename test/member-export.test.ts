import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember, type MemberInput, type MemberView } from '../src/modules/org/index.js';
import { loginAs, testApp, type Session } from './support/app.js';
import { testDatabase } from './support/db.js';
import { makeCommittee, makeUser } from './support/factories.js';

const HEADER = ['姓名*', '性别*', '民族', '出生日期', '党派', '界别', '专委会', '职务', '工作单位', '职务职称', '手机号', '状态', '离任日期', '离任原因'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function load(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  return wb;
}

const headerOf = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1);

function multipart(buffer: Buffer, fileName: string) {
  const boundary = '----xieshang' + crypto.randomBytes(8).toString('hex');
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${XLSX}\r\n\r\n`),
    buffer,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function waitForJob(s: Session, jobId: string) {
  for (let i = 0; i < 600; i++) {
    const job = (await s.request({ method: 'GET', url: `/api/members/import/${jobId}` })).json();
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import job did not finish');
}

describe('member template and export', () => {
  const db = testDatabase().db;
  const actor = { userId: null, label: 'test' };
  let app: FastifyInstance;
  let a: Awaited<ReturnType<typeof makeCommittee>>;
  let b: Awaited<ReturnType<typeof makeCommittee>>;
  let staffA: Session;
  let staffB: Session;
  let leaderA: Session;
  let memberA: Session;

  beforeAll(async () => {
    app = await testApp();
    a = await makeCommittee(db);
    b = await makeCommittee(db);
    staffA = await loginAs(app, (await makeUser(db, a.id, [{ role: 'staff', office: 'member_affairs' }])).username);
    staffB = await loginAs(app, (await makeUser(db, b.id, [{ role: 'staff', office: 'general' }])).username);
    leaderA = await loginAs(app, (await makeUser(db, a.id, [{ role: 'leader' }])).username);
    memberA = await loginAs(app, (await makeUser(db, a.id, [{ role: 'member' }])).username);
    const add = (m: Partial<MemberInput>) => createMember(db, actor, a.id, m as MemberInput);
    await add({ name: '往返甲', gender: 'male', birthDate: '1968-02-29', party: '中共党员', sectorId: a.sectorIds[0], specialCommitteeId: a.specialIds[0], roles: ['member', 'standing', 'chair'], employer: '定西市第一中学', title: '校长', phone: '13700000001' });
    await add({ name: '往返乙', gender: 'female', ethnicity: '回族', sectorId: a.sectorIds[1], phone: '13700000002' });
    await add({ name: '往返丙', gender: 'female', sectorId: a.sectorIds[2], roles: ['member', 'secretary_general'], status: 'left', leftAt: '2024-03-01', leftReason: '工作调动' });
  });
  afterAll(() => app?.close());

  it('downloads the template: the headers, no example row, dropdowns with the committee\'s sectors, instructions', async () => {
    const res = await staffA.request({ method: 'GET', url: '/api/members/import-template.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('委员导入模板.xlsx')}`);
    const wb = await load(res.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['委员名单', '填写说明', '下拉选项']);
    const ws = wb.getWorksheet('委员名单')!;
    expect(headerOf(ws)).toEqual(HEADER);
    expect(ws.actualRowCount).toBe(1);
    // 界别 is column F; its dropdown points at the list of this committee's sectors.
    const rule = (ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
    const sectorRule = Object.entries(rule).find(([addr]) => addr.startsWith('F2'))?.[1];
    expect(sectorRule?.type).toBe('list');
    const lists = wb.getWorksheet('下拉选项')!;
    const col = /\$([A-Z]+)\$2/.exec(sectorRule!.formulae[0])![1];
    const sectorNames = lists.getColumn(col).values.slice(2);
    expect(sectorNames).toEqual(['教育界', '经济界', '中国共产党']);
    const help = wb.getWorksheet('填写说明')!;
    const text = help.getColumn(2).values.join('\n');
    expect(text).toContain('委员/常委/副主席/主席/秘书长');
    expect(text).toContain('YYYY-MM-DD');
    expect(text).toContain('11 位');
  });

  it('exports the roster with the template\'s columns and Chinese labels, filtered like the list', async () => {
    const res = await leaderA.request({ method: 'GET', url: '/api/members/export.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/filename\*=UTF-8''/);
    const ws = (await load(res.rawPayload)).worksheets[0];
    expect(ws.name).toBe('委员名单');
    expect(headerOf(ws)).toEqual(HEADER);
    const rows = new Map<string, unknown[]>();
    ws.eachRow((r, n) => n > 1 && rows.set(String(r.getCell(1).value), (r.values as unknown[]).slice(1)));
    expect([...rows.keys()].sort()).toEqual(['往返丙', '往返乙', '往返甲']);
    expect(rows.get('往返甲')).toEqual(['往返甲', '男', '汉族', '1968-02-29', '中共党员', '教育界', '提案委员会', '委员、常委、主席', '定西市第一中学', '校长', '13700000001', '在任']);
    expect(rows.get('往返丙')!.slice(11)).toEqual(['离任', '2024-03-01', '工作调动']);

    const active = await leaderA.request({ method: 'GET', url: '/api/members/export.xlsx?status=left' });
    const activeWs = (await load(active.rawPayload)).worksheets[0];
    expect(activeWs.actualRowCount).toBe(2);
    expect(activeWs.getRow(2).getCell(1).value).toBe('往返丙');
    const byName = await leaderA.request({ method: 'GET', url: '/api/members/export.xlsx?q=' + encodeURIComponent('往返乙') });
    expect((await load(byName.rawPayload)).worksheets[0].actualRowCount).toBe(2);

    expect((await memberA.request({ method: 'GET', url: '/api/members/export.xlsx' })).statusCode).toBe(403);
  });

  it('an export imports again into another committee with the same records', async () => {
    const exported = await staffA.request({ method: 'GET', url: '/api/members/export.xlsx' });
    const up = await staffB.request({ method: 'POST', url: '/api/members/import', ...multipart(exported.rawPayload, 'export.xlsx') });
    expect(up.statusCode, up.body).toBe(202);
    const job = await waitForJob(staffB, up.json().jobId);
    expect(job).toMatchObject({ status: 'succeeded', imported: 3 });

    const list = async (s: Session) => {
      const items = (await s.request({ method: 'GET', url: '/api/members?pageSize=50' })).json().items as MemberView[];
      return items
        .map(({ id: _id, sectorId: _s, specialCommitteeId: _sc, ...rest }) => rest)
        .sort((x, y) => x.name.localeCompare(y.name));
    };
    expect(await list(staffB)).toEqual(await list(staffA));
  });
});
