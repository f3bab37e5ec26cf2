import { z } from "zod";
import { slugSchema } from "./slug";

const maxContactEmails = 10;

/** Comma-separated addresses: trimmed, lowercased, duplicates removed, each valid, at most ten. */
export const adminContactEmailsSchema = z
  .string()
  .transform((raw) => [...new Set(raw.split(/[,\n]/).map((e) => e.trim().toLowerCase()).filter(Boolean))])
  .superRefine((emails, issue) => {
    const invalid = emails.filter((email) => !z.email().safeParse(email).success);
    if (invalid.length > 0) {
      issue.addIssue({ code: "custom", message: `Not a valid email address: ${invalid.join(", ")}.` });
    } else if (emails.length > maxContactEmails) {
      issue.addIssue({ code: "custom", message: `Enter at most ${maxContactEmails} addresses (you entered ${emails.length}).` });
    }
  });

export const websiteSchema = z
  .string()
  .trim()
  .max(200, "The website must be at most 200 characters.")
  .transform((raw) => (raw && !/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? `https://${raw}` : raw))
  .refine((url) => url === "" || isWebAddress(url), "Enter a website address such as https://example.com.");

/** http(s), a host with a dot (or localhost), no credentials: what a company website looks like. */
function isWebAddress(raw: string): boolean {
  try {
    const url = new URL(raw);
    const hostOk = url.hostname === "localhost" || /^[^.]+(\.[^.]+)+$/.test(url.hostname);
    return (url.protocol === "https:" || url.protocol === "http:") && hostOk && !url.username && !url.password;
  } catch {
    return false;
  }
}

export const organizationNameSchema = z
  .string()
  .trim()
  .min(1, "Enter the company name.")
  .max(100, "The company name must be at most 100 characters.");

export const organizationDetailsSchema = z.object({
  name: organizationNameSchema,
  slug: slugSchema,
  description: z.string().trim().max(1000, "The description must be at most 1,000 characters.").default(""),
  website: websiteSchema.default(""),
  adminContactEmails: adminContactEmailsSchema.default([]),
});

export type OrganizationDetails = z.output<typeof organizationDetailsSchema>;
