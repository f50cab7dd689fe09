import { useState, type FormEvent } from 'react';
import type { VariablesOf } from '../../app/graphql';
import type { AccountsMessageKey } from './accounts-i18n';
import { useAccountsI18n } from './accounts-i18n';
import { FormAlert, FormField } from '../../lib/form-field';
import { useApiMutation } from '../../lib/use-api-mutation';
import { CreateApiTokenMutation } from './api-token.operations';
import { useFieldMessages } from '../../lib/error-message';

type ApiScope = VariablesOf<typeof CreateApiTokenMutation>['input']['scopes'][number];

/**
 * The scopes offered are those of the API contract (schema.graphql), not of the shared vocabulary, which
 * may run ahead of the schema. A scope added to the schema fails to compile here until it has a label.
 */
const SCOPE_LABELS: Record<ApiScope, AccountsMessageKey> = {
  REGIONS: 'scope.REGIONS',
  HARMONY: 'scope.HARMONY',
  CADRES: 'scope.CADRES',
  EVALUATION: 'scope.EVALUATION',
  GRANTS: 'scope.GRANTS',
};
const API_SCOPES = Object.keys(SCOPE_LABELS).filter((scope): scope is ApiScope => scope in SCOPE_LABELS);

/** Issues a token; its secret is shown here once, and never again (the server keeps only its hash). */
export function ApiTokenCreateForm({ onClose }: { onClose(): void }) {
  const { t } = useAccountsI18n();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiScope[]>([...API_SCOPES]);
  const [checks, setChecks] = useState<Record<string, string>>({});
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  const create = useApiMutation(CreateApiTokenMutation);
  const fields = { ...useFieldMessages(create.error), ...checks };

  const toggleScope = (scope: ApiScope, on: boolean) =>
    setScopes((current) => (on ? [...current.filter((s) => s !== scope), scope] : current.filter((s) => s !== scope)));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = t('form.required');
    if (scopes.length === 0) found.scopes = t('apiTokens.chooseScope');
    setChecks(found);
    if (Object.keys(found).length > 0) return;
    const created = await create.run({ input: { name: name.trim(), scopes } });
    if (created) setSecret({ name: created.createApiToken.token.name, value: created.createApiToken.secret });
  };

  if (secret) return <SecretOnce name={secret.name} secret={secret.value} onDone={onClose} />;

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="api-token-create-title">
      <h2 id="api-token-create-title">{t('apiTokens.createTitle')}</h2>
      <FormAlert error={create.error} />
      <FormField label={t('field.name')} hint={t('apiTokens.nameHint')} error={fields.name}>
        {(control) => <input {...control} data-testid="api-token-name" value={name} onChange={(event) => setName(event.target.value)} />}
      </FormField>
      <fieldset className={fields.scopes ? 'field field-invalid' : 'field'}>
        <legend>{t('apiTokens.scopes')}</legend>
        {API_SCOPES.map((scope) => (
          <label key={scope} className="checkbox">
            <input
              type="checkbox"
              data-testid={`api-token-scope-${scope}`}
              checked={scopes.includes(scope)}
              onChange={(event) => toggleScope(scope, event.target.checked)}
            />
            {t(SCOPE_LABELS[scope])}
          </label>
        ))}
        {fields.scopes && <small className="field-error">{fields.scopes}</small>}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="api-token-create-submit" disabled={create.fetching}>
          {t('apiTokens.createSubmit')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}

function SecretOnce({ name, secret, onDone }: { name: string; secret: string; onDone(): void }) {
  const { t } = useAccountsI18n();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      setCopied('failed'); // no clipboard permission (or not a secure context): the text can still be selected
    }
  };
  return (
    <div className="card secret-once" data-testid="api-token-secret-panel">
      <h2>{t('apiTokens.secretTitle', { name })}</h2>
      <div className="alert alert-warning" role="alert">
        {t('apiTokens.secretWarning')}
      </div>
      <div className="secret-row">
        <code className="secret" data-testid="api-token-secret">
          {secret}
        </code>
        <button type="button" className="button" data-testid="api-token-copy" onClick={() => void copy()}>
          {t('apiTokens.copy')}
        </button>
      </div>
      {copied && (
        <p className="muted" role="status">
          {copied === 'yes' ? t('apiTokens.copied') : t('apiTokens.copyFailed')}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button button-primary" data-testid="api-token-secret-done" onClick={onDone}>
          {t('apiTokens.secretDone')}
        </button>
      </div>
    </div>
  );
}
