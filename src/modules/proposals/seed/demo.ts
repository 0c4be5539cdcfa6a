import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { rng } from '../../org/index.js';
import { addDays } from '../../../platform/calendar.js';
import { chinaDate } from '../../../platform/time.js';
import { NATIONAL_REJECT_REASONS } from '../domain/settings.js';
import type { Caller } from '../proposals.policy.js';
import type { Rating } from '../contracts.js';
import { acceptAssignment } from '../commands/accept-assignment.js';
import { assignProposal } from '../commands/assign-proposal.js';
import { carryOverProposal } from '../commands/carry-over-proposal.js';
import { closeProposal } from '../commands/close-proposal.js';
import { convertProposal } from '../commands/convert-proposal.js';
import { countersignReply } from '../commands/countersign-reply.js';
import { createDraft } from '../commands/create-draft.js';
import { fileProposal } from '../commands/file-proposal.js';
import { mergeProposal } from '../commands/merge-proposal.js';
import { objectToAssignment } from '../commands/object-to-assignment.js';
import { preReviewProposal } from '../commands/pre-review-proposal.js';
import { rateReply } from '../commands/rate-reply.js';
import { rejectProposal } from '../commands/reject-proposal.js';
import { releaseReply } from '../commands/release-reply.js';
import { respondToCosign } from '../commands/respond-to-cosign.js';
import { returnProposal } from '../commands/return-proposal.js';
import { saveReply } from '../commands/save-reply.js';
import { submitProposal } from '../commands/submit-proposal.js';
import { submitReply } from '../commands/submit-reply.js';
import { withdrawProposal } from '../commands/withdraw-proposal.js';
import { DEMO_TOPICS, type DemoTopic } from './demo-topics.js';

/** Where the demo drives a proposal; 'rehandling' is 'handling' after a 不满意 rating. */
type Target =
  | 'draft' | 'returned' | 'withdrawn' | 'submitted' | 'pre_reviewed' | 'not_filed' | 'converted' | 'filed' | 'assigned'
  | 'objected' | 'handling' | 'countersigning' | 'reply_review' | 'released' | 'rehandling' | 'closed' | 'carried_over';

/** Weights of the targets of proposals that are not merged (sums to 100). */
const WEIGHTS: [Target, number][] = [
  ['draft', 4], ['returned', 2], ['withdrawn', 2], ['submitted', 6], ['pre_reviewed', 2], ['not_filed', 5], ['converted', 5],
  ['filed', 4], ['assigned', 6], ['objected', 1], ['handling', 13], ['countersigning', 3], ['reply_review', 5], ['released', 13],
  ['rehandling', 2], ['closed', 25], ['carried_over', 2],
];
/** Targets a merge master may have (merges need a filed master that is not answered yet). */
const MASTER_OK = new Set<Target>(['filed', 'assigned', 'objected', 'handling', 'countersigning', 'reply_review', 'released', 'rehandling', 'closed', 'carried_over']);

const actor = { userId: null, label: 'seed:proposals' };

export interface ProposalsDemoResult {
  proposals: number;
  byState: Record<string, number>;
}

/**
 * About 300 proposals of 定西's current plenary session, each moved through the real commands
 * (so every state it is in was reached by legal moves): drafts, submissions, filing, not filed
 * with coded reasons, conversions, merges of overlapping proposals, assignment to the units
 * whose duties match, handling, replies with classes A/B/C, ratings (some 不满意, returning
 * the proposal to the unit) and closing. Needs the org demo (seedDemo) first.
 */
export async function seedProposalsDemo(db: Db, opts: { progress?: (done: number, total: number) => void; seed?: number } = {}): Promise<ProposalsDemoResult> {
  const rand = rng((opts.seed ?? 1) * 104729 + 17);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const { rows: cRows } = await db.execute<{ id: string }>(sql`select id from committees where code = 'dingxi'`);
  if (!cRows[0]) throw new Error('seedProposalsDemo: committee dingxi is missing; run the org demo seed first');
  const committeeId = cRows[0].id;
  const { rows: memberRows } = await db.execute<{ id: string }>(sql`
    select id from members where committee_id = ${committeeId} and status = 'active' order by name_pinyin, id`);
  const { rows: unitRows } = await db.execute<{ id: string; name: string }>(sql`
    select id, name from handling_units where committee_id = ${committeeId}`);
  const { rows: meRows } = await db.execute<{ memberId: string | null }>(sql`
    select r.member_id as "memberId" from user_roles r join users u on u.id = r.user_id
     where u.username = 'dingxi-member' and r.member_id is not null limit 1`);
  const units = new Map(unitRows.map((u) => [u.name.replace(/^定西市/, ''), u.id]));
  const unitId = (name: string) => {
    const id = units.get(name);
    if (!id) throw new Error(`seedProposalsDemo: unit 定西市${name} is missing`);
    return id;
  };
  const demoMember = meRows[0]?.memberId ?? memberRows[0].id;
  const others = memberRows.map((r) => r.id).filter((id) => id !== demoMember);

  const caller = (grants: Caller['grants'], label: string): Caller => ({ committeeId, actor: { ...actor, label }, grants, admin: false });
  const member = (memberId: string) => caller([{ role: 'member', memberId }], 'seed:member');
  const clerk = (unit: string) => caller([{ role: 'unit_clerk', unitId: unit }], 'seed:unit');
  const office = caller([{ role: 'staff', office: 'proposals' }], 'seed:office');

  const today = chinaDate();
  const total = DEMO_TOPICS.reduce((n, t) => n + Math.round(t.count * 1.3), 0);
  let done = 0;
  let memberCursor = 0;
  const nextMember = () => others[(memberCursor = (memberCursor + 1 + Math.floor(rand() * 7)) % others.length)];
  let demoFirst = 0;

  const weighted = (): Target => {
    let r = rand() * 100;
    for (const [t, w] of WEIGHTS) if ((r -= w) < 0) return t;
    return 'closed';
  };
  // The rarer states are guaranteed: the first proposals that are not merged go there.
  const must: Target[] = ['carried_over', 'countersigning', 'objected', 'rehandling', 'pre_reviewed', 'countersigning', 'carried_over', 'rehandling', 'returned', 'withdrawn'];
  const nextTarget = (): Target => must.shift() ?? weighted();

  const body = (t: DemoTopic) =>
    `一、基本情况\n${pick(t.situation)}${pick(t.situation)}\n二、问题分析\n${pick(t.analysis)}\n三、具体建议\n${pick(t.suggestions)}`;

  interface Item { id: string; first: string; signers: string[]; target: Target; topic: DemoTopic }

  /** Creates the draft (joint ones with confirmed co-signers) and, unless it stays a draft, submits it. */
  async function create(topic: DemoTopic, i: number, target: Target, firstOverride?: string): Promise<Item> {
    const first = firstOverride ?? nextMember();
    const joint = rand() < 0.3;
    const cosigners = joint ? [nextMember(), nextMember()].filter((m, k, a) => m !== first && a.indexOf(m) === k) : [];
    const kind = joint && cosigners.length ? 'joint' : 'individual';
    const id = await createDraft(db, member(first), {
      title: topic.titles[i % topic.titles.length], body: body(topic), category: topic.category, kind,
      cosignerIds: kind === 'joint' ? cosigners : [], researchBasis: rand() < 0.7 ? `${pick(['2025年', '2026年'])}${pick(['实地调研', '专题调研', '界别协商调研'])}报告` : null,
    });
    const signers = [first];
    if (kind === 'joint' && target !== 'draft') {
      for (const c of cosigners) {
        await respondToCosign(db, member(c), id, { accept: true });
        signers.push(c);
      }
    }
    if (target !== 'draft') await submitProposal(db, member(first), id);
    return { id, first, signers, target, topic };
  }

  /** Moves a submitted proposal on to its target. */
  async function drive(p: Item, merged: Item[]) {
    const { id, target, topic } = p;
    switch (target) {
      case 'draft': case 'submitted': return;
      case 'returned': await returnProposal(db, office, id, { reason: '正文缺少具体建议，请补充后重新提交' }); return;
      case 'withdrawn': await withdrawProposal(db, member(p.first), id, { reason: '经进一步调研，拟并入下次会议提案' }); return;
      case 'pre_reviewed': await preReviewProposal(db, office, id, { note: '初审通过，待复审' }); return;
      case 'not_filed':
        await rejectProposal(db, office, id, { reasonCode: pick(['no_suggestion', 'personal', 'promotion', 'party_internal', 'litigation'] as const satisfies readonly (typeof NATIONAL_REJECT_REASONS)[number]['code'][]), note: '经审查，不予立案' });
        return;
      case 'converted': await convertProposal(db, office, id, { note: '内容较为具体，转为意见建议办理', forwardTo: '定西市' + topic.lead }); return;
      default: break;
    }
    await fileProposal(db, office, id, { note: '符合立案条件' });
    for (const m of merged) await mergeProposal(db, office, m.id, { masterId: id, note: '所提问题相同，并案办理' });
    if (target === 'filed') return;
    const lead = unitId(topic.lead);
    const withCo = topic.co.length > 0 && (target === 'countersigning' || rand() < 0.45);
    const co = withCo ? topic.co.slice(0, 1 + Math.floor(rand() * Math.min(2, topic.co.length))).map(unitId) : [];
    // Handling proposals were assigned 20–110 days ago, so their deadlines fall on both sides of today; closed ones earlier.
    const agoDays = target === 'objected' || target === 'assigned' ? Math.floor(rand() * 3) + 1 : target === 'closed' ? 150 + Math.floor(rand() * 60) : 20 + Math.floor(rand() * 90);
    const assignedOn = addDays(today, -agoDays);
    await assignProposal(db, office, id, { mode: 'lead', leadUnitId: lead, coUnitIds: co, assignedOn, note: '请认真办理，按期答复' });
    if (target === 'assigned') return;
    if (target === 'objected') {
      await objectToAssignment(db, clerk(lead), id, { reason: '所提事项不属于本单位职能，建议改由其他单位主办' }, assignedOn);
      return;
    }
    await acceptAssignment(db, clerk(lead), id);
    if (target === 'handling') return;
    if (target === 'carried_over') {
      await carryOverProposal(db, office, id, { reason: '涉及项目需跨年度实施，列入续办' });
      return;
    }
    const replyClass = pick(['A', 'A', 'B', 'B', 'B', 'C']);
    await saveReply(db, clerk(lead), id, {
      replyClass, isPublic: rand() < 0.8, signer: pick(['张局长', '王局长', '李主任', '刘局长']), contactPerson: pick(['赵科长', '陈科长', '杨主任']),
      contactPhone: `0932-82${String(Math.floor(rand() * 100000)).padStart(5, '0')}`, docNumber: `定${topic.lead.slice(0, 2)}函〔2026〕${1 + Math.floor(rand() * 90)}号`,
      contactedOn: addDays(assignedOn, 10), body:
        `${topic.titles[0].replace(/^关于/, '您提出的《关于').replace(/的建议$/, '的建议》')}收悉，现答复如下：\n` +
        `一、基本情况。我单位高度重视，经认真研究，${pick(topic.suggestions).slice(0, 60)}……\n` +
        `二、下一步工作。${pick(['已列入年度工作计划逐步推进', '已会同有关部门制定实施方案', '受财力所限，将积极争取上级支持'])}。\n感谢您对我市工作的关心和支持。`,
    });
    await submitReply(db, clerk(lead), id);
    if (target === 'countersigning') return;
    for (const c of co) await countersignReply(db, clerk(c), id, { opinion: '同意主办单位答复意见' });
    if (target === 'reply_review') return;
    await releaseReply(db, office, id, { note: '审核通过' });
    if (target === 'released') return;
    const raters = [...p.signers, ...merged.flatMap((m) => m.signers)];
    const rating = (k: number): Rating => (target === 'rehandling' && k === 0 ? 'dissatisfied' : pick(['satisfied', 'satisfied', 'satisfied', 'basically_satisfied']));
    for (const [k, m] of raters.entries()) {
      await rateReply(db, member(m), id, { rating: rating(k), contactedBefore: rand() < 0.85, attitude: 'good', remarks: k === 0 && target === 'rehandling' ? '答复内容空泛，没有具体措施' : null });
      if (target === 'rehandling') break;
    }
    if (target === 'rehandling') return;
    await closeProposal(db, office, id, { note: '办结' });
    return;
  }

  let eduHandling = 0;
  for (const topic of DEMO_TOPICS) {
    const n = Math.round(topic.count * 1.3);
    // The first of a topic is the master when overlapping ones are merged into it.
    let masterTarget = weighted();
    if (n >= 4) while (!MASTER_OK.has(masterTarget)) masterTarget = weighted();
    if (topic.lead === '教育局' && eduHandling < 4) masterTarget = 'handling';
    if (masterTarget === 'handling' && topic.lead === '教育局') eduHandling++;
    const useDemo = demoFirst < 4 && ['potato', 'teachers', 'water', 'eldercare'].includes(topic.key);
    if (useDemo) demoFirst++;
    // dingxi-member has a reply to rate (农村饮水) and a closed proposal (养老服务).
    if (useDemo && topic.key === 'water') masterTarget = 'released';
    if (useDemo && topic.key === 'eldercare') masterTarget = 'closed';
    const master = await create(topic, 0, masterTarget, useDemo ? demoMember : undefined);
    const mergeInto: Item[] = [];
    const rest: Item[] = [];
    for (let i = 1; i < n; i++) {
      const mergeIt = MASTER_OK.has(masterTarget) && rand() < 0.45;
      let target: Target = mergeIt ? 'submitted' : nextTarget();
      if (!mergeIt && topic.lead === '教育局' && eduHandling < 6 && MASTER_OK.has(target)) { target = 'handling'; eduHandling++; }
      const item = await create(topic, i, target);
      (mergeIt ? mergeInto : rest).push(item);
    }
    await drive(master, mergeInto);
    for (const r of rest) {
      await drive(r, []);
    }
    done += n;
    opts.progress?.(done, total);
  }

  // dingxi-member is invited to sign a joint draft and has not answered yet.
  const invitedTopic = DEMO_TOPICS.find((t) => t.key === 'herbs')!;
  const first = others[3];
  await createDraft(db, member(first), {
    title: '关于建设中药材产业园区的建议', body: body(invitedTopic), category: invitedTopic.category, kind: 'joint', cosignerIds: [demoMember],
  });
  // The moves ran today; the proposals were submitted at the plenary session (its first days) and
  // filed within three weeks, before the backdated assignments. Only these two dates are moved.
  await db.execute(sql`
    update proposals p
       set submitted_at = s.start_date + make_interval(days => (abs(hashtext(p.id::text)) % 5), hours => 9),
           filed_at = case when p.filed_at is null then null
                           else s.start_date + make_interval(days => 12 + (abs(hashtext(p.id::text)) % 9), hours => 15) end
      from plenary_sessions s
     where s.id = p.session_id and s.start_date is not null and p.committee_id = ${committeeId} and p.submitted_at is not null`);
  // Likewise the replies: written, on the whole, within the three months after the (backdated)
  // assignment — a few after the deadline — and released a few days later, never in the future.
  await db.execute(sql`
    update proposal_replies x
       set submitted_at = least(now() - interval '2 days',
                                (a.assigned_on + 25 + (abs(hashtext(x.id::text)) % 75))::timestamp + interval '10 hours'),
           released_at = case when x.released_at is null then null
                              else least(now(), (a.assigned_on + 28 + (abs(hashtext(x.id::text)) % 75))::timestamp + interval '16 hours') end
      from proposal_assignments a
     where a.committee_id = x.committee_id and a.proposal_id = x.proposal_id and a.unit_id = x.unit_id
       and a.role in ('lead', 'split') and x.committee_id = ${committeeId} and x.submitted_at is not null`);
  await db.execute(sql`
    update proposals p set released_at = x.released_at
      from proposal_replies x
     where x.committee_id = p.committee_id and x.proposal_id = p.id and x.round = p.round and x.released_at is not null
       and p.released_at is not null and p.committee_id = ${committeeId}`);
  // The states as stored (what the moves above led to).
  const { rows: states } = await db.execute<{ state: string; n: number }>(sql`
    select state, count(*)::int as n from proposals where committee_id = ${committeeId} group by state order by state`);
  return { proposals: done + 1, byState: Object.fromEntries(states.map((r) => [r.state, r.n])) };
}
