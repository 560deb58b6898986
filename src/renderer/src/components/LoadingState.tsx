export function LoadingState({ message }: { message: string }) {
  return (
    <div className="state state--loading" role="status" data-testid="loading-state">
      <span className="spinner" aria-hidden="true" />
      <p>{message}</p>
    </div>
  );
}
