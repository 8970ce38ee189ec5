import type { ReactNode } from 'react';
import { PageHeader } from './page-header';

interface ComingSoonProps {
  title: string;
  badge: string;
  body: string;
  eyebrow?: ReactNode;
  children?: ReactNode;
}

/** A page whose screen is not built yet: its title, and what it will hold. */
export function ComingSoon({ title, badge, body, eyebrow, children }: ComingSoonProps) {
  return (
    <>
      <PageHeader title={title} eyebrow={eyebrow} />
      <div className="panel coming-soon">
        <p className="badge badge--neutral">{badge}</p>
        <p className="coming-soon__body">{body}</p>
        {children}
      </div>
    </>
  );
}
