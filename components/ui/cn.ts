/** Joins class names, skipping the falsy ones (variants are data, so no merging library is needed). */
export function cn(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(" ");
}
