export function EmptyState({ title, text }: { title: string; text: string }) {
  return (
    <div className="state state--empty" data-testid="empty-state">
      <h2 className="state__title">{title}</h2>
      <p>{text}</p>
    </div>
  );
}
