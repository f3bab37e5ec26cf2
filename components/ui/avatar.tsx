import { cn } from "./cn";

type Props = { name: string | null; email?: string; image?: string | null; seed?: string; size?: "sm" | "md"; className?: string };

// Pairs that keep 4.5:1 contrast for the initials in light and dark.
const palette = [
  "bg-indigo-100 text-indigo-800 dark:bg-indigo-900 dark:text-indigo-100",
  "bg-emerald-100 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-100",
  "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  "bg-rose-100 text-rose-800 dark:bg-rose-900 dark:text-rose-100",
  "bg-sky-100 text-sky-800 dark:bg-sky-900 dark:text-sky-100",
  "bg-violet-100 text-violet-800 dark:bg-violet-900 dark:text-violet-100",
  "bg-teal-100 text-teal-800 dark:bg-teal-900 dark:text-teal-100",
  "bg-orange-100 text-orange-900 dark:bg-orange-900 dark:text-orange-100",
];

/** A stable colour for a slug or email: the same organization looks the same everywhere. */
export function colourFor(seed: string): string {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return palette[hash % palette.length];
}

/** The first letters of up to two words of the name, else the email's first letter. */
export function initialsOf(name: string | null, email = ""): string {
  const words = (name ?? "").trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return email.slice(0, 1).toUpperCase() || "?";
  return words.slice(0, 2).map((word) => word[0].toUpperCase()).join("");
}

/** A picture, or initials on a colour derived from `seed`; decorative, since the name sits beside it. */
export function Avatar({ name, email, image, seed, size = "md", className }: Props) {
  // The shape lives once in globals.css ([data-avatar]); only the colour is per avatar.
  const shape = size === "sm" ? "sm" : "";
  if (image) {
    // A plain img: provider avatars come from any host, so next/image would need every host listed.
    return <img src={image} alt="" width={32} height={32} data-avatar={shape} className={className} referrerPolicy="no-referrer" />;
  }
  return (
    <span aria-hidden data-avatar={shape} className={cn(colourFor(seed ?? email ?? name ?? ""), className)}>
      {initialsOf(name, email)}
    </span>
  );
}
