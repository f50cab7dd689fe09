import type { RegionLevel } from '@massline/shared';
import { useId, useState, type KeyboardEvent } from 'react';
import { useQuery } from 'urql';
import type { ResultOf } from '../../app/graphql';
import { useI18n } from '../../app/i18n/i18n-provider';
import type { FieldControlProps } from '../../lib/form-field';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { RegionSearchQuery } from './region.operations';

type RegionSearchNode = ResultOf<typeof RegionSearchQuery>['regions']['edges'][number]['node'];
/** A picked region: as the search returns it, or given from elsewhere (the user's own) without the labelling fields. */
export type RegionOption = Omit<RegionSearchNode, 'nameRepeats' | 'parent'> & Partial<Pick<RegionSearchNode, 'nameRepeats' | 'parent'>>;

interface RegionSelectProps {
  control: FieldControlProps;
  value: RegionOption | null;
  onChange(region: RegionOption | null): void;
  /** Only regions of this level (e.g. a citizen's residence is a township). */
  level?: RegionLevel;
  /** Only this region and the regions under it (e.g. the caller's jurisdiction). */
  withinId?: string;
  /** The input gets this test id, each option `${testId}-option`. */
  testId: string;
}

/** A searchable region picker (a combobox): type part of a name or the start of a code, pick one. */
export function RegionSelect({ control, value, onChange, level, withinId, testId }: RegionSelectProps) {
  const { t, regionName } = useI18n();
  const listId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const search = useDebouncedValue(text.trim());
  const [{ data, fetching, error }] = useQuery({
    query: RegionSearchQuery,
    variables: { search: search || null, level: level ?? null, withinId: withinId ?? null },
    pause: !open,
  });
  // Only answers to what is typed now: no stale options to click while the search is under way.
  const settled = search === text.trim() && !fetching;
  const options = settled ? (data?.regions.edges.map((edge) => edge.node) ?? []) : [];
  const label = (region: RegionOption) => `${regionName(region)} (${region.code})`;

  const choose = (region: RegionOption) => {
    onChange(region);
    setText('');
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (options.length ? (current + step + options.length) % options.length : 0));
    } else if (event.key === 'Enter' && open && options[active]) {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

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
        aria-activedescendant={open && options[active] ? `${listId}-${options[active].id}` : undefined}
        data-testid={testId}
        placeholder={value ? label(value) : t('regionSelect.placeholder')}
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
          {!settled && <li className="combobox-note">{t('state.loading')}</li>}
          {settled && error && <li className="combobox-note">{t('regionSelect.error')}</li>}
          {settled && data && options.length === 0 && <li className="combobox-note">{t('regionSelect.none')}</li>}
          {options.map((region, index) => (
            <li
              key={region.id}
              id={`${listId}-${region.id}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'combobox-option is-active' : 'combobox-option'}
              data-testid={`${testId}-option`}
              onMouseEnter={() => setActive(index)}
              onClick={() => choose(region)}
            >
              <span>{regionName(region)}</span>
              <small>
                {region.code} · {t(`level.${region.level}`)}
              </small>
            </li>
          ))}
          {settled && data && data.regions.totalCount > options.length && (
            <li className="combobox-note">{t('regionSelect.more', { count: data.regions.totalCount - options.length })}</li>
          )}
        </ul>
      )}
    </div>
  );
}
