import { countryName, type EuCountryCode, euCountryCodes, isEuCountry } from "./countries";

// VAT numbers are checked for their shape only: the formats the European Commission publishes for
// VIES, per member state. Whether a number is actually registered needs VIES itself, which these
// machines cannot reach, so a well-formed but unregistered number is accepted.
//
// Outside the EU the field holds the company's tax ID if it has one (a Swiss UID, a US EIN, a UK
// VAT number…): optional, normalized the same way, letters, digits and slashes, at most 30.

type VatRule = {
  /** What precedes the number: the country code, except Greece, which uses EL. */
  prefix: string;
  /** The part after the prefix. */
  body: RegExp;
  /** "2 characters and 9 digits": the words of the error message. */
  shape: string;
  /** "11 characters": the words of the field's hint. */
  length: string;
  adjective: string;
  example: string;
};

const rules: Record<EuCountryCode, VatRule> = {
  AT: { prefix: "AT", body: /^U\d{8}$/, shape: "U and 8 digits", length: "U and 8 digits", adjective: "Austrian", example: "ATU13585627" },
  BE: { prefix: "BE", body: /^[01]\d{9}$/, shape: "0 or 1 and 9 digits", length: "10 digits", adjective: "Belgian", example: "BE0428759497" },
  BG: { prefix: "BG", body: /^\d{9,10}$/, shape: "9 or 10 digits", length: "9 or 10 digits", adjective: "Bulgarian", example: "BG175074752" },
  CY: { prefix: "CY", body: /^\d{8}[A-Z]$/, shape: "8 digits and a letter", length: "9 characters", adjective: "Cypriot", example: "CY10259033P" },
  CZ: { prefix: "CZ", body: /^\d{8,10}$/, shape: "8 to 10 digits", length: "8 to 10 digits", adjective: "Czech", example: "CZ25123891" },
  DE: { prefix: "DE", body: /^\d{9}$/, shape: "9 digits", length: "9 digits", adjective: "German", example: "DE136695976" },
  DK: { prefix: "DK", body: /^\d{8}$/, shape: "8 digits", length: "8 digits", adjective: "Danish", example: "DK13585628" },
  EE: { prefix: "EE", body: /^\d{9}$/, shape: "9 digits", length: "9 digits", adjective: "Estonian", example: "EE100247019" },
  ES: {
    prefix: "ES",
    body: /^[A-Z0-9]\d{7}[A-Z0-9]$/,
    shape: "a letter or digit, 7 digits and a letter or digit",
    length: "9 characters",
    adjective: "Spanish",
    example: "ESA28015865",
  },
  FI: { prefix: "FI", body: /^\d{8}$/, shape: "8 digits", length: "8 digits", adjective: "Finnish", example: "FI20774740" },
  // The two-character key is digits or letters, but never O or I (too close to 0 and 1).
  FR: { prefix: "FR", body: /^[0-9A-HJ-NP-Z]{2}\d{9}$/, shape: "2 characters and 9 digits", length: "11 characters", adjective: "French", example: "FR40303265045" },
  GR: { prefix: "EL", body: /^\d{9}$/, shape: "9 digits", length: "9 digits", adjective: "Greek", example: "EL094014201" },
  HR: { prefix: "HR", body: /^\d{11}$/, shape: "11 digits", length: "11 digits", adjective: "Croatian", example: "HR33392005961" },
  HU: { prefix: "HU", body: /^\d{8}$/, shape: "8 digits", length: "8 digits", adjective: "Hungarian", example: "HU12892312" },
  // 7 digits and one or two letters, or the older digit, letter (or + or *), 5 digits, letter.
  IE: {
    prefix: "IE",
    body: /^(\d{7}[A-W][A-I]?|\d[A-Z+*]\d{5}[A-W])$/,
    shape: "7 digits and 1 or 2 letters",
    length: "8 or 9 characters",
    adjective: "Irish",
    example: "IE6388047V",
  },
  IT: { prefix: "IT", body: /^\d{11}$/, shape: "11 digits", length: "11 digits", adjective: "Italian", example: "IT00743110157" },
  LT: { prefix: "LT", body: /^(\d{9}|\d{12})$/, shape: "9 or 12 digits", length: "9 or 12 digits", adjective: "Lithuanian", example: "LT119511515" },
  LU: { prefix: "LU", body: /^\d{8}$/, shape: "8 digits", length: "8 digits", adjective: "Luxembourg", example: "LU26375245" },
  LV: { prefix: "LV", body: /^\d{11}$/, shape: "11 digits", length: "11 digits", adjective: "Latvian", example: "LV40003521600" },
  MT: { prefix: "MT", body: /^\d{8}$/, shape: "8 digits", length: "8 digits", adjective: "Maltese", example: "MT11679112" },
  NL: { prefix: "NL", body: /^\d{9}B\d{2}$/, shape: "9 digits, B and 2 digits", length: "12 characters", adjective: "Dutch", example: "NL004495445B01" },
  PL: { prefix: "PL", body: /^\d{10}$/, shape: "10 digits", length: "10 digits", adjective: "Polish", example: "PL5261040828" },
  PT: { prefix: "PT", body: /^\d{9}$/, shape: "9 digits", length: "9 digits", adjective: "Portuguese", example: "PT501964843" },
  RO: { prefix: "RO", body: /^[1-9]\d{1,9}$/, shape: "2 to 10 digits", length: "2 to 10 digits", adjective: "Romanian", example: "RO18547290" },
  // The 10-digit organization number followed by 01.
  SE: { prefix: "SE", body: /^\d{10}01$/, shape: "12 digits ending in 01", length: "12 digits", adjective: "Swedish", example: "SE556188840401" },
  SI: { prefix: "SI", body: /^\d{8}$/, shape: "8 digits", length: "8 digits", adjective: "Slovenian", example: "SI50223054" },
  SK: { prefix: "SK", body: /^\d{10}$/, shape: "10 digits", length: "10 digits", adjective: "Slovak", example: "SK2022749619" },
};

export const maxTaxIdLength = 30;

export type VatResult = { ok: true; normalized: string } | { ok: false; message: string };

/** Upper case, without the spaces, dots and dashes people type to group digits. */
export function normalizeVat(raw: string): string {
  return raw.toUpperCase().replace(/[\s.\-‐‑‒–—]/g, "");
}

/** The example and shape of a member state's numbers, for tests and the help text. */
export function vatRuleOf(country: EuCountryCode): Pick<VatRule, "prefix" | "example" | "shape"> {
  const { prefix, example, shape } = rules[country];
  return { prefix, example, shape };
}

/** The field's hint for the chosen country ("FR followed by 11 characters, …" or "Optional…"). */
export function vatHint(country: string): string {
  if (!isEuCountry(country)) return "Optional. Your company’s tax ID, if it has one.";
  const rule = rules[country];
  return `Optional. ${rule.prefix} followed by ${rule.length}, e.g. ${rule.example}.`;
}

/** "A French VAT number is FR followed by 2 characters and 9 digits, e.g. FR40303265045." */
export function vatShapeMessage(country: EuCountryCode): string {
  const rule = rules[country];
  const a = article(rule.adjective);
  return `${a[0].toUpperCase()}${a.slice(1)} ${rule.adjective} VAT number is ${rule.prefix} followed by ${rule.shape}, e.g. ${rule.example}.`;
}

/** The member state whose prefix `normalized` starts with (GR as well as EL for Greece). */
function prefixCountry(normalized: string): EuCountryCode | null {
  const start = normalized.slice(0, 2);
  if (start === "GR") return "GR";
  return euCountryCodes.find((code) => rules[code].prefix === start) ?? null;
}

/** A well-formed number of another member state than `country`, e.g. a German one for France. */
function otherMemberState(normalized: string, country: string): EuCountryCode | null {
  const other = prefixCountry(normalized);
  if (!other || other === country) return null;
  return rules[other].body.test(normalized.slice(2)) ? other : null;
}

function mismatchMessage(other: EuCountryCode, country: string): string {
  const instead = isEuCountry(country) ? `Enter ${article(rules[country].adjective)} ${rules[country].adjective} VAT number` : "Enter the company’s tax ID there";
  return `This is ${article(rules[other].adjective)} ${rules[other].adjective} VAT number, which does not match the billing country (${countryName(country)}). ${instead}, or change the country to ${countryName(other)}.`;
}

function article(adjective: string): string {
  return /^[AEIOU]/.test(adjective) ? "an" : "a";
}

/**
 * Checks a VAT number (or tax ID) typed for a billing address in `country` and returns it the way
 * it is stored: an EU number always with its country's prefix (EL for Greece), typed with or
 * without it. Call it with a non-empty value; an empty field means "no VAT number".
 */
export function validateVat(country: string, raw: string): VatResult {
  const normalized = normalizeVat(raw);
  const other = otherMemberState(normalized, country);
  if (other) return { ok: false, message: mismatchMessage(other, country) };

  if (!isEuCountry(country)) {
    if (normalized.length === 0 || normalized.length > maxTaxIdLength || !/^[A-Z0-9/]+$/.test(normalized)) {
      return { ok: false, message: `A tax ID is at most ${maxTaxIdLength} letters, digits and slashes.` };
    }
    return { ok: true, normalized };
  }

  const rule = rules[country];
  const body = prefixCountry(normalized) === country ? normalized.slice(2) : normalized;
  return rule.body.test(body) ? { ok: true, normalized: `${rule.prefix}${body}` } : { ok: false, message: vatShapeMessage(country) };
}
