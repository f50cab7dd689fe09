import { grants } from '@massline/shared';
import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { problemText, useFieldMessages } from '../../lib/error-message';
import { FormAlert, FormField } from '../../lib/form-field';
import { useApiMutation } from '../../lib/use-api-mutation';
import { useGrantsI18n, type GrantsMessageKey } from './grants-i18n';
import { RecordGrantStepMutation, WorkingCalendarQuery } from './grants.operations';
import { calendarOf, stepProblems, type StepContext } from './step-check';

type FactKind = 'text' | 'count' | 'date' | 'candidates' | 'outcome';

/** The facts a step records, by method (the server's RecordGrantStepInput.facts). */
export function factFields(step: grants.GrantRecordStep, method: grants.GrantMethod): { name: string; kind: FactKind }[] {
  const counts = (...names: string[]) => names.map((name) => ({ name, kind: 'count' as const }));
  switch (step) {
    case 'MOTION':
      return [{ name: 'summary', kind: 'text' }];
    case 'RECOMMENDATION':
      return [...counts('entitled', 'participants', 'posts'), { name: 'candidates', kind: 'candidates' }];
    case 'INSPECTION':
      return [...counts('interviews'), { name: 'findings', kind: 'text' }];
    case 'DECISION':
      return method === 'ELECTION'
        ? [...counts('electors', 'ballotsCast', 'posts'), { name: 'candidates', kind: 'candidates' }, { name: 'elected', kind: 'text' }]
        : counts('members', 'present', 'votesFor', 'votesAgainst', 'abstentions');
    case 'NOTICE':
      return [{ name: 'end', kind: 'date' }];
    case 'TAKING_EFFECT':
      return [];
    case 'PROBATION_END':
      return [{ name: 'outcome', kind: 'outcome' }];
  }
}

/** The facts as typed, in the shape the rules and the server read (counts as numbers, candidates as a list). */
export function factsOf(fields: readonly { name: string; kind: FactKind }[], values: Record<string, string>): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const field of fields) {
    const value = (values[field.name] ?? '').trim();
    if (field.kind === 'count') facts[field.name] = value === '' ? null : Number(value);
    else if (field.kind === 'candidates') {
      facts[field.name] = value
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .map((line) => {
          const match = /^(.*?)\s+(\d+)$/.exec(line);
          return match ? { name: match[1], votes: Number(match[2]) } : { name: line, votes: null };
        });
    } else facts[field.name] = value;
  }
  return facts;
}

/** A year's holiday calendar for the rules of a notice, as the server keeps it. */
export function useWorkingCalendar(...years: number[]): grants.WorkingDayCalendar {
  const [{ data: first }] = useQuery({ query: WorkingCalendarQuery, variables: { year: years[0] } });
  const [{ data: second }] = useQuery({ query: WorkingCalendarQuery, variables: { year: years[1] ?? years[0] } });
  return calendarOf([first?.workingCalendar, second?.workingCalendar].filter((year) => year !== undefined));
}

/** A rule's problem in the reader's language. */
export function useRuleText(): (problem: grants.GrantProblem) => string {
  const i18n = useGrantsI18n();
  return (problem) => problemText(grants.wireProblemOf(problem), i18n) ?? problem.message;
}

type FactField = ReturnType<typeof factFields>[number];

/** A recorded step's facts as the form's texts (the inverse of factsOf): to correct them. */
export function valuesOf(fields: readonly FactField[], facts: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    const value = facts[field.name];
    if (field.kind === 'candidates' && Array.isArray(value)) {
      values[field.name] = value
        .map((candidate: { name?: string; votes?: number | null }) => `${candidate.name ?? ''} ${candidate.votes ?? ''}`.trim())
        .join('\n');
    } else values[field.name] = value === null || value === undefined ? '' : String(value);
  }
  return values;
}

interface FactInputsProps {
  fields: readonly FactField[];
  values: Record<string, string>;
  /** The server's refusals by field. */
  refused: Record<string, string>;
  /** Each input's test id is `${testIdPrefix}-${name}`. */
  testIdPrefix?: string;
  onChange(name: string, value: string): void;
}

/** The inputs of a step's facts, by kind (a new step's form and a correction's). */
export function FactInputs({ fields, values, refused, testIdPrefix = 'grant-fact', onChange }: FactInputsProps) {
  const { t } = useGrantsI18n();
  const label = (name: string) => t(`fact.${name}` as GrantsMessageKey);
  const set = onChange;
  return (
    <>
      {fields.map((field) => (
        <FormField
          key={field.name}
          label={label(field.name)}
          hint={field.kind === 'candidates' ? t('grant.candidatesHint') : undefined}
          error={refused[field.name]}
        >
          {(control) =>
            field.kind === 'candidates' ? (
              <textarea
                {...control}
                data-testid={`${testIdPrefix}-${field.name}`}
                value={values[field.name] ?? ''}
                onChange={(event) => set(field.name, event.target.value)}
              />
            ) : field.kind === 'outcome' ? (
              <select
                {...control}
                data-testid={`${testIdPrefix}-${field.name}`}
                value={values[field.name] ?? ''}
                onChange={(event) => set(field.name, event.target.value)}
              >
                <option value="" />
                {grants.PROBATION_OUTCOMES.map((outcome) => (
                  <option key={outcome} value={outcome}>
                    {t(`outcome.${outcome}`)}
                  </option>
                ))}
              </select>
            ) : (
              <input
                {...control}
                type={field.kind === 'count' ? 'number' : field.kind === 'date' ? 'date' : 'text'}
                data-testid={`${testIdPrefix}-${field.name}`}
                value={values[field.name] ?? ''}
                onChange={(event) => set(field.name, event.target.value)}
              />
            )
          }
        </FormField>
      ))}
    </>
  );
}

/** The first rule a step (or its correction) would break, said before anything is sent. */
export function BrokenRule({ problems, testId }: { problems: readonly grants.GrantProblem[]; testId: string }) {
  const { t } = useGrantsI18n();
  const ruleText = useRuleText();
  if (problems.length === 0) return null;
  return (
    <p className="alert alert-error" role="alert" data-testid={testId}>
      {t('grant.wouldBreak', { rule: ruleText(problems[0]) })}
    </p>
  );
}

interface StepFormProps {
  grantId: string;
  step: grants.GrantRecordStep;
  context: StepContext;
  onRecorded(): void;
}

/**
 * The next step of a grant: its date and facts, checked as typed with the server's own rules (shared's
 * functions, the holiday calendar from the server), the rule that would be broken shown before sending.
 */
export function StepForm({ grantId, step, context, onRecorded }: StepFormProps) {
  const { t } = useGrantsI18n();
  const today = new Date().toISOString().slice(0, 10);
  const [date, setDate] = useState(today);
  const [values, setValues] = useState<Record<string, string>>({});
  const fields = factFields(step, context.method);
  const record = useApiMutation(RecordGrantStepMutation);
  const refused = useFieldMessages(record.error);
  const facts = factsOf(fields, values);
  const broken = grants.isIsoDate(date) ? stepProblems(step, date, facts, context) : [];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (broken.length > 0) return;
    const recorded = await record.run({ input: { grantId, step, date, facts } });
    if (recorded) {
      setValues({});
      onRecorded();
    }
  };

  const set = (name: string, value: string) => setValues((current) => ({ ...current, [name]: value }));
  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="grant-step-title" data-testid="grant-step-form">
      <h2 id="grant-step-title">{t('grant.recordStep', { step: t(`grantStep.${step}`) })}</h2>
      <FormAlert error={record.error} />
      <div className="form-grid">
        <FormField label={t('grant.stepDate')} error={refused.date}>
          {(control) => (
            <input {...control} type="date" data-testid="grant-step-date" value={date} onChange={(event) => setDate(event.target.value)} />
          )}
        </FormField>
        <FactInputs fields={fields} values={values} refused={refused} onChange={set} />
      </div>
      <BrokenRule problems={broken} testId="grant-step-rule" />
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          data-testid="grant-step-submit"
          disabled={record.fetching || broken.length > 0}
        >
          {t('grant.stepSubmit')}
        </button>
      </div>
    </form>
  );
}
