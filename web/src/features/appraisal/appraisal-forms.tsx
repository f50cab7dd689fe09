import { appraisal, isoDate, type Problem } from '@massline/shared';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../../app/i18n/i18n-provider';
import { problemText, useFieldMessages } from '../../lib/error-message';
import { FormAlert, FormField } from '../../lib/form-field';
import { numberOrNaN } from '../../lib/parse-number';
import { useApiMutation } from '../../lib/use-api-mutation';
import { useAppraisalI18n, type AppraisalMessageKey } from './appraisal-i18n';
import { RecordInspectionMutation, RecordSpecialAuditMutation } from './appraisal.operations';

interface RecordFormProps {
  termId: string;
  termStartsOn: string;
  onDone(): void;
  onCancel(): void;
}

/** Shared's problems of a form, in the reader's language, by field. */
export function useProblemWords() {
  const i18n = useI18n();
  return (problems: Partial<Record<string, Problem>>) =>
    Object.fromEntries(
      Object.entries(problems)
        .filter((entry): entry is [string, Problem] => entry[1] !== undefined)
        .map(([field, problem]) => [field, problemText(problem, i18n) ?? i18n.t('problem.INVALID')]),
    );
}

/** An empty box is "not given" (null), anything else is read as a number (NaN when it is not one). */
const numberOrNull = (text: string) => (text.trim() === '' ? null : numberOrNaN(text));

export function NumberField(props: {
  label: string;
  hint?: string;
  error?: string;
  value: string;
  testId: string;
  onChange(value: string): void;
}): ReactNode {
  return (
    <FormField label={props.label} hint={props.hint} error={props.error}>
      {(control) => (
        <input
          {...control}
          inputMode="decimal"
          data-testid={props.testId}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}

/** Records an inspection; checked with shared's rules before sending (the server applies the same). */
export function InspectionForm({ termId, termStartsOn, onDone, onCancel }: RecordFormProps) {
  const { t } = useAppraisalI18n();
  const words = useProblemWords();
  const [form, setForm] = useState({ score: '', findings: '', inspector: '', inspectedOn: isoDate(), reportedGrowth: '' });
  const [checks, setChecks] = useState<Record<string, string>>({});
  const record = useApiMutation(RecordInspectionMutation);
  const fields = { ...useFieldMessages(record.error), ...checks };
  const set = (name: keyof typeof form) => (value: string) => {
    setForm((current) => ({ ...current, [name]: value }));
    setChecks(({ [name]: _fixed, ...rest }) => rest);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const input = {
      termId,
      score: numberOrNull(form.score),
      findings: form.findings,
      inspector: form.inspector,
      inspectedOn: form.inspectedOn,
      reportedGrowth: numberOrNull(form.reportedGrowth),
    };
    const found = words(appraisal.inspectionProblems(input, { today: isoDate(), termStartsOn }));
    setChecks(found);
    if (Object.keys(found).length > 0 || input.score === null) return;
    if (await record.run({ input: { ...input, score: input.score } })) onDone();
  };

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="inspection-form-title" data-testid="inspection-form">
      <h3 id="inspection-form-title">{t('appraisal.inspections.record')}</h3>
      <FormAlert error={record.error} />
      <NumberField
        label={t('appraisal.field.score')}
        error={fields.score}
        value={form.score}
        testId="inspection-score"
        onChange={set('score')}
      />
      <FormField label={t('appraisal.field.findings')} error={fields.findings}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            data-testid="inspection-findings"
            value={form.findings}
            onChange={(event) => set('findings')(event.target.value)}
          />
        )}
      </FormField>
      <FormField label={t('appraisal.field.inspector')} error={fields.inspector}>
        {(control) => (
          <input
            {...control}
            data-testid="inspection-inspector"
            value={form.inspector}
            onChange={(event) => set('inspector')(event.target.value)}
          />
        )}
      </FormField>
      <FormField label={t('appraisal.field.inspectedOn')} error={fields.inspectedOn}>
        {(control) => (
          <input
            {...control}
            type="date"
            data-testid="inspection-date"
            value={form.inspectedOn}
            onChange={(event) => set('inspectedOn')(event.target.value)}
          />
        )}
      </FormField>
      <NumberField
        label={t('appraisal.field.reportedGrowth')}
        hint={t('appraisal.field.reportedGrowthHint')}
        error={fields.reportedGrowth}
        value={form.reportedGrowth}
        testId="inspection-growth"
        onChange={set('reportedGrowth')}
      />
      <FormActions busy={record.fetching} testId="inspection-submit" onCancel={onCancel} />
    </form>
  );
}

const AUDIT_AMOUNTS = [
  ['debtAtStart', 'appraisal.field.debtAtStart'],
  ['debtAtEnd', 'appraisal.field.debtAtEnd'],
  ['totalSpending', 'appraisal.field.totalSpending'],
  ['irregularFunds', 'appraisal.field.irregularFunds'],
  ['showcaseSpending', 'appraisal.field.showcaseSpending'],
] as const satisfies readonly (readonly [string, AppraisalMessageKey])[];

type AuditAmount = (typeof AUDIT_AMOUNTS)[number][0];

/** Records a special audit; checked with shared's rules before sending. Money in 10,000 yuan. */
export function SpecialAuditForm({ termId, termStartsOn, onDone, onCancel }: RecordFormProps) {
  const { t } = useAppraisalI18n();
  const words = useProblemWords();
  const [amounts, setAmounts] = useState<Record<AuditAmount, string>>({
    debtAtStart: '',
    debtAtEnd: '',
    totalSpending: '',
    irregularFunds: '',
    showcaseSpending: '',
  });
  const [text, setText] = useState({ findings: '', auditBody: '', auditedOn: isoDate() });
  const [checks, setChecks] = useState<Record<string, string>>({});
  const record = useApiMutation(RecordSpecialAuditMutation);
  const fields = { ...useFieldMessages(record.error), ...checks };
  const fixed = (name: string) => setChecks(({ [name]: _fixed, ...rest }) => rest);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const numbers = Object.fromEntries(AUDIT_AMOUNTS.map(([name]) => [name, numberOrNull(amounts[name])])) as Record<
      AuditAmount,
      number | null
    >;
    const input = { ...numbers, findings: numberOrNull(text.findings), auditBody: text.auditBody, auditedOn: text.auditedOn };
    const found = words(appraisal.specialAuditProblems(input, { today: isoDate(), termStartsOn }));
    setChecks(found);
    if (Object.keys(found).length > 0) return;
    // No problem means every number is present and finite.
    const complete = Object.fromEntries(Object.entries(numbers).map(([name, value]) => [name, value as number])) as Record<
      AuditAmount,
      number
    >;
    if (
      await record.run({
        input: { termId, ...complete, findings: input.findings as number, auditBody: text.auditBody, auditedOn: text.auditedOn },
      })
    )
      onDone();
  };

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="audit-form-title" data-testid="audit-form">
      <h3 id="audit-form-title">{t('appraisal.audits.record')}</h3>
      <FormAlert error={record.error} />
      {AUDIT_AMOUNTS.map(([name, label]) => (
        <NumberField
          key={name}
          label={t(label)}
          hint={t('appraisal.field.moneyHint')}
          error={fields[name]}
          value={amounts[name]}
          testId={`audit-${name}`}
          onChange={(value) => {
            setAmounts((current) => ({ ...current, [name]: value }));
            fixed(name);
          }}
        />
      ))}
      <NumberField
        label={t('appraisal.field.auditFindings')}
        error={fields.findings}
        value={text.findings}
        testId="audit-findings"
        onChange={(value) => {
          setText((current) => ({ ...current, findings: value }));
          fixed('findings');
        }}
      />
      <FormField label={t('appraisal.field.auditBody')} error={fields.auditBody}>
        {(control) => (
          <input
            {...control}
            data-testid="audit-body"
            value={text.auditBody}
            onChange={(event) => {
              setText((current) => ({ ...current, auditBody: event.target.value }));
              fixed('auditBody');
            }}
          />
        )}
      </FormField>
      <FormField label={t('appraisal.field.auditedOn')} error={fields.auditedOn}>
        {(control) => (
          <input
            {...control}
            type="date"
            data-testid="audit-date"
            value={text.auditedOn}
            onChange={(event) => {
              setText((current) => ({ ...current, auditedOn: event.target.value }));
              fixed('auditedOn');
            }}
          />
        )}
      </FormField>
      <FormActions busy={record.fetching} testId="audit-submit" onCancel={onCancel} />
    </form>
  );
}

export function FormActions({ busy, testId, onCancel }: { busy: boolean; testId: string; onCancel(): void }) {
  const { t } = useAppraisalI18n();
  return (
    <div className="form-actions">
      <button type="submit" className="button button-primary" data-testid={testId} disabled={busy}>
        {t('action.save')}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {t('action.cancel')}
      </button>
    </div>
  );
}
