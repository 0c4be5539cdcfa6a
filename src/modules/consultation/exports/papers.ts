import { chinaDateTime, chineseDate } from '../../../platform/time.js';
import type { MeetingView } from '../queries/get-meeting.js';
import type { OutcomeView } from '../queries/get-outcome.js';
import type { followUpList } from '../queries/progress.js';
import { chineseOrdinal } from './plan-document.js';

/**
 * The Word papers of consultation work as plain models (a title, lines under it, headed
 * sections), so their wording is tested without opening Word: the meeting notice (会议通知), the
 * minutes (会议纪要), a 协商专报 (or 建议案 / 参阅件) and the year's 协商成果 list. papers-docx.ts lays them out.
 */
export interface Paper {
  /** Red masthead above the rule (the office), when the paper has one. */
  masthead?: string;
  /** e.g. 2026年第1期 under the masthead. */
  issueLine?: string;
  title: string;
  /** Centred lines under the title (楷体). */
  subtitle?: string[];
  /** Body paragraphs, each indented two characters; a heading is a line of its own in 黑体. */
  blocks: ({ heading: string } | { text: string })[];
  /** The foot: 报 / 送 lines, or the issuing office and date, right-aligned. */
  foot?: string[];
}

export function noticePaper(m: MeetingView, committeeName: string): Paper {
  const when = chinaDateTime(m.startsAt);
  const where = [m.place, m.onlineLink ? `线上：${m.onlineLink}` : null].filter(Boolean).join('；');
  const experts = m.experts.map((e) => `${e.name}${e.affiliation ? `（${e.affiliation}）` : ''}`);
  const blocks: Paper['blocks'] = [
    { text: `经研究，定于${when}召开“${m.title}”${m.form}。现将有关事项通知如下：` },
    { heading: '一、会议时间' }, { text: when },
    { heading: '二、会议地点' }, { text: where || '另行通知' },
    { heading: '三、会议议程' }, ...(m.agenda ? m.agenda.split('\n').filter(Boolean).map((text) => ({ text })) : [{ text: '另行通知' }]),
    { heading: '四、参会人员' },
    { text: `受邀委员${m.invitedCount}人${m.officials.length ? `；应邀领导和部门负责人：${m.officials.join('、')}` : ''}${experts.length ? `；特邀专家：${experts.join('、')}` : ''}。` },
    { heading: '五、有关要求' },
    { text: `请受邀委员于${chineseDate(m.materialsDue)}前提交书面发言，并在系统中回复是否参加；因故不能参加的，请说明事由请假。会议材料于${chineseDate(m.materialsDue)}前送达。` },
  ];
  return { title: `关于召开“${m.title}”${m.form}的通知`, blocks, foot: [committeeName, chineseDate(m.notifiedAt ?? m.noticeDue)] };
}

export function minutesPaper(m: MeetingView, committeeName: string): Paper {
  const oral = m.speeches.filter((s) => s.oralOrder !== null);
  const blocks: Paper['blocks'] = [
    { text: `${chinaDateTime(m.startsAt)}，${committeeName}在${m.place ?? '线上'}召开“${m.title}”${m.form}。` },
  ];
  if (oral.length) blocks.push({ heading: '会议发言' }, ...oral.map((s) => ({ text: `${s.oralOrder}．${s.memberName}：${s.title}` })));
  blocks.push({ heading: '会议纪要' }, ...(m.minutes?.text ?? '（纪要见附件）').split('\n').filter(Boolean).map((text) => ({ text })));
  return { masthead: committeeName, title: `“${m.title}”${m.form}纪要`, blocks, foot: [committeeName, m.minutes ? chineseDate(m.minutes.at) : ''] };
}

export function outcomePaper(o: OutcomeView, office: string): Paper {
  const blocks: Paper['blocks'] = (o.summary ? o.summary.split('\n').filter(Boolean) : []).map((text) => ({ text }));
  if (o.recommendations.length) {
    blocks.push({ heading: '意见建议' });
    o.recommendations.forEach((r, i) => blocks.push({ text: `（${chineseOrdinal(i)}）${r.body}` }));
  }
  const to = o.sentToLabels.map((x) => (x === '党委' ? '市委' : x === '政府' ? '市政府' : x));
  return {
    masthead: o.kindLabel, issueLine: `${o.year}年第${o.number}期`, title: o.title, blocks,
    foot: [`${office}${o.sentOn ? `　${chineseDate(o.sentOn)}` : ''}`, ...(to.length ? [`报：${to.join('、')}`] : [])],
  };
}

export function outcomesListPaper(year: number, rows: Awaited<ReturnType<typeof followUpList>>, committeeName: string): Paper {
  const byDoc = new Map<string, typeof rows>();
  for (const r of rows) byDoc.set(r.outcomeId, [...(byDoc.get(r.outcomeId) ?? []), r]);
  const blocks: Paper['blocks'] = [];
  let n = 0;
  for (const recs of byDoc.values()) {
    const d = recs[0];
    blocks.push({ heading: `${chineseOrdinal(n++)}、${d.label}《${d.title}》（${chineseDate(d.sentOn)}报送）` });
    for (const r of recs) {
      const units = r.units.map((u) => `${u.name}${u.answered ? '已反馈' : `（期限${u.deadline}，未反馈）`}`).join('、');
      blocks.push({ text: `${r.seq}．${r.body}——${r.resultLabel}${r.evidence ? `（${r.evidence}）` : ''}${units ? `；承办：${units}` : ''}` });
    }
  }
  const adopted = rows.filter((r) => r.result && r.result !== 'not_adopted').length;
  const done = rows.filter((r) => r.result === 'implemented').length;
  return {
    title: `${committeeName}${year}年度协商成果及采纳落实情况`,
    subtitle: [`报送协商成果${byDoc.size}件，建议${rows.length}条，采纳${adopted}条，已落实${done}条`],
    blocks: blocks.length ? blocks : [{ text: '本年度尚无报送的协商成果。' }],
  };
}
