import { seedProposalsDemo } from './seed/demo.js';
import { eventBus } from '../../platform/events.js';
import { defineModule } from '../../platform/modules.js';
import { draftFromSource } from './commands/draft-from-source.js';
import { CONVERSION_REQUESTED } from './events.js';
import { createMember } from '../org/index.js';
import { createDraft } from './commands/create-draft.js';
import { submitProposal } from './commands/submit-proposal.js';
import { handlingRoutes } from './handling.routes.js';
import { proposalRoutes } from './proposal.routes.js';
import { reviewRoutes } from './review.routes.js';
import { reportRoutes } from './reports.routes.js';
import { keyRoutes } from './key.routes.js';
import { reminderJob } from './reminders.js';
import { registerProposalAttachmentOwners } from './supervision.attachments.js';
import { seedSupervisionDemo } from './supervision.demo.js';
import { proposalWorkflow } from './domain/proposal-workflow.js';
import { keyWorkflow } from './key.workflow.js';
import { proposalFiguresDef } from './queries/figures.js';
import { proposalsSearch, proposalsWorkbench } from './workbench.js';

const PROBE_BODY =
  '一、基本情况\n我市马铃薯种植面积常年稳定在三百万亩左右，脱毒种薯覆盖率不足六成。\n二、存在问题\n种薯退化导致单产下降。\n三、具体建议\n扩大原种繁育基地，对农户使用脱毒种薯给予补贴。';

/** 提案: filing, duplicate detection, review, assignment, replies, feedback. */
export function proposalsModule() {
  return defineModule({
    name: 'proposals',
    async demoSeed(db, o) {
      const r = await seedProposalsDemo(db, o);
      const k = await seedSupervisionDemo(db);
      return `提案演示数据 / demo proposals: ${r.proposals} 件（定西市政协），重点提案 ${k.approved} 件`;
    },
    workflows: [proposalWorkflow, keyWorkflow],
    figures: [proposalFiguresDef],
    routes: [...proposalRoutes, ...reviewRoutes, ...handlingRoutes, ...keyRoutes, ...reportRoutes],
    jobs: [reminderJob],
    workbench: [proposalsWorkbench],
    search: [proposalsSearch],
    init(db) {
      registerProposalAttachmentOwners();
      // 群众诉求转提案: a draft per request, keyed by its sourceRef (deliveries come at least once).
      eventBus.subscribe('proposals.drafts_from_source', [CONVERSION_REQUESTED], (e) => draftFromSource(db, e).then(() => undefined));
    },
    probeFixtures: {
      // A submitted proposal of the given committee, made through the real commands.
      proposal: async (db, committeeId) => {
        const member = await createMember(db, { userId: null, label: 'probe' }, committeeId, { name: '他会委员', gender: 'female' });
        const caller = { committeeId, actor: { userId: null, label: 'probe' }, grants: [{ role: 'member' as const, memberId: member.id }], admin: false };
        const id = await createDraft(db, caller, { title: '关于加快马铃薯脱毒种薯繁育体系建设的建议', body: PROBE_BODY, category: '农业农村' });
        await submitProposal(db, caller, id);
        return id;
      },
    },
  });
}
