/** What the "Last active" cell shows, worked out on the server (UTC) so hydration sees the same text. */
export type LastActive = { text: string; title: string; at: string | null };

export function LastActiveTime({ value }: { value: LastActive }) {
  if (!value.at) {
    return (
      <span title={value.title} className="text-zinc-600 dark:text-zinc-400">
        {value.text}
      </span>
    );
  }
  return (
    <time dateTime={value.at} title={value.title}>
      {value.text}
    </time>
  );
}
