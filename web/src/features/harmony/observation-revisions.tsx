import { useEffect, useRef } from 'react';
import { useQuery } from 'urql';
import { useHarmonyI18n } from './harmony-i18n';
import { ErrorState, Loading } from '../../lib/states';
import { formatValue } from './harmony-format';
import type { ObservationRow } from './observation-list';
import { ObservationRevisionsQuery } from './observation.operations';

interface ObservationRevisionsProps {
  observation: ObservationRow;
  indicatorLabel: string;
  onClose(): void;
}

/** A side drawer with the earlier values of one observation: who entered each and who replaced it. */
export function ObservationRevisions({ observation, indicatorLabel, onClose }: ObservationRevisionsProps) {
  const { t, locale, regionName, formatDateTime } = useHarmonyI18n();
  const closeButton = useRef<HTMLButtonElement>(null);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ObservationRevisionsQuery,
    variables: { observationId: observation.id },
    requestPolicy: 'cache-and-network',
  });

  // Focus moves into the drawer when it opens (and only then), so that keyboard users land in it.
  useEffect(() => closeButton.current?.focus(), [observation.id]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <aside className="drawer" role="dialog" aria-modal="false" aria-labelledby="revisions-title" data-testid="revisions-drawer">
      <header className="drawer-header">
        <h2 id="revisions-title">{t('harmony.revisions.title')}</h2>
        <button type="button" className="button button-small" ref={closeButton} onClick={onClose} data-testid="revisions-close">
          {t('action.close')}
        </button>
      </header>
      <p>
        <strong>{indicatorLabel}</strong> · {regionName(observation.region)} · {observation.period}
      </p>
      <dl className="details-list">
        <dt>{t('harmony.revisions.current', { revision: observation.revision })}</dt>
        <dd>
          {formatValue(locale, observation.value)} · {t(`harmony.observationMethod.${observation.method}`)}
          <p className="muted">
            {observation.enteredByLabel ?? '—'} · {formatDateTime(observation.enteredAt)}
          </p>
        </dd>
      </dl>
      {!data && fetching && <Loading />}
      {error && <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {data && data.observationRevisions.length === 0 && <p className="muted">{t('harmony.revisions.none')}</p>}
      {data && data.observationRevisions.length > 0 && (
        <ol className="revision-list">
          {data.observationRevisions.map((revision) => (
            <li key={revision.id} data-testid="revision-item">
              <strong>{t('harmony.revisions.revision', { revision: revision.revision })}</strong> {formatValue(locale, revision.value)}
              {revision.rawCount !== null && (
                <span className="muted">
                  {' '}
                  (
                  {revision.rawTotal === null
                    ? t('harmony.rawCountOnly', { count: formatValue(locale, revision.rawCount) })
                    : t('harmony.rawFigures', {
                        count: formatValue(locale, revision.rawCount),
                        total: formatValue(locale, revision.rawTotal),
                      })}
                  )
                </span>
              )}
              <br />
              <span className="muted">
                {t(`harmony.observationMethod.${revision.method}`)}
                {revision.source ? ` · ${revision.source}` : ''}
              </span>
              <br />
              <small className="muted">
                {t('harmony.revisions.entered', { who: revision.enteredByLabel ?? '—', when: formatDateTime(revision.enteredAt) })}
                <br />
                {t('harmony.revisions.replaced', { who: revision.replacedByLabel ?? '—', when: formatDateTime(revision.replacedAt) })}
              </small>
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
