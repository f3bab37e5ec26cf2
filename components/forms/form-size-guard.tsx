"use client";

import { useEffect } from "react";
import { formBodyLimitBytes, formTooLargeMessage } from "@/lib/http/form-body-limit";

// Room for the multipart boundaries, field names and the action's own fields.
const overheadPerField = 200;
const encoder = new TextEncoder();

function encodedSize(data: FormData): number {
  let size = 0;
  for (const [name, value] of data) {
    size += overheadPerField + encoder.encode(name).length + (typeof value === "string" ? encoder.encode(value).length : value.size);
  }
  return size;
}

function largestField(form: HTMLFormElement): HTMLInputElement | HTMLTextAreaElement | null {
  let largest: HTMLInputElement | HTMLTextAreaElement | null = null;
  for (const element of Array.from(form.elements)) {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) || element.type === "hidden") continue;
    if (!largest || element.value.length > largest.value.length) largest = element;
  }
  return largest;
}

/**
 * Every form on every page: a submission larger than a server action takes is stopped in the
 * browser, before React sends it, with the browser's own validation message on the largest field.
 * Nothing is sent and nothing typed is lost; typing again clears the message.
 */
export function FormSizeGuard() {
  useEffect(() => {
    function check(event: SubmitEvent) {
      const form = event.target;
      if (!(form instanceof HTMLFormElement)) return;
      if (encodedSize(new FormData(form, event.submitter)) <= formBodyLimitBytes) return;
      // Capture phase on window: runs before React's listener on the document, which never sees it.
      event.preventDefault();
      event.stopImmediatePropagation();
      const field = largestField(form);
      if (!field) return;
      field.setCustomValidity(formTooLargeMessage);
      field.setAttribute("aria-invalid", "true");
      field.addEventListener(
        "input",
        () => {
          field.setCustomValidity("");
          field.removeAttribute("aria-invalid");
        },
        { once: true },
      );
      field.reportValidity();
    }
    window.addEventListener("submit", check, true);
    return () => window.removeEventListener("submit", check, true);
  }, []);
  return null;
}
