import { subject } from '@casl/ability';
import { useAppAbility } from '../../app/access';
import { useAccountsI18n } from './accounts-i18n';
import { useSession } from '../../app/session-provider';
import { ConfirmButton } from '../../lib/confirm-button';
import { errorMessage } from '../../lib/error-message';
import { useApiMutation } from '../../lib/use-api-mutation';
import { DeactivateOrganizationMutation, ReactivateOrganizationMutation } from './organization.operations';

interface OrganizationRowActionsProps {
  organization: { id: string; active: boolean; region: { path: string } };
}

/** Deactivate / reactivate an organization, when the ability allows it on this row. */
export function OrganizationRowActions({ organization }: OrganizationRowActionsProps) {
  const i18n = useAccountsI18n();
  const { t } = i18n;
  const ability = useAppAbility();
  const { user: me } = useSession();
  const deactivate = useApiMutation(DeactivateOrganizationMutation);
  const reactivate = useApiMutation(ReactivateOrganizationMutation);
  // The server refuses to (de)activate your own organization; the button would only ever fail.
  const allowed = ability.can('deactivate', subject('Organization', { ...organization })) && organization.id !== me?.organization?.id;
  if (!allowed) return null;
  const error = deactivate.error ?? reactivate.error;
  const busy = deactivate.fetching || reactivate.fetching;
  return (
    <div className="row-actions">
      {organization.active ? (
        <ConfirmButton
          label={t('organizations.deactivate')}
          question={t('organizations.deactivateQuestion')}
          confirmLabel={t('organizations.deactivate')}
          danger
          disabled={busy}
          testId="organization-deactivate"
          onConfirm={async () => void (await deactivate.run({ id: organization.id }))}
        />
      ) : (
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          data-testid="organization-reactivate"
          onClick={() => void reactivate.run({ id: organization.id })}
        >
          {t('organizations.reactivate')}
        </button>
      )}
      {error && (
        <small className="field-error" role="alert">
          {errorMessage(error, i18n)}
        </small>
      )}
    </div>
  );
}
