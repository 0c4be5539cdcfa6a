import { registerAttachmentOwner } from '../../platform/attachments.js';
import { eventBus } from '../../platform/events.js';
import { defineModule } from '../../platform/modules.js';
import { draftFromSource } from './commands/draft-from-source.js';
import { CONVERSION_REQUESTED } from './events.js';
import { createMember } from '../org/index.js';
import { createPeriodical } from './commands/office-setup.js';
import { createIssue } from './commands/create-issue.js';
import { submitItem } from './commands/submit-item.js';
import { ATTACHMENT_KIND } from './commands/text-rules.js';
import { loadItem } from './item.access.js';
import { seedSocialInfoDemoSummary } from './seed/demo.js';
import { callerOf } from '../../platform/http/route-kit.js';
import { socialInfoRoutes } from './social-info.routes.js';
import type { Caller } from './social-info.policy.js';
import { infoWorkflow } from './domain/info-workflow.js';
import { socialInfoFiguresDef } from './queries/figures.js';
import { socialInfoSearch, socialInfoWorkbench } from './workbench.js';

const probe = { userId: null, label: 'probe' };

/** 社情民意: collection, editing with versions, numbered issues, forwarding, adoption and instructions. */
export function socialInfoModule() {
  return defineModule({
    name: 'social-info',
    workflows: [infoWorkflow],
    figures: [socialInfoFiguresDef],
    routes: socialInfoRoutes,
    workbench: [socialInfoWorkbench],
    search: [socialInfoSearch],
    demoSeed: (db, o) => seedSocialInfoDemoSummary(db, o),
    init(db) {
      // 群众诉求转社情民意: a draft per request, keyed by its sourceRef (deliveries come at least once).
      eventBus.subscribe('social_info.drafts_from_source', [CONVERSION_REQUESTED], (e) => draftFromSource(db, e).then(() => undefined));
      // An item's files are exactly as visible as the item: the office and leaders, and its authors.
      registerAttachmentOwner(ATTACHMENT_KIND, (db, ctx, ownerId) => loadItem(db, callerOf(ctx), ownerId).then(() => true, () => false));
    },
    probeFixtures: {
      // A submitted item of the given committee, made through the real commands.
      social_info_item: async (db, committeeId) => {
        const member = await createMember(db, probe, committeeId, { name: '他会信息员', gender: 'female' });
        const caller: Caller = { committeeId, actor: probe, grants: [{ role: 'member', memberId: member.id }], admin: false };
        return submitItem(db, caller, {
          title: '关于农村留守老人冬季取暖安全问题的反映',
          body: '近期走访发现，部分农村留守老人仍使用土炉取暖，一氧化碳中毒隐患突出。建议乡镇开展入户排查，推广清洁取暖设备。',
        });
      },
      // A draft issue of a periodical of the given committee.
      social_info_issue: async (db, committeeId) => {
        const office: Caller = { committeeId, actor: probe, grants: [{ role: 'staff', office: 'info' }], admin: false };
        const periodicalId = await createPeriodical(db, office, { name: '社情民意' });
        return createIssue(db, office, { periodicalId, year: 2025 });
      },
    },
  });
}
