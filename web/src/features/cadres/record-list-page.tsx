import { useState, type ReactNode } from 'react';
import { FormNotice } from '../../lib/form-field';
import { useCadresI18n } from './cadres-i18n';

interface RecordListPageProps {
  title: string;
  intro: string;
  /** The button that opens the form (absent: the caller may not record one). */
  create: { label: string; testId: string } | null;
  /** The form of a new record; `onCreated` gets the notice to show. */
  form(done: { onCreated(notice: string): void; onCancel(): void }): ReactNode;
  search: { value: string; onChange(value: string): void; placeholder: string; testId: string };
  /** The list itself (loading, error, table). */
  children: ReactNode;
}

/** The frame of the cadres' and posts' lists: title, the button and form to record one, its notice, the search. */
export function RecordListPage({ title, intro, create, form, search, children }: RecordListPageProps) {
  const { t } = useCadresI18n();
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section className="page">
      <header className="page-header page-header-row">
        <div>
          <h1>{title}</h1>
          <p className="page-intro">{intro}</p>
        </div>
        {create && !creating && (
          <button
            type="button"
            className="button button-primary"
            data-testid={create.testId}
            onClick={() => {
              setCreating(true);
              setNotice(null);
            }}
          >
            {create.label}
          </button>
        )}
      </header>
      {notice && <FormNotice>{notice}</FormNotice>}
      {creating &&
        form({
          onCancel: () => setCreating(false),
          onCreated: (text) => {
            setCreating(false);
            setNotice(text);
          },
        })}
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <label className="filter">
          <span>{t('filter.search')}</span>
          <input
            type="search"
            data-testid={search.testId}
            placeholder={search.placeholder}
            value={search.value}
            onChange={(event) => search.onChange(event.target.value)}
          />
        </label>
      </form>
      {children}
    </section>
  );
}
