/** The key that does the same as a button, shown on it (screen readers get aria-keyshortcuts). */
export function KeyHint({ label }: { readonly label: string }) {
  return (
    <kbd className="key-hint" aria-hidden="true">
      {label}
    </kbd>
  );
}
