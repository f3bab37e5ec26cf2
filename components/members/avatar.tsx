import { initialsOf } from "./format";

type Props = { name: string | null; email: string; image: string | null };

/** The person's picture, or their initials; decorative, since the name sits beside it. */
export function Avatar({ name, email, image }: Props) {
  if (image) {
    // A plain img: provider avatars come from any host, so next/image would need every host listed.
    return <img src={image} alt="" width={32} height={32} className="size-8 shrink-0 rounded-full object-cover" referrerPolicy="no-referrer" />;
  }
  return (
    <span aria-hidden className="grid size-8 shrink-0 place-items-center rounded-full bg-indigo-100 text-xs font-semibold text-indigo-800 dark:bg-indigo-900 dark:text-indigo-100">
      {initialsOf(name, email)}
    </span>
  );
}
