/**
 * Who may have a proposal's reply letter (答复函): committee staff and platform admins, its
 * proposers (of this proposal, or of one merged into it), and the clerks of a unit answering it
 * (lead or split, assignment not replaced) — for their own unit's reply. Pure, without imports,
 * so the web imports it to decide whether to show the download (the server decides the download).
 */
export function replyLetterAccess(
  caller: { admin: boolean; grants: readonly { role: string; unitId?: string | null }[] },
  p: { proposer: boolean; liveAssignments: readonly { unitId: string; role: string }[] },
): { allowed: boolean; staff: boolean; proposer: boolean; units: string[] } {
  const staff = caller.admin || caller.grants.some((g) => g.role === 'staff');
  const clerkOf = new Set(caller.grants.filter((g) => g.role === 'unit_clerk' && g.unitId).map((g) => g.unitId!));
  const units = p.liveAssignments.filter((a) => (a.role === 'lead' || a.role === 'split') && clerkOf.has(a.unitId)).map((a) => a.unitId);
  return { allowed: staff || p.proposer || units.length > 0, staff, proposer: p.proposer, units };
}
