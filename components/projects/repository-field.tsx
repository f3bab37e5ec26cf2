import { Field } from "@/components/ui/field";

type Props = { defaultValue: string; error?: string };

/**
 * The application's Git repository, typed as owner/name. Its own component because a later issue
 * swaps it for a picker of the repositories the organization's GitHub App can reach; the form and
 * the server keep the field's name (gitRepository) and shape.
 */
export function RepositoryField({ defaultValue, error }: Props) {
  return (
    <Field
      name="gitRepository"
      label="Git repository"
      required
      hint="The GitHub repository as owner/name, for example acme/web."
      defaultValue={defaultValue}
      error={error}
      autoComplete="off"
      inputProps={{ spellCheck: false, autoCapitalize: "none", placeholder: "owner/name" }}
    />
  );
}
