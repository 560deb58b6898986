import type { ReactNode } from 'react';

export function EmptyState({ title, text, testId = 'empty-state', children }: { title: string; text: string; testId?: string; children?: ReactNode }) {
  return (
    <div className="state state--empty" data-testid={testId}>
      <h2 className="state__title">{title}</h2>
      <p>{text}</p>
      {children}
    </div>
  );
}
