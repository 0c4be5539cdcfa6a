/**
 * Events of the network module (domain_events rows in the change's transaction). A reception
 * credits its members through performance's generic contract — emitted, never imported
 * (src/modules/performance/events.ts): `duty.recorded` kind `liaison` (联系界别群众) with sourceRef
 * `network:reception:<id>` and metric peopleReceived; voiding it emits `duty.revoked`.
 */
export const DUTY_RECORDED = 'duty.recorded';
export const DUTY_REVOKED = 'duty.revoked';
export const receptionSourceRef = (id: string) => `network:reception:${id}`;
export const NETWORK_EVENTS = {
  placeCreated: 'network.place_created',
  placeClosed: 'network.place_closed',
  receptionHeld: 'network.reception_held',
  receptionVoided: 'network.reception_voided',
} as const;
