/** A failure in words under what failed, read out at once (role="alert"); nothing when there is none. */
export function ErrorLine({ error, id }: { readonly error: string | null | undefined; readonly id?: string }) {
  if (!error) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {error}
    </p>
  );
}
