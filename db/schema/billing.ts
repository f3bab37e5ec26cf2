import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { organizations } from "./organizations";

/**
 * Who and where the organization is billed: one row per organization, written from the Billing
 * page. The plan itself stays on the organization (organizations.plan), which every limit reads.
 */
export const billingDetails = pgTable("billing_details", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  billingEmail: text("billing_email").notNull(),
  companyName: text("company_name").notNull(),
  // Stored normalized: upper case, no spaces or dots, with its country prefix (e.g. FR40303265045).
  vatNumber: text("vat_number"),
  addressLine1: text("address_line1").notNull(),
  addressLine2: text("address_line2").notNull().default(""),
  city: text("city").notNull(),
  postalCode: text("postal_code").notNull(),
  // ISO 3166-1 alpha-2.
  country: text("country").notNull(),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type BillingDetails = typeof billingDetails.$inferSelect;
