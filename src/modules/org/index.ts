/** The organisation module's public surface: other modules import only from here. */
export { orgModule } from './manifest.js';
export { OrgPermissions } from './org.policy.js';
export { OrgErrors } from './org.errors.js';
export * from './contracts.js';
export { createMember, updateMember } from './members/member.commands.js';
export { createCommittee, openTerm, addPlenarySession, addSectors, addSpecialCommittees, committeeIdByCode, OFFICE_NAMES } from './committees/committee.commands.js';
export { createUnit, updateUnit } from './units/unit.commands.js';
export { createUser, userIdByUsername } from './users/user.commands.js';
export { login, logout, changePassword, resetPassword, createApiToken } from './auth/auth.commands.js';
// Demo-data helpers other modules' seeds and labelled sets build on.
export { rng } from './seed/member-generator.js';
export { CITY_UNITS } from './seed/demo-data.js';
