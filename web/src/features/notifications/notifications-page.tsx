import { notifications as rules } from '@massline/shared';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { ResultOf } from '../../app/graphql';
import { DataTable, pageOf, type Column } from '../../lib/data-table';
import { ErrorState, Loading } from '../../lib/states';
import { useApiMutation } from '../../lib/use-api-mutation';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { useNotificationsI18n } from './notifications-i18n';
import { MarkAllNotificationsReadMutation, MarkNotificationsReadMutation, NotificationsQuery } from './notification.operations';

type NotificationRow = ResultOf<typeof NotificationsQuery>['notifications']['edges'][number]['node'];

const PAGE_SIZE = 25;
/** Tells urql that marking all read changed notifications (its answer is a number): the list and the bell are asked again. */
const CHANGES_NOTIFICATIONS = { additionalTypenames: ['Notification'] };

/** The signed-in person's notifications, newest first: each worded from its kind and parameters, marked read one by one or all. */
export function NotificationsPage() {
  const { t, locale, formatDateTime } = useNotificationsI18n();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const pages = useCursorPages(String(unreadOnly), PAGE_SIZE);
  const context = useMemo(() => ({ additionalTypenames: ['Notification'] }), []);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: NotificationsQuery,
    variables: { ...pages.variables, unreadOnly },
    context,
  });
  const markRead = useApiMutation(MarkNotificationsReadMutation);
  const [markingAll, markAll] = useMutation(MarkAllNotificationsReadMutation);

  const message = (notification: NotificationRow) => {
    const title = (locale === 'zh-CN' ? notification.titleZh : notification.title) ?? notification.title ?? '';
    const closesAt = notification.closesAt ? formatDateTime(notification.closesAt) : '';
    return t(`notification.${notification.kind}`, { title, closesAt });
  };

  const columns: Column<NotificationRow>[] = [
    { id: 'time', header: t('notifications.time'), cell: (notification) => formatDateTime(notification.createdAt) },
    {
      id: 'message',
      header: t('notifications.title'),
      cell: (notification) => {
        const target = rules.notificationTarget(notification.kind, notification.subjectId);
        return (
          <span className={notification.read ? undefined : 'notification-unread'} data-testid="notification-message">
            {message(notification)} {target && <Link to={target}>{t('notifications.open')}</Link>}
          </span>
        );
      },
    },
    {
      id: 'actions',
      header: t('table.actions'),
      className: 'cell-actions',
      cell: (notification) =>
        notification.read ? (
          <span className="muted">{t('notifications.read')}</span>
        ) : (
          <button
            type="button"
            className="button button-small"
            data-testid="notification-mark-read"
            disabled={markRead.fetching}
            onClick={() => void markRead.run({ ids: [notification.id] })}
          >
            {t('notifications.markRead')}
          </button>
        ),
    },
  ];

  return (
    <section className="page">
      <header className="page-header page-header-row">
        <div>
          <h1>{t('notifications.title')}</h1>
          <p className="page-intro">{t('notifications.intro')}</p>
        </div>
        <button
          type="button"
          className="button"
          data-testid="notification-mark-all-read"
          disabled={markingAll.fetching}
          onClick={() => void markAll({}, CHANGES_NOTIFICATIONS)}
        >
          {t('notifications.markAllRead')}
        </button>
      </header>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <label className="filter filter-checkbox">
          <input
            type="checkbox"
            data-testid="notification-unread-only"
            checked={unreadOnly}
            onChange={(event) => setUnreadOnly(event.target.checked)}
          />
          <span>{t('notifications.unreadOnly')}</span>
        </label>
      </form>
      {!data && fetching && <Loading />}
      {error && <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {data && (
        <DataTable
          caption={t('notifications.title')}
          columns={columns}
          rows={data.notifications.edges.map((edge) => edge.node)}
          rowKey={(notification) => notification.id}
          rowTestId="notification-row"
          stale={fetching}
          emptyMessage={t('notifications.none')}
          page={pageOf(data.notifications, pages)}
        />
      )}
    </section>
  );
}
