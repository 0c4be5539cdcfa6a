import type { Executor } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { addMonths, addWorkingDays, calendarOf } from '../../../platform/calendar.js';
import { chinaDate } from '../../../platform/time.js';
import type { ProposalSettings } from '../domain/settings.js';
import { assignInput, type AssignInput } from '../contracts.js';
import { activeUnits, insertAssignment, type AssignmentRow } from '../handling.repository.js';
import { ProposalErrors } from '../proposals.errors.js';

export interface PlannedAssignment {
  units: { unitId: string; name: string; role: AssignmentRow['role'] }[];
  assignedOn: string;
  /** 答复期限: assignedOn + the committee's months (default 3). */
  deadline: string;
  /** Last day a unit may object: assignedOn + the committee's working days (default 5, Mon–Fri minus holidays). */
  objectionUntil: string;
}

/** Checks the units of an assignment (one lead, or ≥ 2 in 分办; active units of this committee) and computes its dates. */
export async function planAssignment(db: Executor, committeeId: string, raw: AssignInput, settings: ProposalSettings): Promise<PlannedAssignment> {
  const input = assignInput.parse(raw);
  let wanted: { unitId: string; role: AssignmentRow['role'] }[];
  if (input.mode === 'lead') {
    if (!input.leadUnitId) throw new AppError(ProposalErrors['proposal.lead_unit_required']);
    wanted = [{ unitId: input.leadUnitId, role: 'lead' }, ...input.coUnitIds.map((unitId) => ({ unitId, role: 'co' as const }))];
  } else {
    if (input.splitUnitIds.length < 2) throw new AppError(ProposalErrors['proposal.split_needs_units']);
    wanted = input.splitUnitIds.map((unitId) => ({ unitId, role: 'split' as const }));
  }
  const ids = wanted.map((w) => w.unitId);
  const found = await activeUnits(db, committeeId, ids);
  if (new Set(ids).size !== ids.length || found.length !== ids.length) throw new AppError(ProposalErrors['proposal.unit_unknown']);
  const names = new Map(found.map((u) => [u.id, u.name]));
  const assignedOn = input.assignedOn ?? chinaDate();
  return {
    units: wanted.map((w) => ({ ...w, name: names.get(w.unitId)! })),
    assignedOn,
    deadline: addMonths(assignedOn, settings.deadlineMonths),
    objectionUntil: addWorkingDays(assignedOn, settings.objectionWorkingDays, calendarOf(settings)),
  };
}

export async function storeAssignment(db: Executor, committeeId: string, proposalId: string, plan: PlannedAssignment) {
  for (const u of plan.units) {
    await insertAssignment(db, committeeId, proposalId, {
      unitId: u.unitId, role: u.role, assignedOn: plan.assignedOn, deadline: plan.deadline, objectionUntil: plan.objectionUntil,
    });
  }
}

/** What the audit row and the event record of an assignment. */
export const describe = (p: PlannedAssignment) => ({
  units: p.units.map((u) => ({ unitId: u.unitId, name: u.name, role: u.role })),
  assignedOn: p.assignedOn, deadline: p.deadline, objectionUntil: p.objectionUntil,
});
