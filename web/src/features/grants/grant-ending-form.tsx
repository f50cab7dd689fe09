import { cadres } from '@massline/shared';
import { useState, type FormEvent } from 'react';
import { useFieldMessages } from '../../lib/error-message';
import { FormAlert, FormField } from '../../lib/form-field';
import { useApiMutation } from '../../lib/use-api-mutation';
import { useGrantsI18n } from './grants-i18n';
import { EndGrantMutation } from './grants.operations';

type EndingReason = (typeof cadres.TERM_END_REASONS)[number];

/**
 * The end of a grant in force: by term expiry, resignation, dismissal or recall, the day, who decided
 * (the body, or the cadre resigning) and why. The term the grant created ends with it (the server's doing).
 */
export function GrantEndingForm({ grantId, onEnded }: { grantId: string; onEnded(): void }) {
  const { t } = useGrantsI18n();
  const [reason, setReason] = useState<EndingReason>('EXPIRY');
  const [endedOn, setEndedOn] = useState(() => new Date().toISOString().slice(0, 10));
  const [decidedBy, setDecidedBy] = useState('');
  const [why, setWhy] = useState('');
  const end = useApiMutation(EndGrantMutation);
  const refused = useFieldMessages(end.error);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await end.run({ input: { grantId, reason, endedOn, decidedBy: decidedBy.trim(), why: why.trim() } })) onEnded();
  };

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="grant-end-title" data-testid="grant-end-form">
      <h3 id="grant-end-title">{t('grant.endTitle')}</h3>
      <FormAlert error={end.error} />
      <div className="form-grid">
        <FormField label={t('grant.endReason')} error={refused.reason}>
          {(control) => (
            <select
              {...control}
              data-testid="grant-end-reason"
              value={reason}
              onChange={(event) => setReason(event.target.value as EndingReason)}
            >
              {cadres.TERM_END_REASONS.map((value) => (
                <option key={value} value={value}>
                  {t(`endReason.${value}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('grant.endedOn')} error={refused.endedOn}>
          {(control) => (
            <input
              {...control}
              type="date"
              data-testid="grant-end-date"
              value={endedOn}
              onChange={(event) => setEndedOn(event.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('grant.endDecidedBy')} hint={t('grant.endDecidedByHint')} error={refused.decidedBy}>
          {(control) => (
            <input
              {...control}
              data-testid="grant-end-decided-by"
              value={decidedBy}
              onChange={(event) => setDecidedBy(event.target.value)}
            />
          )}
        </FormField>
      </div>
      <FormField label={t('grant.endWhy')} error={refused.why}>
        {(control) => <textarea {...control} data-testid="grant-end-why" value={why} onChange={(event) => setWhy(event.target.value)} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="grant-end-submit" disabled={end.fetching}>
          {t('grant.endSubmit')}
        </button>
      </div>
    </form>
  );
}
