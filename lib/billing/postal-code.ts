// Postal codes are checked only where the format is simple and certain; everywhere else any
// 1–20 characters are accepted (many countries mix letters, spaces and dashes, a few have none
// that people use, and a wrong refusal blocks a customer for good).

type PostalRule = { pattern: RegExp; normalize: (value: string) => string; message: string };

const upper = (value: string) => value.toUpperCase();

const rules: Record<string, PostalRule> = {
  FR: { pattern: /^\d{5}$/, normalize: (v) => v, message: "A French postal code is 5 digits, e.g. 75008." },
  DE: { pattern: /^\d{5}$/, normalize: (v) => v, message: "A German postal code is 5 digits, e.g. 10115." },
  US: { pattern: /^\d{5}(-\d{4})?$/, normalize: (v) => v, message: "A ZIP code is 5 digits, or 5 digits, a dash and 4 digits, e.g. 94103 or 94103-1234." },
  // Outward code (area, district) then inward code (sector digit, unit letters); stored with one space.
  GB: {
    pattern: /^(GIR 0AA|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2})$/,
    normalize: (v) => {
      const compact = upper(v).replace(/\s+/g, "");
      return compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
    },
    message: "A UK postcode looks like SW1A 1AA or M1 1AE.",
  },
  NL: {
    pattern: /^\d{4} [A-Z]{2}$/,
    normalize: (v) => upper(v).replace(/^(\d{4})\s*([A-Za-z]{2})$/, "$1 $2"),
    message: "A Dutch postal code is 4 digits and 2 letters, e.g. 1012 AB.",
  },
};

export const maxPostalCodeLength = 20;

export type PostalCodeResult = { ok: true; normalized: string } | { ok: false; message: string };

/** Checks a trimmed, non-empty postal code for the country and returns the way it is stored. */
export function validatePostalCode(country: string, value: string): PostalCodeResult {
  const rule = Object.hasOwn(rules, country) ? rules[country] : null;
  if (!rule) {
    return value.length <= maxPostalCodeLength
      ? { ok: true, normalized: value }
      : { ok: false, message: `The postal code must be at most ${maxPostalCodeLength} characters.` };
  }
  const normalized = rule.normalize(value);
  return rule.pattern.test(normalized) ? { ok: true, normalized } : { ok: false, message: rule.message };
}
