import { definePermissions, has } from '../../platform/access.js';
import type { Caller } from '../../platform/http/route-kit.js';
import type { InfoActor } from './domain/info-workflow.js';

/**
 * Route permissions are coarse; whether the caller may act on one item is decided by the
 * workflow table from the caller's relation to it (actorsFor).
 * Signing (签发) is for leaders and the general office (办公室), which signs for the chair.
 */
const signer = has.any(has.role('leader'), has.staffOf('general'));
export const InfoPermissions = definePermissions({
  'social_info.read': (g) => g.length > 0,
  'social_info.submit': has.any(has.role('member'), has.anyStaff),
  'social_info.edit': has.staffOf('info'),
  'social_info.sign_off': signer,
  /** Releasing a signed issue: the info office or the signing leader. */
  'social_info.release': has.any(has.staffOf('info'), signer),
  'social_info.oversee': has.any(has.anyStaff, has.role('leader')),
});

/** Who is calling, in one committee (one definition for every module: platform/http/route-kit.ts). */
export type { Caller };

export interface CallerFacts {
  memberIds: Set<string>;
  editor: boolean;
  signer: boolean;
  /** Staff of any office and leaders read every item of the committee; members only their own. */
  oversight: boolean;
}

export function factsOf(c: Caller): CallerFacts {
  return {
    memberIds: new Set(c.grants.filter((g) => g.role === 'member' && g.memberId).map((g) => g.memberId!)),
    editor: c.admin || has.staffOf('info')(c.grants),
    signer: c.admin || signer(c.grants),
    oversight: c.admin || c.grants.some((g) => g.role === 'staff' || g.role === 'leader'),
  };
}

export function isAuthor(c: Caller, f: CallerFacts, item: { memberIds: string[]; createdBy: string | null }): boolean {
  return item.memberIds.some((m) => f.memberIds.has(m)) || (!!c.actor.userId && item.createdBy === c.actor.userId);
}

export function actorsFor(c: Caller, f: CallerFacts, item: { memberIds: string[]; createdBy: string | null }): Set<InfoActor> {
  const out = new Set<InfoActor>();
  if (isAuthor(c, f, item)) out.add('author');
  if (f.editor) out.add('editor');
  if (f.signer) out.add('signer');
  return out;
}

export function canSee(c: Caller, f: CallerFacts, item: { memberIds: string[]; createdBy: string | null; state?: string }): boolean {
  // A draft (drafted for a member from a demand) is the author's until sent: the office sees it then.
  return (f.oversight && item.state !== 'draft') || isAuthor(c, f, item);
}
