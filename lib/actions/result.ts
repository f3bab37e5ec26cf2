/** The one shape every form action returns (STYLE.md rule 5). */
export type ActionResult =
  | {
      ok: true;
      message?: string;
      // Values a form shows after success, such as an invitation link to copy.
      data?: Record<string, string>;
    }
  | {
      ok: false;
      formError?: string;
      fieldErrors?: Partial<Record<string, string>>;
      // Echoed back so React 19's form reset does not throw away what the user typed.
      values?: Record<string, string>;
    };

export type ActionState = ActionResult | null;
