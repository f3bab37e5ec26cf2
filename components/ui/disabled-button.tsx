import { useId } from "react";
import { type ButtonSize, type ButtonVariant, buttonClass } from "./button-styles";
import { Tooltip } from "./tooltip";

type Props = { children: React.ReactNode; reason: string; variant?: ButtonVariant; size?: ButtonSize; className?: string };

/**
 * A control the caller's role cannot use, shown where they would look for it. It stays focusable
 * (aria-disabled, not disabled) so keyboard users reach it and hear the reason as its description;
 * the tooltip shows the same words on hover and focus. No JavaScript: server components use it.
 */
export function DisabledButton({ children, reason, variant = "primary", size, className }: Props) {
  const id = useId();
  return (
    <Tooltip content={reason} id={id}>
      <button type="button" aria-disabled="true" aria-describedby={id} className={buttonClass({ variant, size, className })}>
        {children}
      </button>
    </Tooltip>
  );
}
