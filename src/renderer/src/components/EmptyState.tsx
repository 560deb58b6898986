export function EmptyState({ title, text, testId = 'empty-state' }: { title: string; text: string; testId?: string }) {
  return (
    <div className="state state--empty" data-testid={testId}>
      <h2 className="state__title">{title}</h2>
      <p>{text}</p>
    </div>
  );
}
