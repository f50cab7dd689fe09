import { subject } from '@casl/ability';
import { useState } from 'react';
import { useAppAbility } from '../../app/access';
import { useAccountsI18n } from './accounts-i18n';
import { useSession } from '../../app/session-provider';
import { ConfirmButton } from '../../lib/confirm-button';
import { errorMessage, useFieldMessages } from '../../lib/error-message';
import { useApiMutation } from '../../lib/use-api-mutation';
import { DeactivateUserMutation, ReactivateUserMutation, ReviewCitizenMutation } from './user.operations';
import type { UserRow } from './users-page';

/** Deactivate / reactivate, verify / reject: each button only when the ability allows it on this row. */
export function UserRowActions({ user }: { user: UserRow }) {
  const i18n = useAccountsI18n();
  const { t } = i18n;
  const ability = useAppAbility();
  const { user: me } = useSession();
  const deactivate = useApiMutation(DeactivateUserMutation);
  const reactivate = useApiMutation(ReactivateUserMutation);
  const review = useApiMutation(ReviewCitizenMutation);
  const reviewFields = useFieldMessages(review.error);
  const [rejecting, setRejecting] = useState(false);
  const [verifying, setVerifying] = useState(false);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);

  const row = subject('User', { ...user });
  // The server refuses to (de)activate yourself; the button would only ever fail, so it is not offered.
  const canToggle = ability.can('deactivate', row) && user.id !== me?.id;
  const canReview = user.role === 'CITIZEN' && user.citizenStatus === 'UNVERIFIED' && ability.can('verify', row);
  const error = deactivate.error ?? reactivate.error ?? review.error;
  const busy = deactivate.fetching || reactivate.fetching || review.fetching;

  const reject = async () => {
    if (!reason.trim()) {
      setReasonMissing(true);
      return;
    }
    const done = await review.run({ input: { userId: user.id, decision: 'REJECT', reason: reason.trim() } });
    if (done) setRejecting(false);
  };

  const verify = async () => {
    const done = await review.run({ input: { userId: user.id, decision: 'VERIFY', reason: note.trim() || null } });
    if (done) setVerifying(false);
  };

  return (
    <div className="row-actions">
      {canToggle &&
        (user.active ? (
          <ConfirmButton
            label={t('users.deactivate')}
            question={t('users.deactivateQuestion')}
            confirmLabel={t('users.deactivate')}
            danger
            disabled={busy}
            testId="user-deactivate"
            onConfirm={async () => void (await deactivate.run({ id: user.id }))}
          />
        ) : (
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            data-testid="user-reactivate"
            onClick={() => void reactivate.run({ id: user.id })}
          >
            {t('users.reactivate')}
          </button>
        ))}
      {canReview && !rejecting && !verifying && (
        <>
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            data-testid="user-verify"
            onClick={() => setVerifying(true)}
          >
            {t('users.verify')}
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            data-testid="user-reject"
            onClick={() => setRejecting(true)}
          >
            {t('users.reject')}
          </button>
        </>
      )}
      {canReview && verifying && (
        // Verifying says "this person lives there": show what to check against their papers, and keep a note of it.
        <form
          className="reject-form"
          noValidate
          data-testid="user-verify-form"
          onSubmit={(event) => {
            event.preventDefault();
            void verify();
          }}
        >
          <p className="field-hint">{t('users.verifyCheck')}</p>
          <dl className="details-list" data-testid="user-verify-details">
            <dt>{t('field.displayName')}</dt>
            <dd>{user.displayName}</dd>
            <dt>{t('users.residence')}</dt>
            <dd>
              {i18n.regionName(user.region)} <span className="mono">{user.region.code}</span>
            </dd>
            <dt>{t('users.registeredOn')}</dt>
            <dd>{i18n.formatDate(user.createdAt)}</dd>
          </dl>
          <label>
            <span>{t('users.verifyNote')}</span>
            <input value={note} data-testid="user-verify-note" maxLength={500} onChange={(event) => setNote(event.target.value)} />
          </label>
          <span className="form-actions">
            <button type="submit" className="button button-small button-primary" disabled={busy} data-testid="user-verify-submit">
              {t('users.verifyConfirm')}
            </button>
            <button type="button" className="button button-small" onClick={() => setVerifying(false)}>
              {t('action.cancel')}
            </button>
          </span>
        </form>
      )}
      {canReview && rejecting && (
        <form
          className="reject-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void reject();
          }}
        >
          <label>
            <span>{t('users.rejectReason')}</span>
            <input
              value={reason}
              data-testid="user-reject-reason"
              aria-invalid={reasonMissing || Boolean(reviewFields.reason) || undefined}
              onChange={(event) => {
                setReason(event.target.value);
                setReasonMissing(false);
              }}
            />
          </label>
          {(reasonMissing || reviewFields.reason) && (
            <small className="field-error">{reasonMissing ? t('users.rejectReasonRequired') : reviewFields.reason}</small>
          )}
          <span className="form-actions">
            <button type="submit" className="button button-small button-danger" disabled={busy} data-testid="user-reject-submit">
              {t('users.reject')}
            </button>
            <button type="button" className="button button-small" onClick={() => setRejecting(false)}>
              {t('action.cancel')}
            </button>
          </span>
        </form>
      )}
      {error && !error.fields.reason && (
        <small className="field-error" role="alert">
          {errorMessage(error, i18n)}
        </small>
      )}
    </div>
  );
}
