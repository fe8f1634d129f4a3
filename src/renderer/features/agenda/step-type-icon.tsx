/** A small line icon per step type, beside its name (decorative: the name is always written out). */
const PATHS: Record<string, string> = {
  'note-board': 'M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z',
  'silent-writing': 'M4 20h4L19 9l-4-4L4 16zM13 7l4 4',
  grouping: 'M3 5h8v6H3zM13 5h8v6h-8zM8 15h8v6H8zM7 11v4M17 11v4',
  'dot-voting': 'M6 6m-2.5 0a2.5 2.5 0 1 0 5 0a2.5 2.5 0 1 0-5 0M12 12m-2.5 0a2.5 2.5 0 1 0 5 0a2.5 2.5 0 1 0-5 0M18 18m-2.5 0a2.5 2.5 0 1 0 5 0a2.5 2.5 0 1 0-5 0',
  info: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M12 10v7M12 7v.5',
};
const FALLBACK = 'M5 5h14v14H5z';

export function StepTypeIcon({ type }: { readonly type: string }) {
  return (
    <svg
      className="step-type-icon"
      viewBox="0 0 24 24"
      width="24"
      height="24"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={PATHS[type] ?? FALLBACK}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
