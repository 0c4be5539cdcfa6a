import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { addDays } from '../../platform/calendar.js';
import { chinaDate } from '../../platform/time.js';
import { approveKeyProposal, declineKeyProposal } from './commands/key-approve.js';
import { shortlistKeyProposal } from './commands/key-shortlist.js';
import { recordSupervisionEvent, setSupervision } from './commands/supervise-proposal.js';
import type { Caller } from './proposals.policy.js';

const REASONS: Record<string, string> = {
  经济: '事关全市产业转型和营商环境，社会关注度高',
  城建环资: '涉及城市建设和生态环境，群众反映集中',
  教科文卫体: '事关教育医疗等基本公共服务，群众期盼强烈',
  社会法制: '涉及社会治理和民生保障，代表性强',
  农业农村: '事关乡村振兴和农民增收，是市委市政府重点工作',
  其他: '提案质量高、建议具体可行',
};

const EVENTS: { kind: string; participants: string; notes: string }[] = [
  { kind: 'symposium', participants: '市政协副主席、提案委员会、承办单位分管负责同志', notes: '召开督办座谈会，听取承办单位办理进展汇报，提案人介绍调研情况，商定下一步办理措施。' },
  { kind: 'unit_visit', participants: '领衔督办领导、提案委员会办公室', notes: '走访主办单位，查阅办理台账，要求细化任务分工，按期答复并抓好落实。' },
  { kind: 'inspection', participants: '部分政协委员、提案人、承办单位', notes: '实地视察项目现场，了解建设进度和存在困难，现场协调解决资金和用地问题。' },
  { kind: 'handling_consultation', participants: '提案人、主办单位、会办单位', notes: '召开办理协商会，主办单位通报办理方案，提案人提出补充意见，形成会议纪要。' },
];

/**
 * 定西's key proposals (重点提案) of the demo session, made through the real commands: the office
 * shortlists about one in eight of the proposals in handling, the leader approves most of them
 * (one is declined, two still await approval), the office names the leader and the channel for
 * the approved ones, and supervision events are recorded in the past weeks.
 */
export async function seedSupervisionDemo(db: Db): Promise<{ shortlisted: number; approved: number; events: number }> {
  const { rows: c } = await db.execute<{ id: string }>(sql`select id from committees where code = 'dingxi'`);
  if (!c[0]) return { shortlisted: 0, approved: 0, events: 0 };
  const committeeId = c[0].id;
  const { rows: lu } = await db.execute<{ id: string }>(sql`select id from users where username = 'dingxi-leader'`);
  const leaderId = lu[0]?.id ?? null;
  const office: Caller = { committeeId, actor: { userId: null, label: 'seed:office' }, grants: [{ role: 'staff', office: 'proposals' }], admin: false };
  const leader: Caller = { committeeId, actor: { userId: leaderId, label: 'seed:leader' }, grants: [{ role: 'leader' }], admin: false };
  const { rows } = await db.execute<{ id: string; category: string }>(sql`
    select id, category from proposals where committee_id = ${committeeId} and state in ('handling', 'countersigning', 'reply_review', 'released')
     order by number`);
  const picked = rows.filter((_, i) => i % 8 === 5);
  const channels = ['top_leader', 'chair_meeting', 'special_committee', 'proposal_committee', 'joint_inspection'];
  const today = chinaDate();
  let approved = 0;
  let events = 0;
  for (const [i, p] of picked.entries()) {
    await shortlistKeyProposal(db, office, p.id, { reason: REASONS[p.category] ?? REASONS['其他'] });
    if (i === picked.length - 1 || i === picked.length - 2) continue; // awaiting the chair's meeting
    if (i === 3) {
      await declineKeyProposal(db, leader, p.id, { note: '已列入市政府民生实事，不再列为重点提案' });
      continue;
    }
    await approveKeyProposal(db, leader, p.id, { note: '经市政协主席会议研究确定' });
    approved++;
    if (leaderId) await setSupervision(db, office, p.id, { leaderUserId: leaderId, channel: channels[i % channels.length] });
    for (let k = 0; k < 1 + (i % 3); k++) {
      const e = EVENTS[(i + k) % EVENTS.length];
      await recordSupervisionEvent(db, office, p.id, { ...e, heldOn: addDays(today, -(40 - k * 12 - (i % 5))) });
      events++;
    }
  }
  return { shortlisted: picked.length, approved, events };
}
