/** The demands module's shapes as the server answers them (imported from the server's own files). */
export type { DemandView } from '../../../../src/modules/demands/queries/present';
export type { TrackingView } from '../../../../src/modules/demands/queries/tracking';
export type { DemandAction, DemandState } from '../../../../src/modules/demands/domain/demand-workflow';
