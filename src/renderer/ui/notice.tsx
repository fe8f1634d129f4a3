import type { ReactNode } from 'react';

export type NoticeTone = 'info' | 'success' | 'warning' | 'error';

export interface NoticeProps {
  readonly tone?: NoticeTone;
  readonly title?: string;
  readonly children?: ReactNode;
  /** `alert` for errors that need attention now; `status` for calm updates; none for static text. */
  readonly role?: 'alert' | 'status';
  readonly id?: string;
}

/** A message box; colour is never the only signal (a title or the text carries the meaning). */
export function Notice({ tone = 'info', title, children, role, id }: NoticeProps) {
  return (
    <div className={`notice notice-${tone}`} role={role} id={id}>
      <div>
        {title ? <p className="notice-title">{title}</p> : null}
        {children}
      </div>
    </div>
  );
}

export interface EmptyStateProps {
  readonly title: string;
  readonly children?: ReactNode;
  readonly headingLevel?: 2 | 3;
}

export function EmptyState({ title, children, headingLevel = 2 }: EmptyStateProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="empty-state">
      <Heading>{title}</Heading>
      {children}
    </div>
  );
}
