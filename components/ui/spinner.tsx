/** A small decorative spinner; the button's text says what is happening. */
export function Spinner() {
  return <span aria-hidden className="size-3.5 animate-spin rounded-full border-2 border-current/30 border-t-current" />;
}
