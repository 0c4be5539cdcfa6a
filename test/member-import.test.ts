import { sql } from 'drizzle-orm';
import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember } from '../src/modules/org/index.js';
import { readMemberWorkbook, writeMemberWorkbook } from '../src/modules/org/members/member-xlsx.js';
import type { MemberView } from '../src/modules/org/contracts.js';
import { loginAs, testApp, type Session } from './support/app.js';
import { testDatabase } from './support/db.js';
import { countRows, makeCommittee, makeUser } from './support/factories.js';
import { WAIT_MS } from './support/wait.js';

const HEADER = ['姓名*', '性别*', '民族', '出生日期', '党派', '界别', '专委会', '职务', '工作单位', '职务职称', '手机号', '状态', '离任日期', '离任原因'];
type Cell = string | number | Date | null | undefined;

/** A workbook the way a person would make one: the given header and rows on the first sheet. */
async function workbook(rows: Cell[][], header: Cell[] = HEADER, opts: { titleRow?: string } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('委员名单');
  if (opts.titleRow) ws.addRow([opts.titleRow]);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A multipart/form-data body with one file field. */
function multipart(buffer: Buffer, fileName: string, field = 'file') {
  const boundary = '----xieshang' + crypto.randomBytes(8).toString('hex');
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
      'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n'),
    buffer,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

interface Job {
  id: string;
  status: 'running' | 'succeeded' | 'failed';
  total: number;
  processed: number;
  imported: number;
  errors: { row: number; column: string; reason: string }[];
  message: string | null;
}

async function upload(s: Session, buffer: Buffer, fileName = 'members.xlsx') {
  return s.request({ method: 'POST', url: '/api/members/import', ...multipart(buffer, fileName) });
}

async function waitForJob(s: Session, jobId: string): Promise<Job> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const res = await s.request({ method: 'GET', url: `/api/members/import/${jobId}` });
    expect(res.statusCode).toBe(200);
    const job = res.json() as Job;
    if (job.status !== 'running') return job;
    if (Date.now() > deadline) throw new Error('import job did not finish');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function importFile(s: Session, buffer: Buffer): Promise<Job> {
  const res = await upload(s, buffer);
  expect(res.statusCode, res.body).toBe(202);
  return waitForJob(s, res.json().jobId);
}

describe('member import from .xlsx', () => {
  const db = testDatabase().db;
  let app: FastifyInstance;
  let c: Awaited<ReturnType<typeof makeCommittee>>;
  let other: Awaited<ReturnType<typeof makeCommittee>>;
  let staff: Session;
  let otherStaff: Session;
  let member: Session;

  beforeAll(async () => {
    app = await testApp();
    c = await makeCommittee(db);
    other = await makeCommittee(db);
    staff = await loginAs(app, (await makeUser(db, c.id, [{ role: 'staff', office: 'member_affairs' }])).username);
    otherStaff = await loginAs(app, (await makeUser(db, other.id, [{ role: 'staff', office: 'general' }])).username);
    member = await loginAs(app, (await makeUser(db, c.id, [{ role: 'member' }])).username);
  });
  afterAll(() => app?.close());

  it('imports a good file: every row, findable by name, cells converted', async () => {
    const before = await countRows(db, 'members', c.id);
    // Columns in another order, header spaces and missing '*', dates as Date / Excel day number / text, phone as a number.
    const header = ['姓 名', '性别', '界别', '职务', '出生日期', '手机号', '专委会', '状态', '离任日期', '离任原因', '工作单位'];
    const buffer = await workbook([
      ['导入甲', '男', '教育界', '常委、副主席', new Date(Date.UTC(1970, 4, 1)), 13900000001, '提案委员会', '在任', null, null, '第一中学'],
      ['导入乙', '女', '经济界', null, 25569, '13900000002', null, null, null, null, null],
      [null, null, null, null, null, null, null, null, null, null, null],
      ['导入丙', '女', '中国共产党', '委员', '1975/3/8', null, '经济委员会', '离任', '2024-06-30', '工作调动', null],
    ], header);
    const job = await importFile(staff, buffer);
    expect(job).toMatchObject({ status: 'succeeded', imported: 3, total: 3, processed: 3, errors: [] });
    expect(await countRows(db, 'members', c.id)).toBe(before + 3);

    const res = await staff.request({ method: 'GET', url: '/api/members?q=' + encodeURIComponent('导入') + '&pageSize=50' });
    const items = res.json().items as MemberView[];
    const byName = new Map(items.map((m) => [m.name, m]));
    expect([...byName.keys()].sort()).toEqual(['导入丙', '导入乙', '导入甲']);
    expect(byName.get('导入甲')).toMatchObject({
      gender: 'male', sectorName: '教育界', specialCommitteeName: '提案委员会', roles: ['member', 'standing', 'vice_chair'],
      birthDate: '1970-05-01', phone: '13900000001', status: 'active', employer: '第一中学', ethnicity: '汉族',
    });
    expect(byName.get('导入乙')).toMatchObject({ gender: 'female', sectorName: '经济界', roles: ['member'], birthDate: '1970-01-01', phone: '13900000002' });
    expect(byName.get('导入丙')).toMatchObject({ birthDate: '1975-03-08', status: 'left', leftAt: '2024-06-30', leftReason: '工作调动', specialCommitteeName: '经济委员会' });
  });

  it('a file with bad rows imports nothing and reports every bad row with row, column and reason', async () => {
    await createMember(db, { userId: null, label: 'test' }, c.id, { name: '已有委员', gender: 'male', phone: '13800000099' } as never);
    const before = await countRows(db, 'members', c.id);
    const row = (name: Cell, gender: Cell, opts: { sector?: Cell; phone?: Cell; birth?: Cell; roles?: Cell; status?: Cell } = {}): Cell[] =>
      [name, gender, null, opts.birth ?? null, null, opts.sector ?? null, null, opts.roles ?? null, null, null, opts.phone ?? null, opts.status ?? null, null, null];
    const buffer = await workbook([
      row('好委员', '男', { phone: '13800000001' }), // row 2: fine
      row(null, '女'), // 3: missing name
      row('性别错', '未知'), // 4: bad gender
      row('界别错', '男', { sector: '体育界' }), // 5: unknown sector
      row('重复号', '女', { phone: '13800000001' }), // 6: same phone as row 2
      row('占用号', '男', { phone: '13800000099' }), // 7: phone of an existing member
      row('日期错', '女', { birth: '1975-13-01' }), // 8: no such date
      row('日期乱', '男', { birth: '去年' }), // 9: not a date
      row('号码短', '男', { phone: '1380000' }), // 10: not 11 digits
      row('职务错', '男', { roles: '常委、组长' }), // 11: unknown role
      row('离任缺', '女', { status: '离任' }), // 12: left without date and reason
      row('好委员二', '女', { sector: '经济界' }), // 13: fine
    ]);
    const res = await upload(staff, buffer);
    expect(res.statusCode).toBe(202);
    const job = await waitForJob(staff, res.json().jobId);
    expect(job.status).toBe('failed');
    expect(job.imported).toBe(0);
    expect(job.message).toContain('未导入任何数据');
    expect(job.errors).toEqual([
      { row: 3, column: '姓名', reason: '必填项不能为空' },
      { row: 4, column: '性别', reason: '性别应填“男”或“女”，不能是“未知”' },
      { row: 5, column: '界别', reason: '本政协没有名为“体育界”的界别' },
      { row: 6, column: '手机号', reason: '与第 2 行的手机号重复' },
      { row: 7, column: '手机号', reason: '该手机号已属于本政协的另一位委员' },
      { row: 8, column: '出生日期', reason: '日期“1975-13-01”不存在' },
      { row: 9, column: '出生日期', reason: '日期格式应为 YYYY-MM-DD，如 1975-03-08' },
      { row: 10, column: '手机号', reason: '手机号应为 11 位数字' },
      { row: 11, column: '职务', reason: '不认识的职务“组长”，可填：委员、常委、副主席、主席、秘书长' },
      { row: 12, column: '离任日期', reason: '离任委员须填写离任日期和离任原因' },
    ]);
    expect(await countRows(db, 'members', c.id)).toBe(before);
  });

  it('rejects a file that is not .xlsx at once (400), and a sheet without the required columns as a failed job', async () => {
    const csv = await upload(staff, Buffer.from('姓名,性别\n张三,男\n'), 'members.csv');
    expect(csv.statusCode).toBe(400);
    expect(csv.json().error.code).toBe('import.bad_file');
    const fake = await upload(staff, Buffer.from('not a zip file'), 'members.xlsx');
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.code).toBe('import.bad_file');
    const noFile = await staff.request({ method: 'POST', url: '/api/members/import', ...multipart(await workbook([]), 'm.xlsx', 'upload') });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.code).toBe('import.bad_file');

    const missing = await importFile(staff, await workbook([['张三', '手机']], ['姓名', '民族']));
    expect(missing.status).toBe('failed');
    expect(missing.message).toContain('缺少必填列：性别');
    const unknown = await importFile(staff, await workbook([['张三', '男', 'x']], ['姓名', '性别', '爱好']));
    expect(unknown.status).toBe('failed');
    expect(unknown.message).toContain('不认识的列：“爱好”');
    const empty = await importFile(staff, await workbook([]));
    expect(empty.status).toBe('failed');
    expect(empty.message).toContain('没有委员数据');
  });

  it('imports thousands of rows in chunks, with progress reaching the total', async () => {
    const n = 4500;
    const rows: Cell[][] = [];
    for (let i = 0; i < n; i++) rows.push([`批量${i}`, i % 2 ? '男' : '女', null, null, null, '教育界', null, null, null, null, String(15000000000 + i)]);
    const before = await countRows(db, 'members', other.id);
    const job = await importFile(otherStaff, await workbook(rows));
    expect(job).toMatchObject({ status: 'succeeded', imported: n, total: n, processed: n });
    expect(await countRows(db, 'members', other.id)).toBe(before + n);
  });

  it('a member gets 403 on the template and on import; another committee\'s job is 404', async () => {
    const buffer = await workbook([['某某', '男']]);
    expect((await upload(member, buffer)).statusCode).toBe(403);
    expect((await member.request({ method: 'GET', url: '/api/members/import-template.xlsx' })).statusCode).toBe(403);

    const res = await upload(otherStaff, await workbook([['他会委员甲', '男']]));
    expect(res.statusCode).toBe(202);
    const jobId = res.json().jobId as string;
    await waitForJob(otherStaff, jobId);
    const foreign = await staff.request({ method: 'GET', url: `/api/members/import/${jobId}` });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('import.not_found');
  });

  it('a job left running by a server that stopped mid-import reads as failed, with what to do', async () => {
    const { rows } = await db.execute<{ id: string }>(sql`
      insert into import_jobs (committee_id, kind, file_name, status, created_at)
      values (${c.id}, 'members', '委员名单.xlsx', 'running', now() - interval '2 hours') returning id`);
    const res = await staff.request({ method: 'GET', url: `/api/members/import/${rows[0].id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'failed', processed: 0 });
    expect(res.json().message).toContain('重新上传');
    // A job that has just started is still running.
    const fresh = await db.execute<{ id: string }>(sql`
      insert into import_jobs (committee_id, kind, file_name, status) values (${c.id}, 'members', 'x.xlsx', 'running') returning id`);
    expect((await staff.request({ method: 'GET', url: `/api/members/import/${fresh.rows[0].id}` })).json().status).toBe('running');
  });
});

describe('reading member workbooks', () => {
  const lookup = {
    sectors: [{ id: '00000000-0000-4000-8000-000000000001', name: '医药卫生界' }],
    specialCommittees: [{ id: '00000000-0000-4000-8000-000000000002', name: '社会和法制委员会' }],
  };

  it('finds the header below a title row and keeps the spreadsheet row numbers', async () => {
    const buffer = await workbook([['张三', '男'], [], ['李四', '女', '回族', 1975.03]], ['姓名', '性别', '民族', '出生年月'], { titleRow: '第五届委员名单' });
    const rows = await readMemberWorkbook(buffer, lookup);
    expect(rows).toEqual([
      { row: 3, input: { name: '张三', gender: 'male' } },
      { row: 5, input: { name: '李四', gender: 'female', ethnicity: '回族', birthDate: '1975-03-01' } },
    ]);
  });

  it('reads the sheet named 委员名单 wherever its tab is, else the first tab', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['请在“委员名单”表中填写']);
    const roster = wb.addWorksheet('委员名单');
    roster.addRow(['姓名', '性别', '界别', '专委会']);
    roster.addRow(['王五', '男', '医药卫生界', '社会和法制委员会']);
    expect(await readMemberWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), lookup)).toEqual([
      { row: 2, input: { name: '王五', gender: 'male', sectorId: lookup.sectors[0].id, specialCommitteeId: lookup.specialCommittees[0].id } },
    ]);

    const plain = new ExcelJS.Workbook();
    const first = plain.addWorksheet('Sheet1');
    first.addRow(['姓名', '性别']);
    first.addRow(['赵六', '女']);
    plain.addWorksheet('Sheet2').addRow(['姓名', '性别', '爱好']);
    expect(await readMemberWorkbook(Buffer.from(await plain.xlsx.writeBuffer()), lookup)).toEqual([{ row: 2, input: { name: '赵六', gender: 'female' } }]);
  });

  it('keeps Chinese text intact across the reader\'s chunk boundaries (inline and shared strings)', async () => {
    const members: MemberView[] = [];
    for (let i = 0; i < 6000; i++) {
      members.push({
        id: '', name: '欧阳' + '明德志远'.slice(i % 4) + i, gender: 'female', ethnicity: '东乡族', birthDate: null, party: '九三学社社员',
        sectorId: null, sectorName: '医药卫生界', specialCommitteeId: null, specialCommitteeName: '社会和法制委员会',
        roles: ['member'], employer: '甘肃省定西市安定区第' + i + '人民医院', title: '主任医师', phone: null, status: 'active', leftAt: null, leftReason: null,
      });
    }
    const exported = await writeMemberWorkbook(members); // inline strings
    const viaExcelJs = await workbook(members.map((m) => [m.name, '女', m.ethnicity, null, m.party, m.sectorName, m.specialCommitteeName, null, m.employer])); // shared strings
    for (const buffer of [exported, viaExcelJs]) {
      const rows = await readMemberWorkbook(buffer, lookup);
      expect(rows.length).toBe(members.length);
      expect(rows.filter((r) => r.errors?.length)).toEqual([]);
      const broken = rows.filter((r, i) => r.input.name !== members[i].name || r.input.employer !== members[i].employer);
      expect(broken).toEqual([]);
    }
  });
});
