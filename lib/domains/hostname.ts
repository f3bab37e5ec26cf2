import { z } from "zod";

// An email domain as people type it ("Acme.COM.", " acme.com "), kept as DNS knows it: lowercase,
// no trailing dot, ASCII (an internationalized name in its xn-- form).

const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
// The last label of a real domain: letters, or an internationalized TLD's xn-- form.
const topLevel = /^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** Why `value` (already lowercased, dot-trimmed) is not an email domain, or null when it is one. */
export function hostnameProblem(value: string): string | null {
  if (value === "") return "Enter a domain, such as acme.com.";
  if (value.length > 253) return "A domain is at most 253 characters.";
  if (/[^\x21-\x7e]/.test(value)) return "Use the domain's ASCII form: an internationalized domain as its xn-- name.";
  if (value.includes("@")) return "Enter the domain only, without the part before @ (acme.com, not jane@acme.com).";
  if (/[/:]/.test(value)) return "Enter the domain only, without https:// or a path.";
  const labels = value.split(".");
  if (labels.length < 2) return "Enter a full domain with a dot, such as acme.com.";
  if (labels.some((part) => part === "")) return "A domain cannot have empty parts (two dots in a row).";
  if (labels.some((part) => !label.test(part))) {
    return "Each part of a domain has at most 63 letters, digits or hyphens, and does not start or end with a hyphen.";
  }
  if (!topLevel.test(labels[labels.length - 1])) return "The domain must end with a real top-level domain, such as .com or .io.";
  return null;
}

export function normalizeHostname(raw: string): string {
  return raw.trim().toLowerCase().replace(/\.$/, "");
}

export const domainNameSchema = z
  .string()
  .max(300, "A domain is at most 253 characters.")
  .transform(normalizeHostname)
  .superRefine((value, context) => {
    const problem = hostnameProblem(value);
    if (problem) context.addIssue({ code: "custom", message: problem });
  });

/** The domain of an email address, lowercase; null when there is none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at < 1) return null;
  const domain = normalizeHostname(email.slice(at + 1));
  return hostnameProblem(domain) ? null : domain;
}
