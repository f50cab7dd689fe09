import { Link } from 'react-router';
import type { ResultOf } from '../../app/graphql';
import { useHarmonyI18n } from './harmony-i18n';
import type { DashboardViewQuery } from './dashboard.operations';
import { describeRun } from './alert-run';
import { describeAlert, type IndicatorNames } from './harmony-format';

type AlertConnection = NonNullable<ResultOf<typeof DashboardViewQuery>['alerts']>;

/**
 * The open alerts under the region on screen (within the caller's jurisdiction), newest first: each one
 * a region's run of breaches of one rule, named with its parent where the name repeats.
 */
export function AlertsPanel({ alerts, catalogue }: { alerts: AlertConnection; catalogue: ReadonlyMap<string, IndicatorNames> }) {
  const i18n = useHarmonyI18n();
  const { t, regionName, formatDateTime } = i18n;
  const rows = alerts.edges.map((edge) => edge.node);
  return (
    <section className="card alerts-panel" data-testid="alerts-panel" aria-labelledby="alerts-panel-title">
      <header className="card-header">
        <h2 id="alerts-panel-title">{t('harmony.openAlerts', { count: alerts.totalCount })}</h2>
        <Link to="/harmony/alerts" className="button button-small">
          {t('harmony.allAlerts')}
        </Link>
      </header>
      {rows.length === 0 ? (
        <p className="muted">{t('harmony.noOpenAlerts')}</p>
      ) : (
        <ul className="alert-list">
          {rows.map((alert) => (
            <li key={alert.id} className={`alert-item alert-kind-${alert.kind.toLowerCase()}`} data-testid="alert-item">
              <span className="alert-kind">
                <span aria-hidden="true">{alert.kind === 'RED_LINE' ? '⚠ ' : alert.kind === 'FALL_SINCE_PREVIOUS' ? '▼ ' : '! '}</span>
                {t(`harmony.alertKind.${alert.kind}`)}
              </span>
              <strong>{regionName(alert.region)}</strong>
              <span className="alert-run">{describeRun(alert, t)}</span>
              <span>{describeAlert(alert, i18n, catalogue)}</span>
              <small className="muted">{formatDateTime(alert.raisedAt)}</small>
            </li>
          ))}
        </ul>
      )}
      {alerts.totalCount > rows.length && <p className="muted">{t('harmony.moreAlerts', { count: alerts.totalCount - rows.length })}</p>}
    </section>
  );
}
