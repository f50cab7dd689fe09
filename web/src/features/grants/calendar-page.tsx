import { grants, problemMessage } from '@massline/shared';
import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { problemText, useFieldMessages } from '../../lib/error-message';
import { FormAlert, FormField, FormNotice } from '../../lib/form-field';
import { ErrorState, Loading } from '../../lib/states';
import { useApiMutation } from '../../lib/use-api-mutation';
import './grants.css';
import { useGrantsI18n } from './grants-i18n';
import { SetWorkingCalendarMutation, WorkingCalendarQuery } from './grants.operations';
import { calendarOf } from './step-check';

type DayKind = 'holidays' | 'makeUpDays';
interface CalendarDay {
  day: string;
  note: string;
}
interface CalendarDraft {
  holidays: CalendarDay[];
  makeUpDays: CalendarDay[];
}

const byDay = (a: CalendarDay, b: CalendarDay) => a.day.localeCompare(b.day);
const MONTHS = Array.from({ length: 12 }, (_, month) => month + 1);

/** The working days of each month of a year under a draft of its calendar (weekends, holidays and make-up days). */
function monthlyWorkingDays(year: number, draft: CalendarDraft): { month: number; workingDays: number }[] {
  const calendar = calendarOf([draft]);
  return MONTHS.map((month) => {
    const first = `${year}-${String(month).padStart(2, '0')}-01`;
    const last = grants.addDays(month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`, -1);
    return { month, workingDays: grants.workingDaysBetween(first, last, calendar) };
  });
}

/** One year's days being edited: add, remove, see each month's working days, save (replacing the year's schedule). */
function CalendarEditor({ year, saved }: { year: number; saved: CalendarDraft }) {
  const { t, locale } = useGrantsI18n();
  const [draft, setDraft] = useState<CalendarDraft>(saved);
  const [day, setDay] = useState('');
  const [note, setNote] = useState('');
  const [kind, setKind] = useState<DayKind>('holidays');
  const [notice, setNotice] = useState<string | null>(null);
  const save = useApiMutation(SetWorkingCalendarMutation);
  const refused = useFieldMessages(save.error);
  const i18n = useGrantsI18n();
  // Shared's checks of the year, as the server makes them, shown on each row before saving.
  const problems = grants.calendarYearProblems({ year, ...draft });
  const problemOfRow = (list: DayKind, index: number) => {
    const found = problems[`${list}.${index}`];
    return found ? (problemText(found, i18n) ?? problemMessage(found)) : refused[`${list}.${index}`];
  };
  const months = monthlyWorkingDays(year, draft);
  const monthName = (month: number) =>
    new Date(Date.UTC(year, month - 1, 1)).toLocaleDateString(locale, { month: 'long', timeZone: 'UTC' });

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!grants.isIsoDate(day) || note.trim() === '') return;
    setDraft((current) => ({ ...current, [kind]: [...current[kind], { day, note: note.trim() }].sort(byDay) }));
    setDay('');
    setNote('');
    setNotice(null);
  };
  const remove = (list: DayKind, index: number) => {
    setDraft((current) => ({ ...current, [list]: current[list].filter((_, at) => at !== index) }));
    setNotice(null);
  };
  const onSave = async () => {
    if (await save.run({ input: { year, holidays: draft.holidays, makeUpDays: draft.makeUpDays } }))
      setNotice(t('calendar.saved', { year }));
  };

  const list = (which: DayKind) => (
    <section className="card" data-testid={`calendar-${which}`}>
      <h2>{t(`calendar.${which}`)}</h2>
      {draft[which].length === 0 && <p className="muted">{t('calendar.noDays')}</p>}
      <ul className="calendar-days">
        {draft[which].map((entry, index) => (
          <li key={`${entry.day}-${index}`} data-testid="calendar-day">
            <span>
              <strong>{entry.day}</strong> <span data-i18n-exempt>{entry.note}</span>
            </span>
            <button type="button" className="button" data-testid="calendar-day-remove" onClick={() => remove(which, index)}>
              {t('calendar.remove')}
            </button>
            {problemOfRow(which, index) && (
              <small className="field-error" data-testid="calendar-day-problem">
                {problemOfRow(which, index)}
              </small>
            )}
          </li>
        ))}
      </ul>
    </section>
  );

  return (
    <>
      {notice && <FormNotice>{notice}</FormNotice>}
      <FormAlert error={save.error} />
      <form className="form card" onSubmit={add} noValidate aria-labelledby="calendar-add-title" data-testid="calendar-add-form">
        <h2 id="calendar-add-title">{t('calendar.add')}</h2>
        <div className="form-grid">
          <FormField label={t('calendar.kind')}>
            {(control) => (
              <select
                {...control}
                data-testid="calendar-add-kind"
                value={kind}
                onChange={(event) => setKind(event.target.value as DayKind)}
              >
                <option value="holidays">{t('calendar.holiday')}</option>
                <option value="makeUpDays">{t('calendar.makeUpDay')}</option>
              </select>
            )}
          </FormField>
          <FormField label={t('calendar.day')}>
            {(control) => (
              <input
                {...control}
                type="date"
                min={`${year}-01-01`}
                max={`${year}-12-31`}
                data-testid="calendar-add-day"
                value={day}
                onChange={(event) => setDay(event.target.value)}
              />
            )}
          </FormField>
          <FormField label={t('calendar.note')} hint={t('calendar.noteHint')}>
            {(control) => (
              <input
                {...control}
                maxLength={100}
                data-testid="calendar-add-note"
                value={note}
                onChange={(event) => setNote(event.target.value)}
              />
            )}
          </FormField>
        </div>
        <div className="form-actions">
          <button
            type="submit"
            className="button"
            data-testid="calendar-add-submit"
            disabled={!grants.isIsoDate(day) || note.trim() === ''}
          >
            {t('calendar.addSubmit')}
          </button>
        </div>
      </form>
      {list('holidays')}
      {list('makeUpDays')}
      <section className="card">
        <h2>{t('calendar.months')}</h2>
        <table className="data-table" data-testid="calendar-months">
          <thead>
            <tr>
              <th scope="col">{t('calendar.month')}</th>
              <th scope="col">{t('calendar.workingDays')}</th>
            </tr>
          </thead>
          <tbody>
            {months.map(({ month, workingDays }) => (
              <tr key={month} data-testid="calendar-month">
                <td>{monthName(month)}</td>
                <td data-testid="calendar-month-days">{workingDays}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary"
          data-testid="calendar-save"
          disabled={save.fetching || Object.keys(problems).length > 0}
          onClick={onSave}
        >
          {t('calendar.save', { year })}
        </button>
      </div>
    </>
  );
}

/**
 * The official holiday schedule, year by year (an organization of the root region keeps it): public holidays
 * and make-up working days with their names, each month's working days, saved with `setWorkingCalendar`.
 * The step forms' notice check reads it from the server.
 */
export function CalendarPage() {
  const { t } = useGrantsI18n();
  const [year, setYear] = useState(() => new Date().getUTCFullYear());
  const [{ data, fetching, error }, reexecute] = useQuery({ query: WorkingCalendarQuery, variables: { year } });
  const saved = data?.workingCalendar.year === year ? data.workingCalendar : null;
  return (
    <section className="page grants-page">
      <header className="page-header">
        <h1>{t('calendar.title')}</h1>
        <p className="page-intro">{t('calendar.intro')}</p>
      </header>
      <label className="filter">
        <span>{t('calendar.year')}</span>
        <input
          type="number"
          min={2000}
          max={2100}
          data-testid="calendar-year"
          value={year}
          onChange={(event) => {
            const chosen = Number(event.target.value);
            if (Number.isInteger(chosen) && chosen >= 2000 && chosen <= 2100) setYear(chosen);
          }}
        />
      </label>
      {!saved && fetching && <Loading />}
      {error && !saved && <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {saved && (
        <CalendarEditor
          key={year}
          year={year}
          saved={{
            holidays: saved.holidays.map(({ day, note }) => ({ day, note })),
            makeUpDays: saved.makeUpDays.map(({ day, note }) => ({ day, note })),
          }}
        />
      )}
    </section>
  );
}
