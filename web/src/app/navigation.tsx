import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useAccess } from './access';
import { FEATURES } from './features';
import { useI18n } from './i18n/i18n-provider';
import { isCurrent, navigationFor, type NavItem, type NavMenu } from './navigation-model';

/** The links of the header (my account): features put them there with `nav.group: 'header'`. */
export function useHeaderLinks(): NavItem[] {
  return navigationFor(FEATURES, useAccess()).header;
}

function NavItemLink({ item }: { item: NavItem }) {
  const { t } = useI18n();
  return (
    <NavLink to={item.to} end={item.end} data-testid={item.testId}>
      {t(item.label)}
    </NavLink>
  );
}

interface MenuProps {
  menu: NavMenu;
  open: boolean;
  current: NavItem | undefined;
  onToggle(): void;
}

/** One menu: a button that opens its list (a disclosure), naming the current page when it holds it. */
function Menu({ menu, open, current, onToggle }: MenuProps) {
  const { t } = useI18n();
  const listId = `nav-group-${menu.group.id}-list`;
  return (
    <li className={`nav-group${current ? ' is-current' : ''}`} data-testid={`nav-group-${menu.group.id}`}>
      <button
        type="button"
        className="nav-group-trigger"
        aria-expanded={open}
        aria-controls={listId}
        data-testid={`nav-group-${menu.group.id}-trigger`}
        onClick={onToggle}
      >
        <span>{t(menu.group.label)}</span>
        {current && <span className="nav-group-current">{t(current.label)}</span>}
        <span className="nav-caret" aria-hidden="true" />
      </button>
      <span className="nav-group-heading" aria-hidden="true">
        {t(menu.group.label)}
      </span>
      <ul id={listId} className="nav-group-list" hidden={!open}>
        {menu.items.map((item) => (
          <li key={item.testId}>
            <NavItemLink item={item} />
          </li>
        ))}
      </ul>
    </li>
  );
}

/**
 * The main navigation: one menu per mechanism and one for administration, folded from FEATURES. On a
 * wide screen the menus drop down; on a phone one menu button opens them all. Either way the current
 * page's name stays visible (on its menu's button, or on the phone's menu button). Escape, a click
 * outside, leaving with Tab and following a link all close what is open.
 */
export function Navigation() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const { menus } = navigationFor(FEATURES, useAccess());
  const [openGroup, setOpenGroup] = useState<string | null>(null);
  const [compactOpen, setCompactOpen] = useState(false);
  const navRef = useRef<HTMLElement>(null);

  const close = () => {
    setOpenGroup(null);
    setCompactOpen(false);
  };

  // Following a link (or going back) closes the menus.
  useEffect(() => {
    setOpenGroup(null);
    setCompactOpen(false);
  }, [pathname]);

  const somethingOpen = openGroup !== null || compactOpen;
  useEffect(() => {
    if (!somethingOpen) return;
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !navRef.current?.contains(event.target)) {
        setOpenGroup(null);
        setCompactOpen(false);
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [somethingOpen]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || !somethingOpen) return;
    // Focus goes back to the button that opened what closes, so the keyboard user is not lost.
    const trigger = openGroup
      ? navRef.current?.querySelector<HTMLButtonElement>(`[data-testid="nav-group-${openGroup}-trigger"]`)
      : navRef.current?.querySelector<HTMLButtonElement>('.nav-menu-button');
    if (openGroup) setOpenGroup(null);
    else setCompactOpen(false);
    trigger?.focus();
  };

  const current = menus.flatMap((menu) => menu.items).find((item) => isCurrent(item, pathname));
  return (
    <nav
      ref={navRef}
      className={`main-nav${compactOpen ? ' is-open' : ''}`}
      data-testid="nav"
      aria-label={t('nav.label')}
      onKeyDown={onKeyDown}
      onClick={(event) => {
        // Following a link closes the menus, even to the page already shown (the path does not change then).
        if (event.target instanceof Element && event.target.closest('a')) close();
      }}
      onBlur={(event) => {
        // Tabbing out closes; a click elsewhere is the pointerdown listener's (a click may not move focus).
        if (event.relatedTarget instanceof Node && !event.currentTarget.contains(event.relatedTarget)) close();
      }}
    >
      <button
        type="button"
        className="nav-menu-button"
        aria-expanded={compactOpen}
        aria-controls="main-nav-menus"
        data-testid="nav-menu-button"
        onClick={() => setCompactOpen((open) => !open)}
      >
        <span className="nav-burger" aria-hidden="true" />
        <span>{t('nav.menu')}</span>
        {current && <span className="nav-group-current">{t(current.label)}</span>}
      </button>
      <ul id="main-nav-menus" className="nav-menus">
        {menus.map((menu) =>
          // A menu of one page is just its link: nothing to open.
          menu.items.length === 1 ? (
            <li key={menu.group.id} className="nav-single">
              <span className="nav-group-heading" aria-hidden="true">
                {t(menu.group.label)}
              </span>
              <NavItemLink item={menu.items[0]} />
            </li>
          ) : (
            <Menu
              key={menu.group.id}
              menu={menu}
              open={openGroup === menu.group.id}
              current={menu.items.find((item) => item === current)}
              onToggle={() => setOpenGroup((open) => (open === menu.group.id ? null : menu.group.id))}
            />
          ),
        )}
      </ul>
    </nav>
  );
}
