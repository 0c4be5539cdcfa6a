/**
 * The format pre-check as the proposer types: the server's own rule
 * (src/modules/proposals/domain/format-check.ts, which decides at submission), not a copy.
 */
export { checkFormat as checkDraft } from '../../../../src/modules/proposals/domain/format-check';
