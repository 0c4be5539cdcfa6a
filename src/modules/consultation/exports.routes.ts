import { sendDownload } from '../../platform/exports/download.js';
import { callerOf, idParams } from '../../platform/http/route-kit.js';
import { defineRoute, type RouteDef } from '../../platform/modules.js';
import { ConsultationPermissions as P } from './consultation.policy.js';
import { committeeHeader } from './consultation.repository.js';
import { yearQuery } from './contracts.js';
import { DOCX_MIME } from './exports/plan-docx.js';
import { minutesPaper, noticePaper, outcomePaper, outcomesListPaper, type Paper } from './exports/papers.js';
import { paperDocx } from './exports/papers-docx.js';
import { getMeeting } from './queries/get-meeting.js';
import { getOutcome } from './queries/get-outcome.js';
import { followUpList } from './queries/progress.js';

const tags = ['consultation'];
const send = async (reply: Parameters<typeof sendDownload>[0], paper: Paper, creator: string, ascii: string) =>
  sendDownload(reply, await paperDocx(paper, creator), { mime: DOCX_MIME, fileName: `${paper.title}.docx`, asciiName: ascii });

/** Word papers: the meeting notice and minutes, a 协商专报 (建议案, 参阅件), the year's 协商成果 list. Read by whoever may read the record. */
export const exportRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: '/api/consultation/meetings/:id/notice.docx', summary: '会议通知 as Word', tags,
    access: { permission: P['consultation.read'] }, resource: 'consultation_meeting', params: idParams,
    async handler(req, ctx, reply) {
      const m = await getMeeting(ctx.db, callerOf(ctx), idParams.parse(req.params).id, ctx.lang);
      const h = await committeeHeader(ctx.db, ctx.committeeId);
      return send(reply, noticePaper(m, h.name), h.name, `meeting-notice-${m.id}.docx`);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/consultation/meetings/:id/minutes.docx', summary: '会议纪要 as Word (once recorded)', tags,
    access: { permission: P['consultation.read'] }, resource: 'consultation_meeting', params: idParams,
    async handler(req, ctx, reply) {
      const m = await getMeeting(ctx.db, callerOf(ctx), idParams.parse(req.params).id, ctx.lang);
      const h = await committeeHeader(ctx.db, ctx.committeeId);
      return send(reply, minutesPaper(m, h.name), h.name, `meeting-minutes-${m.id}.docx`);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/consultation/outcomes/:id/docx', summary: '协商专报 / 建议案 / 参阅件 as Word (masthead, issue number, recommendations)', tags,
    access: { permission: P['consultation.read'] }, resource: 'consultation_outcome', params: idParams,
    async handler(req, ctx, reply) {
      const o = await getOutcome(ctx.db, callerOf(ctx), idParams.parse(req.params).id, ctx.lang);
      const h = await committeeHeader(ctx.db, ctx.committeeId);
      return send(reply, outcomePaper(o, `${h.name}办公室`), h.name, `consultation-outcome-${o.kind}-${o.year}-${o.number}.docx`);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/consultation/outcomes.docx', summary: "The year's 协商成果 list with adoption and implementation, as Word", tags,
    access: { permission: P['consultation.oversee'] }, querystring: yearQuery, example: { query: { year: '2026' } },
    async handler(req, ctx, reply) {
      const { year } = yearQuery.parse(req.query);
      const h = await committeeHeader(ctx.db, ctx.committeeId);
      return send(reply, outcomesListPaper(year, await followUpList(ctx.db, ctx.committeeId, year), h.shortName || h.name), h.name, `consultation-outcomes-${year}.docx`);
    },
  }),
];
