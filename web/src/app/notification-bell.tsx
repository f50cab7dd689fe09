import { useEffect, useMemo } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useAppAbility } from './access';
import { useI18n } from './i18n/i18n-provider';
import { UnreadNotificationCountQuery } from './notification-bell.operations';

/** How often the count is asked again while the page stays open (it is also asked when the window regains focus). */
const POLL_MS = 120_000;

/**
 * The bell in the header: the signed-in person's unread notifications, linking to the notification page.
 * Tiny on purpose (the header is in the first load): one integer query, asked again gently — on focus and
 * every two minutes — and whenever a change to a notification comes back from the server.
 */
export function NotificationBell() {
  const { t } = useI18n();
  const ability = useAppAbility();
  const may = ability.can('read', 'Notification');
  // Marking read (a Notification in the answer, or a mutation sent with this typename) asks the count again.
  const context = useMemo(() => ({ additionalTypenames: ['Notification'] }), []);
  const [{ data }, reexecute] = useQuery({ query: UnreadNotificationCountQuery, pause: !may, context });
  useEffect(() => {
    if (!may) return;
    const refresh = () => reexecute({ requestPolicy: 'network-only' });
    window.addEventListener('focus', refresh);
    const timer = window.setInterval(refresh, POLL_MS);
    return () => {
      window.removeEventListener('focus', refresh);
      window.clearInterval(timer);
    };
  }, [may, reexecute]);
  if (!may) return null;
  const count = data?.unreadNotificationCount ?? 0;
  return (
    <Link
      to="/notifications"
      className="header-link notification-bell"
      data-testid="notification-bell"
      aria-label={t('header.notifications', { count })}
    >
      <span aria-hidden="true">🔔</span>
      {count > 0 && (
        <span className="badge notification-count" data-testid="notification-count" aria-hidden="true">
          {count}
        </span>
      )}
    </Link>
  );
}
