// The largest form a server action takes. next.config.ts gives it to Next (serverActions.bodySizeLimit),
// proxy.ts refuses a larger declared body with 413 before Next reads it (Next itself would answer
// 500), and the browser checks a form's size before sending it, so what was typed stays put.
export const formBodyLimitBytes = 1024 * 1024;

/** A failed check's words, next to the field that holds most of the form. */
export const formTooLargeMessage = "This is too long to send: shorten it (a form takes at most 1 MB in all).";
