/**
 * After a row's removal its menu trigger is gone, so focus would fall to the document: put it on
 * the page's heading instead (made focusable from script only, so Tab never stops there).
 */
export function focusHeading(): void {
  const heading = document.getElementById("members-heading");
  if (!heading) return;
  heading.setAttribute("tabindex", "-1");
  // After Radix has finished closing the dialog and restoring focus, or it would take it back.
  requestAnimationFrame(() => heading.focus());
}
