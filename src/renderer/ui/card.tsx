import type { HTMLAttributes, ReactNode } from 'react';

export interface CardProps extends HTMLAttributes<HTMLElement> {
  readonly as?: 'section' | 'div' | 'article' | 'li';
  readonly children: ReactNode;
}

/** A calm white surface for grouping one thing. */
export function Card({ as: Tag = 'div', className, children, ...rest }: CardProps) {
  return (
    <Tag {...rest} className={['card', className ?? ''].join(' ').trim()}>
      {children}
    </Tag>
  );
}
