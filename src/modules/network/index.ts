/** The network module's public surface: other modules import only from here. */
export { networkModule } from './manifest.js';
export { NetworkPermissions } from './network.policy.js';
export { NetworkErrors } from './network.errors.js';
export * from './contracts.js';
export * from './events.js';
export { DEFAULT_PLACE_TYPES, DEFAULT_STANDARDS, parseNetworkSettings, type NetworkSettings } from './domain/settings.js';
export { occurrences, fallsOn, describeRule, type ReceptionRule } from './domain/schedule.js';
export { createRegion } from './commands/regions.js';
export { createPlace, editPlace, closePlace, setPlaceStandard } from './commands/places.js';
export { addReceptionRule, endReceptionRule, recordReception, addVisit, voidReception } from './commands/receptions.js';
export { createCarePair, recordCareVisit, endCarePair } from './commands/care.js';
export { updateNetworkSettings } from './commands/settings.js';
export { remindReceptionDuties } from './commands/remind-duties.js';
export { getPlace, listPlaces, placeInCommittee } from './queries/places.js';
export { networkOverview } from './queries/overview.js';
export { networkMapSvg } from './queries/map.js';
