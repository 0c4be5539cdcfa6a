import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { sendDownload } from '../../platform/exports/download.js';
import type { Db } from '../../platform/db/database.js';
import { callerOf, idParams, moveRoute } from '../../platform/http/route-kit.js';
import { defineRoute, type RouteDef } from '../../platform/modules.js';
import { appointOfficer, createPeriodical, publishTopic, updateInfoSettings } from './commands/office-setup.js';
import { createIssue } from './commands/create-issue.js';
import { editItem } from './commands/edit-item.js';
import { forwardIssue, forwardItem } from './commands/forward-item.js';
import { mergeItem } from './commands/merge-item.js';
import { recordResult } from './commands/record-result.js';
import { releaseIssue } from './commands/release-issue.js';
import { resubmitItem } from './commands/resubmit-item.js';
import { acceptItem, archiveItem, returnItem, screenItem } from './commands/review-item.js';
import { sendBack } from './commands/send-back.js';
import { sendToSignOff } from './commands/send-to-sign-off.js';
import { signIssue } from './commands/sign-issue.js';
import { submitItem } from './commands/submit-item.js';
import {
  editInput, exportQuery, figuresQuery, forwardInput, issueInput, listQuery, mergeInput, noteInput, officerInput, periodicalInput, reasonInput,
  resubmitInput, resultInput, signOffInput, similarQuery, submitInput, topicInput, yearQuery,
} from './contracts.js';
import { INFO_STATES, INFO_TRANSITIONS, ISSUE_STATUSES, infoWorkflow } from './domain/info-workflow.js';
import { infoSettingsPatch, parseInfoSettings } from './domain/settings.js';
import { authorsWorkbook, figuresWorkbook, itemsWorkbook, XLSX_MIME } from './exports/figures-xlsx.js';
import { issueDocument, issueDocx, issueFileName } from './exports/issue-docx.js';
import { authorFigures, yearFigures } from './queries/figures.js';
import { exportItems } from './queries/list-items.js';
import { getItem } from './queries/get-item.js';
import { itemTimeline } from './queries/item-timeline.js';
import { itemVersions } from './queries/item-versions.js';
import { listItems } from './queries/list-items.js';
import { getIssue, officersProgress } from './queries/office-views.js';
import { similarItems } from './queries/similar-items.js';
import { InfoPermissions as P, type Caller } from './social-info.policy.js';
import { committeeHeader, listIssues, listPeriodicals, listTopics, memberNames, readInfoSettings } from './social-info.repository.js';
import { chinaYear } from '../../platform/time.js';

const tags = ['social-info'];
const BASE = '/api/social-info';
const TITLE = '关于农村留守老人冬季取暖安全问题的反映';
const BODY = '近期走访发现，部分农村留守老人仍使用土炉取暖，一氧化碳中毒隐患突出。建议乡镇开展入户排查，推广清洁取暖设备。';
const FAKE = '00000000-0000-4000-8000-000000000001';

const thisYear = () => chinaYear();

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** A file download (platform/exports/download.ts writes the headers). */
const sendFile = (reply: FastifyReply, mime: string, buffer: Buffer, fileName: string, asciiName: string) => sendDownload(reply, buffer, { mime, fileName, asciiName });

/** POST /api/social-info/items/:id/<path>: validate, run one command, answer with the item as the caller now sees it. */
function itemMove<B extends z.ZodType = z.ZodUndefined>(def: {
  path: string; summary: string; permission: string; body?: B; example?: unknown;
  run(db: Db, caller: Caller, id: string, body: z.output<B>): Promise<unknown>;
}): RouteDef {
  return moveRoute<B>({ ...def, base: `${BASE}/items`, tags, resource: 'social_info_item', answer: getItem });
}

export const socialInfoRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: `${BASE}/items`, summary: 'Items the caller may see; `q` searches Chinese text (segmented words); paged', tags,
    access: { permission: P['social_info.read'] }, querystring: listQuery, example: { query: { q: '取暖' } },
    handler: (req, ctx) => listItems(ctx.db, callerOf(ctx), req.query),
  }),
  defineRoute({
    method: 'POST', url: `${BASE}/items`, summary: 'Submit an item (member, officer, or staff for an organisation/sector/special committee/station)', tags,
    access: { permission: P['social_info.submit'] }, body: submitInput,
    example: { body: { title: TITLE, body: BODY, sourceKind: 'organisation', sourceName: '民盟市委会' } },
    async handler(req, ctx, reply) {
      const caller = callerOf(ctx);
      const id = await submitItem(ctx.db, caller, req.body);
      reply.status(201);
      return getItem(ctx.db, caller, id);
    },
  }),
  defineRoute({
    method: 'GET', url: `${BASE}/workflow`, summary: 'The workflow table (states, actions, who acts) and issue statuses', tags,
    access: { permission: P['social_info.read'] },
    handler: async () => ({ states: INFO_STATES, transitions: INFO_TRANSITIONS, issueStatuses: ISSUE_STATUSES, mermaid: infoWorkflow.mermaid() }),
  }),
  defineRoute({
    method: 'GET', url: `${BASE}/settings`, summary: "The committee's social-information settings (length limit, destinations, quota)", tags,
    access: { permission: P['social_info.read'] },
    handler: async (_req, ctx) => parseInfoSettings(await readInfoSettings(ctx.db, ctx.committeeId)),
  }),
  defineRoute({
    method: 'PATCH', url: `${BASE}/settings`, summary: "Change the committee's social-information settings", tags,
    access: { permission: P['social_info.edit'] }, body: infoSettingsPatch, example: { body: { maxChars: 1500 } },
    handler: (req, ctx) => updateInfoSettings(ctx.db, callerOf(ctx), req.body),
  }),
  defineRoute({
    method: 'GET', url: `${BASE}/items/:id`, summary: 'One item with the actions the caller may take (abilities), its issue, forwards and results', tags,
    access: { permission: P['social_info.read'] }, params: idParams, resource: 'social_info_item',
    handler: (req, ctx) => getItem(ctx.db, callerOf(ctx), req.params.id),
  }),
  defineRoute({
    method: 'GET', url: `${BASE}/items/:id/versions`, summary: "The item's versions (1 = the author's original) and the diff original → current", tags,
    access: { permission: P['social_info.read'] }, params: idParams, resource: 'social_info_item',
    handler: (req, ctx) => itemVersions(ctx.db, callerOf(ctx), req.params.id),
  }),
  defineRoute({
    method: 'GET', url: `${BASE}/items/:id/timeline`, summary: "The item's trail: every step from submission to adoption and instructions", tags,
    access: { permission: P['social_info.read'] }, params: idParams, resource: 'social_info_item',
    handler: (req, ctx) => itemTimeline(ctx.db, callerOf(ctx), req.params.id),
  }),
  defineRoute({
    method: 'GET', url: `${BASE}/items/:id/similar`, summary: 'Other items on probably the same matter (merge candidates), with scores', tags,
    access: { permission: P['social_info.edit'] }, params: idParams, resource: 'social_info_item', querystring: similarQuery,
    handler: (req, ctx) => similarItems(ctx.db, callerOf(ctx), req.params.id, req.query.limit),
  }),
  itemMove({ path: 'screen', summary: '筛选: take a submitted item up', permission: P['social_info.edit'], run: (db, c, id) => screenItem(db, c, id) }),
  itemMove({ path: 'accept', summary: '采编: the item goes to editing', permission: P['social_info.edit'], run: (db, c, id) => acceptItem(db, c, id) }),
  itemMove({
    path: 'edit', summary: "编辑: change the wording; stored as a new version beside the author's original", permission: P['social_info.edit'],
    body: editInput, example: { body: BODY }, run: (db, c, id, b) => editItem(db, c, id, b),
  }),
  itemMove({
    path: 'return', summary: '退回修改, with a reason', permission: P['social_info.edit'], body: reasonInput, example: { reason: '请补充具体数据' },
    run: (db, c, id, b) => returnItem(db, c, id, b),
  }),
  itemMove({
    path: 'resubmit', summary: 'The author sends a returned item again (optionally revised)', permission: P['social_info.submit'],
    body: resubmitInput, example: {}, run: (db, c, id, b) => resubmitItem(db, c, id, b),
  }),
  itemMove({
    path: 'archive', summary: '存档不用, with a reason', permission: P['social_info.edit'], body: reasonInput, example: { reason: '与已刊发信息重复' },
    run: (db, c, id, b) => archiveItem(db, c, id, b),
  }),
  itemMove({
    path: 'merge', summary: '合并 into another item on the same matter', permission: P['social_info.edit'], body: mergeInput, example: { targetId: FAKE },
    run: (db, c, id, b) => mergeItem(db, c, id, b),
  }),
  itemMove({
    path: 'send-to-sign-off', summary: '送签: place the edited item in an issue for sign-off', permission: P['social_info.edit'],
    body: signOffInput, example: { issueId: FAKE }, run: (db, c, id, b) => sendToSignOff(db, c, id, b),
  }),
  itemMove({
    path: 'send-back', summary: '退回编辑: take the item out of its unsigned issue', permission: P['social_info.release'],
    body: noteInput, example: {}, run: (db, c, id, b) => sendBack(db, c, id, b),
  }),
  itemMove({
    path: 'forwards', summary: '报送: forward a published item to destinations of the configured list', permission: P['social_info.edit'],
    body: forwardInput, example: { destinations: ['市委'], forwardedOn: '2025-03-01' }, run: (db, c, id, b) => forwardItem(db, c, id, b),
  }),
  itemMove({
    path: 'results', summary: 'Record 采用 (adoption), 批示 (instruction, with level) or a follow-up for one destination', permission: P['social_info.edit'],
    body: resultInput, example: { kind: 'adoption', destination: '省政协', publication: '甘肃政协信息', onDate: '2025-03-10' },
    run: (db, c, id, b) => recordResult(db, c, id, b),
  }),
  defineRoute({
    method: 'GET', url: `${BASE}/topics`, summary: 'Topics of the season (选题)', tags,
    access: { permission: P['social_info.read'] }, querystring: yearQuery,
    handler: async (req, ctx) => ({ items: await listTopics(ctx.db, ctx.committeeId, req.query.year) }),
  }),
  defineRoute({
    method: 'POST', url: `${BASE}/topics`, summary: 'Publish a topic of the season', tags,
    access: { permission: P['social_info.edit'] }, body: topicInput, example: { body: { year: 2025, title: '农村清洁取暖' } },
    async handler(req, ctx, reply) {
      const id = await publishTopic(ctx.db, callerOf(ctx), req.body);
      reply.status(201);
      return { id };
    },
  }),
  defineRoute({
    method: 'POST', url: `${BASE}/officers`, summary: 'Appoint a member information officer (信息员) for a year with a monthly quota', tags,
    access: { permission: P['social_info.edit'] }, body: officerInput, example: { body: { year: 2025, memberId: FAKE } },
    async handler(req, ctx, reply) {
      const id = await appointOfficer(ctx.db, callerOf(ctx), req.body);
      reply.status(201);
      return { id };
    },
  }),
  defineRoute({
    method: 'GET', url: `${BASE}/officers/progress`, summary: "Each officer's items per month against the quota", tags,
    access: { permission: P['social_info.oversee'] }, querystring: yearQuery,
    handler: (req, ctx) => officersProgress(ctx.db, callerOf(ctx), req.query.year ?? thisYear()),
  }),
  defineRoute({
    method: 'GET', url: `${BASE}/periodicals`, summary: "The committee's periodicals", tags,
    access: { permission: P['social_info.read'] },
    handler: async (_req, ctx) => ({ items: await listPeriodicals(ctx.db, ctx.committeeId) }),
  }),
  defineRoute({
    method: 'POST', url: `${BASE}/periodicals`, summary: 'Add a periodical (《社情民意》, 《政协信息》, 专报 …)', tags,
    access: { permission: P['social_info.edit'] }, body: periodicalInput, example: { body: { name: '社情民意' } },
    async handler(req, ctx, reply) {
      const id = await createPeriodical(ctx.db, callerOf(ctx), req.body);
      reply.status(201);
      return { id };
    },
  }),
  defineRoute({
    method: 'GET', url: `${BASE}/issues`, summary: 'Issues of the periodicals, newest first', tags,
    access: { permission: P['social_info.oversee'] }, querystring: yearQuery,
    handler: async (req, ctx) => ({ items: await listIssues(ctx.db, ctx.committeeId, { year: req.query.year }) }),
  }),
  defineRoute({
    method: 'POST', url: `${BASE}/issues`, summary: 'Start an issue of a periodical (numbered when released)', tags,
    access: { permission: P['social_info.edit'] }, body: issueInput, example: { body: { periodicalId: FAKE, year: 2025 } },
    async handler(req, ctx, reply) {
      const caller = callerOf(ctx);
      const id = await createIssue(ctx.db, caller, req.body);
      reply.status(201);
      return getIssue(ctx.db, caller, id);
    },
  }),
  defineRoute({
    method: 'GET', url: `${BASE}/issues/:id`, summary: 'One issue with its items', tags,
    access: { permission: P['social_info.read'] }, params: idParams, resource: 'social_info_issue',
    handler: (req, ctx) => getIssue(ctx.db, callerOf(ctx), req.params.id),
  }),
  defineRoute({
    method: 'POST', url: `${BASE}/issues/:id/sign`, summary: '签发: the signing leader signs the issue off', tags,
    access: { permission: P['social_info.sign_off'] }, params: idParams, resource: 'social_info_issue',
    async handler(req, ctx) {
      const caller = callerOf(ctx);
      const { id } = req.params;
      await signIssue(ctx.db, caller, id);
      return getIssue(ctx.db, caller, id);
    },
  }),
  defineRoute({
    method: 'POST', url: `${BASE}/issues/:id/release`, summary: '印发: number the signed issue and publish its items', tags,
    access: { permission: P['social_info.release'] }, params: idParams, resource: 'social_info_issue',
    async handler(req, ctx) {
      const caller = callerOf(ctx);
      const { id } = req.params;
      await releaseIssue(ctx.db, caller, id);
      return getIssue(ctx.db, caller, id);
    },
  }),
  defineRoute({
    method: 'POST', url: `${BASE}/issues/:id/forwards`, summary: '报送 a released issue: each item is forwarded to the destinations', tags,
    access: { permission: P['social_info.edit'] }, params: idParams, resource: 'social_info_issue', body: forwardInput,
    example: { body: { destinations: ['市委'], forwardedOn: '2025-03-01' } },
    async handler(req, ctx) {
      const caller = callerOf(ctx);
      const { id } = req.params;
      await forwardIssue(ctx.db, caller, id, req.body);
      return getIssue(ctx.db, caller, id);
    },
  }),
  defineRoute({
    method: 'GET', url: `${BASE}/issues/:id/docx`, summary: 'The issue as a Word document (.docx): masthead, number, issuing office and date, items, 报/送', tags,
    access: { permission: P['social_info.oversee'] }, params: idParams, resource: 'social_info_issue',
    async handler(req, ctx, reply) {
      const d = await issueDocument(ctx.db, callerOf(ctx), req.params.id);
      return sendFile(reply, DOCX_MIME, await issueDocx(d), issueFileName(d), `social-info-${d.year}-${d.number ?? 'draft'}.docx`);
    },
  }),
  defineRoute({
    method: 'GET', url: `${BASE}/figures.xlsx`, summary: "The year's figures as a workbook (汇总, 按报送单位, 按作者, 按界别, 按信息员)", tags,
    access: { permission: P['social_info.oversee'] }, querystring: figuresQuery, example: { query: { year: '2026' } },
    async handler(req, ctx, reply) {
      const year = req.query.year ?? thisYear();
      const caller = callerOf(ctx);
      const f = await yearFigures(ctx.db, caller, year);
      const all = await authorFigures(ctx.db, ctx.committeeId, year, null);
      const { shortName } = await committeeHeader(ctx.db, ctx.committeeId);
      return sendFile(reply, XLSX_MIME, await figuresWorkbook(f, all, shortName), `${shortName}社情民意信息${year}年统计.xlsx`, `social-info-figures-${year}.xlsx`);
    },
  }),
  defineRoute({
    method: 'GET', url: `${BASE}/authors.xlsx`, summary: '年度作者名单: each author with items submitted, published, adopted and instructed in the year', tags,
    access: { permission: P['social_info.oversee'] }, querystring: figuresQuery, example: { query: { year: '2026' } },
    async handler(req, ctx, reply) {
      const year = req.query.year ?? thisYear();
      const authors = await authorFigures(ctx.db, ctx.committeeId, year, null);
      const { shortName } = await committeeHeader(ctx.db, ctx.committeeId);
      return sendFile(reply, XLSX_MIME, await authorsWorkbook(year, authors, shortName), `${shortName}社情民意信息${year}年度作者名单.xlsx`, `social-info-authors-${year}.xlsx`);
    },
  }),
  defineRoute({
    method: 'GET', url: `${BASE}/items.xlsx`, summary: 'The filtered item list (same filters as GET /items) as a workbook', tags,
    access: { permission: P['social_info.oversee'] }, querystring: exportQuery, example: { query: { state: 'published' } },
    async handler(req, ctx, reply) {
      const rows = await exportItems(ctx.db, callerOf(ctx), req.query);
      const names = await memberNames(ctx.db, ctx.committeeId, [...new Set(rows.flatMap((r) => r.memberIds))]);
      return sendFile(reply, XLSX_MIME, await itemsWorkbook(rows, names), '社情民意信息列表.xlsx', 'social-info-items.xlsx');
    },
  }),
];
