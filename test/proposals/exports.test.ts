import { inflateRawSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptAssignment, assignProposal, countersignReply, createDraft, fileProposal, mergeProposal, releaseReply, respondToCosign,
  saveReply, submitProposal, submitReply,
} from '../../src/modules/proposals/index.js';
import { chineseNumber, committeeAbbrev, replyTitle } from '../../src/modules/proposals/exports/labels.js';
import { loginAs, testApp, type Session } from '../support/app.js';
import { makeUser } from '../support/factories.js';
import { BODY, HEALTH, HOUSING, proposalWorld, REPLY, TITLE, WATER, type World } from './support.js';

/** The entries of a zip archive (docx, xlsx) by name: enough of the format for stored and deflated entries. */
function unzip(buf: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out.set(name, method === 8 ? inflateRawSync(data) : data);
    p += 46 + nameLen + extra + comment;
  }
  return out;
}

/** The document's paragraphs as plain text. */
function docxParagraphs(buf: Buffer): string[] {
  const xml = unzip(buf).get('word/document.xml')!.toString('utf8');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((t) => t[1] ?? '\t').join('').replace(/&amp;/g, '&'));
}

async function sheetRows(buf: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  const rows: string[][] = [];
  wb.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return rows;
}

describe('reply letter, proposal book and list export', () => {
  let app: FastifyInstance;
  let w: World;
  const s: Record<string, Session> = {};
  let released: string, mergedId: string, handling: string;

  beforeAll(async () => {
    app = await testApp();
    w = await proposalWorld();
    // 第1号: 张明 with 李华 (confirmed), lead 水务局, co 卫健委; 第1并1号: 王芳's, merged into it; released.
    released = await createDraft(w.db, w.member(0), { title: TITLE, body: BODY, category: '农业农村', kind: 'joint', cosignerIds: [w.members[1]], sessionId: w.sessionId });
    await respondToCosign(w.db, w.member(1), released, { accept: true });
    await submitProposal(w.db, w.member(0), released);
    await fileProposal(w.db, w.office, released);
    mergedId = await createDraft(w.db, w.member(2), { title: '关于整治农村饮水管网冻裂的建议', body: BODY, category: '农业农村', sessionId: w.sessionId });
    await submitProposal(w.db, w.member(2), mergedId);
    await mergeProposal(w.db, w.office, mergedId, { masterId: released });
    await assignProposal(w.db, w.office, released, { leadUnitId: w.unit(WATER), coUnitIds: [w.unit(HEALTH)] });
    await acceptAssignment(w.db, w.clerk(WATER), released);
    await saveReply(w.db, w.clerk(WATER), released, { ...REPLY, docNumber: '定水函〔2025〕12号', body: '一、关于管网改造。我局已安排专项资金。\n二、关于管护经费。已列入年度预算。' });
    await submitReply(w.db, w.clerk(WATER), released);
    await countersignReply(w.db, w.clerk(HEALTH), released, {});
    await releaseReply(w.db, w.office, released);
    // 第2号: assigned to 住建局, still being handled.
    handling = await createDraft(w.db, w.member(3), { title: '关于加快老旧小区改造的建议', body: BODY, category: '城建环资', sessionId: w.sessionId });
    await submitProposal(w.db, w.member(3), handling);
    await fileProposal(w.db, w.office, handling);
    await assignProposal(w.db, w.office, handling, { leadUnitId: w.unit(HOUSING) });
    await createDraft(w.db, w.member(4), { title: '关于一件草稿的建议', body: BODY, category: '其他', sessionId: w.sessionId });

    const login = async (grants: Parameters<typeof makeUser>[2], committeeId = w.committeeId) => loginAs(app, (await makeUser(w.db, committeeId, grants)).username);
    s.proposer = await login([{ role: 'member', memberId: w.members[0] }]);
    s.cosigner = await login([{ role: 'member', memberId: w.members[1] }]);
    s.mergedProposer = await login([{ role: 'member', memberId: w.members[2] }]);
    s.otherMember = await login([{ role: 'member', memberId: w.members[5] }]);
    s.water = await login([{ role: 'unit_clerk', unitId: w.unit(WATER) }]);
    s.health = await login([{ role: 'unit_clerk', unitId: w.unit(HEALTH) }]);
    s.housing = await login([{ role: 'unit_clerk', unitId: w.unit(HOUSING) }]);
    s.office = await login([{ role: 'staff', office: 'proposals' }]);
    s.info = await login([{ role: 'staff', office: 'info' }]);
    s.leader = await login([{ role: 'leader' }]);
    const elsewhere = await proposalWorld({ units: 0 });
    s.outsider = await login([{ role: 'staff', office: 'proposals' }, { role: 'member', memberId: elsewhere.members[0] }], elsewhere.committeeId);
  });
  afterAll(() => app?.close());

  const get = (who: string, url: string) => s[who].request({ method: 'GET', url });

  it('formats titles with the committee level, term and session in Chinese numerals', () => {
    expect([1, 5, 10, 13, 20, 35].map(chineseNumber)).toEqual(['一', '五', '十', '十三', '二十', '三十五']);
    expect(committeeAbbrev({ level: 'city', name: '中国人民政治协商会议定西市委员会', shortName: '定西市政协' })).toBe('市政协');
    expect(committeeAbbrev({ level: 'county', name: '中国人民政治协商会议安定区委员会', shortName: '安定区政协' })).toBe('区政协');
    expect(committeeAbbrev({ level: 'county', name: '中国人民政治协商会议通渭县委员会', shortName: '通渭县政协' })).toBe('县政协');
    expect(replyTitle({ abbrev: '市政协', termNumber: 5, sessionNumber: 3, numberLabel: '第133并2号' })).toBe('关于市政协五届三次会议第133并2号提案的答复');
  });

  it('the reply letter has the formal title, the addressee, the class, the signer, the unit, the contact and 抄送', async () => {
    const res = await get('proposer', `/api/proposals/${released}/reply.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('第1号'));
    const paras = docxParagraphs(res.rawPayload).filter(Boolean);
    expect(paras[0]).toBe('（A类）');
    expect(paras[1]).toBe('定水函〔2025〕12号\t签发人：王局长');
    expect(paras).toContain('关于市政协五届三次会议第1号提案的答复');
    expect(paras[paras.indexOf('关于市政协五届三次会议第1号提案的答复') + 1]).toBe('张明委员：');
    expect(paras).toContain('一、关于管网改造。我局已安排专项资金。');
    expect(paras).toContain(WATER);
    expect(paras.some((p) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(p))).toBe(true);
    expect(paras).toContain('（此件公开发布）');
    expect(paras).toContain('（联系人：李科长，联系电话：0932-8212345）');
    expect(paras).toContain(`抄送：市政协提案委员会，${HEALTH}。`);
    const xml = unzip(res.rawPayload).get('word/document.xml')!.toString('utf8');
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('<w:sz w:val="44"/>');
    expect(xml).toContain('<w:sz w:val="32"/>');
  });

  it('a merged proposal\'s letter carries its composite number and goes to its own first proposer', async () => {
    const res = await get('mergedProposer', `/api/proposals/${mergedId}/reply.docx`);
    expect(res.statusCode).toBe(200);
    const paras = docxParagraphs(res.rawPayload);
    expect(paras).toContain('关于市政协五届三次会议第1并1号提案的答复');
    expect(paras).toContain('王芳委员：');
    expect(paras).toContain('二、关于管护经费。已列入年度预算。');
  });

  it('who may download the letter: proposers, the answering unit, staff; others 403; another unit or committee 404', async () => {
    for (const who of ['proposer', 'cosigner', 'mergedProposer', 'water', 'office', 'info']) {
      expect((await get(who, `/api/proposals/${released}/reply.docx`)).statusCode, who).toBe(200);
    }
    for (const who of ['otherMember', 'health', 'leader']) {
      const res = await get(who, `/api/proposals/${released}/reply.docx`);
      expect(res.statusCode, who).toBe(403);
      expect(res.json().error.code).toBe('proposal_export.reply_forbidden');
    }
    let res = await get('housing', `/api/proposals/${released}/reply.docx`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('proposal.not_found');
    res = await get('outsider', `/api/proposals/${released}/reply.docx`);
    expect(res.statusCode).toBe(404);
    res = await get('housing', `/api/proposals/${handling}/reply.docx`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('proposal_export.reply_not_released');
    expect((await get('office', `/api/proposals/not-a-uuid/reply.docx`)).statusCode).toBe(400);
  });

  it('the proposal book lists the session\'s filed proposals with contents, proposers, bodies and (optionally) replies', async () => {
    const res = await get('office', `/api/proposals/book.docx?sessionId=${w.sessionId}&withReplies=true`);
    expect(res.statusCode).toBe(200);
    const paras = docxParagraphs(res.rawPayload);
    expect(paras).toContain('第五届委员会第三次会议');
    expect(paras).toContain('提 案 汇 编');
    expect(paras).toContain('共 3 件（含并案 1 件）');
    const xml = unzip(res.rawPayload).get('word/document.xml')!.toString('utf8');
    // Contents rows: number, title, first proposer, lead unit (table cells are paragraphs too).
    const i = paras.indexOf('第1号');
    expect(paras.slice(i, i + 4)).toEqual(['第1号', TITLE, '张明', WATER]);
    expect(paras).toContain('提案人：张明　李华');
    expect(paras).toContain('提案人：王芳');
    expect(paras).toContain('第1并1号');
    expect(paras).toContain('关于加快老旧小区改造的建议');
    expect(paras).toContain(`【${WATER}答复（A类）】`);
    expect(paras).not.toContain('关于一件草稿的建议');
    expect(xml).toContain('<w:tbl>');
    const withoutReplies = docxParagraphs((await get('info', `/api/proposals/book.docx?sessionId=${w.sessionId}`)).rawPayload);
    expect(withoutReplies.some((p) => p.startsWith('【'))).toBe(false);
  });

  it('the book is for staff: members, clerks and leaders get 403; another committee\'s session is 404', async () => {
    for (const who of ['proposer', 'water', 'leader']) expect((await get(who, `/api/proposals/book.docx?sessionId=${w.sessionId}`)).statusCode, who).toBe(403);
    const res = await get('outsider', `/api/proposals/book.docx?sessionId=${w.sessionId}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('proposal_export.session_not_found');
  });

  it('the list export honours visibility and the list filters', async () => {
    let rows = await sheetRows((await get('office', '/api/proposals/export.xlsx')).rawPayload);
    expect(rows[0]).toEqual(['会议', '案号', '案由', '类别', '提案人', '界别', '状态', '主办单位', '会办单位', '答复期限', '答复类别', '满意度']);
    expect(rows.slice(1).map((r) => r[1])).toEqual(['第1号', '第2号', '第1并1号']); // the list's order
    expect(rows[1]).toEqual(expect.arrayContaining(['第五届委员会第三次会议', TITLE, '农业农村', '张明、李华', '已答复', WATER, HEALTH, 'A类']));

    // A clerk: only what is assigned to the unit.
    const res = await get('housing', '/api/proposals/export.xlsx');
    expect(res.statusCode).toBe(200);
    rows = await sheetRows(res.rawPayload);
    expect(rows.slice(1).map((r) => r[2])).toEqual(['关于加快老旧小区改造的建议']);
    expect(rows.slice(1).map((r) => r[7])).toEqual([HOUSING]);
    rows = await sheetRows((await get('health', '/api/proposals/export.xlsx')).rawPayload);
    expect(rows.slice(1).map((r) => r[1])).toEqual(['第1号']);

    // A member: what members may see (no one else's drafts); with mine=true only their own.
    rows = await sheetRows((await get('otherMember', '/api/proposals/export.xlsx')).rawPayload);
    expect(rows.slice(1).map((r) => r[2])).not.toContain('关于一件草稿的建议');
    expect(rows.length - 1).toBe(3);
    rows = await sheetRows((await get('mergedProposer', '/api/proposals/export.xlsx?mine=true')).rawPayload);
    expect(rows.slice(1).map((r) => r[1])).toEqual(['第1号', '第1并1号']);

    // Filters as on the list.
    rows = await sheetRows((await get('office', '/api/proposals/export.xlsx?state=assigned')).rawPayload);
    expect(rows.slice(1).map((r) => r[1])).toEqual(['第2号']);
    rows = await sheetRows((await get('office', `/api/proposals/export.xlsx?unitId=${w.unit(HEALTH)}`)).rawPayload);
    expect(rows.slice(1).map((r) => r[1])).toEqual(['第1号']);
    expect((await get('office', '/api/proposals/export.xlsx?state=Bad!')).statusCode).toBe(400);
    expect((await get('outsider', '/api/proposals/export.xlsx')).rawPayload.length).toBeGreaterThan(0);
    rows = await sheetRows((await get('outsider', '/api/proposals/export.xlsx')).rawPayload);
    expect(rows).toHaveLength(1);
  });

  it('streams a large export in batches', async () => {
    const { writeProposalListXlsx } = await import('../../src/modules/proposals/exports/list-xlsx.js');
    const { PassThrough } = await import('node:stream');
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const n = await writeProposalListXlsx(w.db, w.office, {}, out, { batch: 1 });
    expect(n).toBe(3);
    const rows = await sheetRows(Buffer.concat(chunks));
    expect(rows.slice(1).map((r) => r[1])).toEqual(['第1号', '第2号', '第1并1号']); // the list's order
  });

  it('分办: each unit\'s clerk gets its own unit\'s letter; staff pick one with unitId', async () => {
    const id = await createDraft(w.db, w.member(3), { title: '关于城区供水管网改造的建议', body: BODY, category: '城建环资', sessionId: w.sessionId });
    await submitProposal(w.db, w.member(3), id);
    await fileProposal(w.db, w.office, id);
    await assignProposal(w.db, w.office, id, { mode: 'split', splitUnitIds: [w.unit(WATER), w.unit(HOUSING)] });
    await acceptAssignment(w.db, w.clerk(WATER), id);
    await saveReply(w.db, w.clerk(WATER), id, { ...REPLY, replyClass: 'A', body: '水务局答复：管网改造已列入计划。' });
    await submitReply(w.db, w.clerk(WATER), id);
    await saveReply(w.db, w.clerk(HOUSING), id, { ...REPLY, replyClass: 'B', signer: '李局长', body: '住建局答复：道路开挖同步实施。' });
    await submitReply(w.db, w.clerk(HOUSING), id);
    await releaseReply(w.db, w.office, id);
    let paras = docxParagraphs((await get('water', `/api/proposals/${id}/reply.docx`)).rawPayload);
    expect(paras).toContain('水务局答复：管网改造已列入计划。');
    expect(paras[0]).toBe('（A类）');
    paras = docxParagraphs((await get('housing', `/api/proposals/${id}/reply.docx`)).rawPayload);
    expect(paras).toContain('住建局答复：道路开挖同步实施。');
    expect(paras).toContain(HOUSING);
    expect(paras[0]).toBe('（B类）');
    expect(paras.find((p) => p.startsWith('签发人') || p.includes('\t签发人'))).toContain('李局长');
    paras = docxParagraphs((await get('office', `/api/proposals/${id}/reply.docx?unitId=${w.unit(HOUSING)}`)).rawPayload);
    expect(paras).toContain('住建局答复：道路开挖同步实施。');
    const res = await get('water', `/api/proposals/${id}/reply.docx?unitId=${w.unit(HOUSING)}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('proposal_export.reply_forbidden');
  });
});
