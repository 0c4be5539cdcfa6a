/** The demands module's public surface: other modules import only from here. */
export { demandsModule } from './manifest.js';
export { DemandPermissions } from './demands.policy.js';
export { DemandErrors } from './demands.errors.js';
export * from './contracts.js';
export * from './events.js';
export { demandWorkflow, DEMAND_STATES, type DemandState, type DemandAction } from './domain/demand-workflow.js';
export { DEFAULT_KINDS, parseDemandSettings, type DemandSettings } from './domain/settings.js';
export { maskName, maskPhone, maskIdNo, TRACKING_ALPHABET, TRACKING_LENGTH } from './domain/personal-data.js';
export { recordDemand } from './commands/create-demand.js';
export { issueChallenge, solveChallenge, submitPublicDemand, portalOf } from './commands/portal.js';
export {
  answerOnSpot, referDemand, assignMember, convertDemand, declineDemand, returnReferral, answerAsUnit, answerAsMember, closeDemand, rateDemand,
} from './commands/triage.js';
export { revealPerson } from './commands/reveal-person.js';
export { erasePersonalData } from './commands/erase-personal-data.js';
export { getDemand, listVisibleDemands } from './queries/get-demand.js';
export { similarDemands } from './queries/similar.js';
export { trackDemand } from './queries/tracking.js';
export { demandFigures } from './queries/figures.js';
