import { PageTitle } from './PageTitle';

/** An honest page for a section that is not built yet. */
export function ComingSoon({ title, text }: { title: string; text: string }) {
  return (
    <section className="page">
      <PageTitle title={title} />
      <div className="coming-soon">
        <p>{text}</p>
      </div>
    </section>
  );
}
