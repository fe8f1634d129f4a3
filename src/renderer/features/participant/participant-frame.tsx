import type { ReactNode } from 'react';
import { AppHeader } from '../../ui/app-header';

/** The phone-first page frame: header with "Aa" and language, then one column of large type. */
export function ParticipantFrame({ children }: { readonly children: ReactNode }) {
  return (
    <div className="participant">
      <AppHeader />
      <main id="main" className="page stack" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
