import { type ButtonSize, type ButtonVariant, buttonClass } from "./button-styles";
import { Spinner } from "./spinner";

export { buttonClass };

type Props = React.ComponentProps<"button"> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Shows a spinner and `pendingLabel`, and refuses clicks, while the work runs. */
  pending?: boolean;
  pendingLabel?: React.ReactNode;
};

/** The one button. Works in server and client components; `SubmitButton` adds a form's pending state. */
export function Button({ variant, size, pending = false, pendingLabel, className, children, type = "button", disabled, ...rest }: Props) {
  return (
    <button
      type={type}
      disabled={disabled || pending}
      data-pending={pending || undefined}
      className={buttonClass({ variant, size, className })}
      {...rest}
    >
      {pending && <Spinner />}
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
