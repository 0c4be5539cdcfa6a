import { customType, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { networkPlaces } from '../network/network.schema.js';
import { committees, handlingUnits, members, users } from '../org/org.schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * 群众诉求: one demand a person brought, at a reception, to a member in the field, by phone to the
 * staff or through the public page. State: domain/demand-workflow.ts.
 *
 * Personal data (person_name, person_phone, person_id_no) is shown unmasked only to those handling
 * the demand, each such read audited (commands/reveal-person.ts), and erased after the committee's
 * retention period once the demand is closed (pii_erased_at).
 *
 * tracking_code is unique on its own, the one unique index here that does not start with
 * committee_id: the public tracking page is reached by the code alone (the person does not choose
 * a committee), and the code is random (12 of 27 symbols, ≈ 2^57), so no committee can block another.
 */
export const demands = pgTable(
  'demands',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull().references(() => committees.id),
    trackingCode: text('tracking_code').notNull(),
    /** reception | field | phone | online */
    channel: text('channel').notNull(),
    /** One of the committee's kinds (settings.demands.kinds). */
    kind: text('kind').notNull(),
    matter: text('matter').notNull(),
    details: text('details').notNull().default(''),
    /**
     * The network module's place where it was raised. Commands check it is one of the committee's
     * (network's placeInCommittee); the key is on id alone, as network_places has no unique
     * (committee_id, id) to point a composite key at.
     */
    placeId: uuid('place_id').references(() => networkPlaces.id),
    /** The place as written (always kept: the public page and phone calls name it in words). */
    placeText: text('place_text').notNull().default(''),
    personName: text('person_name'),
    personPhone: text('person_phone'),
    personIdNo: text('person_id_no'),
    piiErasedAt: ts('pii_erased_at'),
    /** Tokens of matter + details (platform/text), for duplicate detection (GIN-indexed, below). */
    tokens: text('tokens').array().notNull().default([]),
    state: text('state').notNull().default('received'),
    /** Who recorded it (null: the public page). */
    recordedBy: uuid('recorded_by').references(() => users.id),
    /** The member who recorded it in the field or at a reception, or who took it up (委员领办). */
    memberId: uuid('member_id').references(() => members.id),
    /** 转办: the handling unit and its deadline (working days from the referral). */
    unitId: uuid('unit_id').references(() => handlingUnits.id),
    deadline: date('deadline', { mode: 'string' }),
    referredAt: ts('referred_at'),
    /** The answer the person reads on the tracking page. */
    answer: text('answer'),
    answeredAt: ts('answered_at'),
    /** 不属于政协职能: why, and where to go instead (e.g. 信访). */
    declineReason: text('decline_reason'),
    redirectTo: text('redirect_to'),
    /** 转为提案 / 社情民意: the target, when it was asked for, and the record it became (set by the target's event). */
    convertTarget: text('convert_target'),
    convertedRef: uuid('converted_ref'),
    rating: integer('rating'),
    ratingComment: text('rating_comment'),
    ratedAt: ts('rated_at'),
    closedAt: ts('closed_at'),
    /** The proof-of-work challenge that a public submission solved (each solves one submission). */
    challengeNonce: text('challenge_nonce'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('demands_tracking_code_uq').on(t.trackingCode),
    uniqueIndex('demands_committee_challenge_uq').on(t.committeeId, t.challengeNonce),
    index('demands_committee_state_idx').on(t.committeeId, t.state, t.createdAt),
    index('demands_committee_unit_idx').on(t.committeeId, t.unitId),
    index('demands_committee_member_idx').on(t.committeeId, t.memberId),
    index('demands_committee_closed_idx').on(t.committeeId, t.closedAt),
  ],
);

/** The HMAC key that signs a committee's public challenges and upload receipts (made on first use). */
export const demandPortalKeys = pgTable('demand_portal_keys', {
  committeeId: uuid('committee_id').primaryKey().references(() => committees.id),
  secret: bytea('secret').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});
