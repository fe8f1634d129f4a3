import type { ReactNode } from 'react';
import { AppHeader } from '../../ui/app-header';

/**
 * The phone-first page frame: header with "Visning" (the comfort settings: larger text, high
 * contrast, lättläst, read-aloud layout) and language, then one column of large type.
 */
export function ParticipantFrame({ children }: { readonly children: ReactNode }) {
  return (
    <div className="participant">
      <AppHeader comfort />
      <main id="main" className="page stack" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
