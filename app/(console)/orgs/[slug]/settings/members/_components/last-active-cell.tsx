"use client";

import { formatDateTime } from "@/lib/format";

/**
 * "Last active" as a row's data: the relative text (worked out on the server, so hydration sees
 * the same words) and the instant to the minute; absent when the member was never seen.
 */
export type LastActive = readonly [text: string, at: string];

/** The exact time (UTC) on hover; "Never" is explained once, under the filter. */
export function LastActiveTime({ value }: { value?: LastActive }) {
  if (!value) return "Never";
  const [text, at] = value;
  return (
    <time dateTime={at} title={formatDateTime(new Date(at))}>
      {text}
    </time>
  );
}
