/** An ILIKE pattern matching `query` anywhere, with LIKE's wildcards escaped; null for no query. */
export function containsPattern(query: string | undefined): string | null {
  const trimmed = query?.trim();
  return trimmed ? `%${trimmed.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
}
