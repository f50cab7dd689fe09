import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useClient, useQuery, type AnyVariables, type DocumentInput } from 'urql';
import type { FieldControlProps } from './form-field';
import { useDebouncedValue } from './use-debounced-value';

/** One page of a searched connection, as the picker needs it. */
export interface SearchPage<Option> {
  options: Option[];
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

/** What the picker says, in the reader's language. */
export interface SearchSelectTexts {
  placeholder: string;
  loading: string;
  none: string;
  error: string;
  /** The option that loads the next page: `count` more match. */
  more(count: number): string;
}

export interface SearchSelectProps<Option extends { id: string }, Data, Variables extends AnyVariables> {
  control: FieldControlProps;
  value: Option | null;
  onChange(option: Option | null): void;
  /** A keyset-paged list query of the server, searched and filtered there (and by the caller's permissions). */
  query: DocumentInput<Data, Variables>;
  /** Its variables for what is typed (null: nothing) and the page (null: the first; else the cursor after which). */
  variables(search: string | null, after: string | null): Variables;
  page(data: Data): SearchPage<Option>;
  /** The chosen option as the input shows it. */
  label(option: Option): string;
  renderOption(option: Option): ReactNode;
  texts: SearchSelectTexts;
  /** The input gets this test id, each option `${testId}-option`, the next page's `${testId}-more`. */
  testId: string;
}

/**
 * A searchable select (a combobox, `.combobox` in styles.css): type part of a name, the server answers a
 * page of matches; arrows move, Enter picks, Escape closes; the last option loads the next page, so that
 * every match can be reached without typing more.
 */
export function SearchSelect<Option extends { id: string }, Data, Variables extends AnyVariables>({
  control,
  value,
  onChange,
  query,
  variables,
  page,
  label,
  renderOption,
  texts,
  testId,
}: SearchSelectProps<Option, Data, Variables>) {
  const listId = useId();
  const client = useClient();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  /** The pages after the first, loaded for this search text. */
  const [more, setMore] = useState<{ search: string; pages: SearchPage<Option>[] } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const search = useDebouncedValue(text.trim());
  const [{ data, fetching, error }] = useQuery({ query, variables: variables(search || null, null), pause: !open });
  // Only answers to what is typed now: no stale options to click while the search is under way.
  const settled = search === text.trim() && !fetching;
  const first = settled && data ? page(data) : null;
  const later = more?.search === search ? more.pages : [];
  const last = later[later.length - 1] ?? first;
  const options = first ? [first, ...later].flatMap((p) => p.options) : [];
  const hasMore = last !== null && last.hasNextPage;
  /** The "more" entry is the last option: reached by the arrows like any other. */
  const count = options.length + (hasMore ? 1 : 0);

  const choose = (option: Option) => {
    onChange(option);
    setText('');
    setMore(null);
    setOpen(false);
  };

  const loadMore = async () => {
    if (!last?.endCursor || loadingMore) return;
    setLoadingMore(true);
    const answer = await client.query(query, variables(search || null, last.endCursor)).toPromise();
    setLoadingMore(false);
    if (answer.data) {
      const next = page(answer.data);
      setMore((current) => ({ search, pages: [...(current?.search === search ? current.pages : []), next] }));
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (count ? (current + step + count) % count : 0));
    } else if (event.key === 'Enter' && open && active < count) {
      event.preventDefault();
      if (options[active]) choose(options[active]);
      else void loadMore();
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  const optionId = (index: number) => (options[index] ? `${listId}-${options[index].id}` : `${listId}-more`);
  return (
    <div className="combobox">
      <input
        {...control}
        type="search"
        role="combobox"
        autoComplete="off"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && active < count ? optionId(active) : undefined}
        data-testid={testId}
        placeholder={value ? label(value) : texts.placeholder}
        value={open ? text : value ? label(value) : text}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
          setOpen(true);
          if (value) onChange(null);
        }}
      />
      {open && (
        // Options are chosen on mouse down, before the input's blur closes the list.
        <ul id={listId} role="listbox" className="combobox-list" onMouseDown={(event) => event.preventDefault()}>
          {!settled && <li className="combobox-note">{texts.loading}</li>}
          {settled && error && <li className="combobox-note">{texts.error}</li>}
          {first && options.length === 0 && <li className="combobox-note">{texts.none}</li>}
          {options.map((option, index) => (
            <li
              key={option.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'combobox-option is-active' : 'combobox-option'}
              data-testid={`${testId}-option`}
              onMouseEnter={() => setActive(index)}
              onClick={() => choose(option)}
            >
              {renderOption(option)}
            </li>
          ))}
          {hasMore && first && (
            <li
              id={`${listId}-more`}
              role="option"
              aria-selected={active === options.length}
              className={active === options.length ? 'combobox-option is-active' : 'combobox-option'}
              data-testid={`${testId}-more`}
              onMouseEnter={() => setActive(options.length)}
              onClick={() => void loadMore()}
            >
              {loadingMore ? texts.loading : texts.more(first.totalCount - options.length)}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
