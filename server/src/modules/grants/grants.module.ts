import { defineModule, resolver } from '../../app/module-manifest';
import { listenersOf } from '../../common/domain-events';
import { PublicationEpochRepository } from '../../common/publication-epoch.repository';
import type { CadreServices } from '../cadres/cadres.module';
import type { LedgerServices } from '../ledger/ledger.module';
import type { NotificationsServices } from '../notifications/notifications.module';
import { GrantAnswer } from './grant-answer.entity';
import { GrantCorrection } from './grant-correction.entity';
import { GrantEnding } from './grant-ending.entity';
import { GrantObjection } from './grant-objection.entity';
import { GrantStep } from './grant-step.entity';
import { Grant } from './grant.entity';
import { GrantObjectionResolver } from './grant-objection.resolver';
import { CadreGrantsResolver, TermGrantResolver } from './grant-links.resolver';
import { GrantResolver } from './grant.resolver';
import { GrantService } from './grant.service';
import { seedDemoGrants } from './grants.demo-seed';
import { GRANTS_LEDGER_RECORDS } from './grants.ledger-records';
import type { GrantsEvents } from './grants.events';
import { grantsLoaders } from './grants.loaders';
import { Migration20261129191742Grants } from './migrations/Migration20261129191742Grants';
import { Migration20261129234617ObjectionReceipt } from './migrations/Migration20261129234617ObjectionReceipt';
import { WorkingCalendarDay } from './working-day.entity';
import { WorkingCalendarService } from './working-calendar.service';

/** The grants module's events: every one changes what the public reads. */
const GRANTS_PUBLIC_CHANGES = [
  'grant.create',
  'grant.step.record',
  'grant.step.correct',
  'grant.objection.file',
  'grant.objection.answer',
  'grant.end',
  'calendar.set',
] as const satisfies readonly (keyof GrantsEvents)[];

export interface GrantsServices {
  grants: GrantService;
  calendar: WorkingCalendarService;
}

/**
 * Power-granting records (PRODUCT.md, "Mechanism 3"): grants and their procedure, notices and
 * objections, endings and corrections, each record appended to the ledger; the working-day calendar.
 * A grant that takes effect creates its term through the cadres module.
 */
export const grantsModule = defineModule({
  name: 'grants',
  dependsOn: ['cadres', 'notifications', 'ledger'],
  entities: [Grant, GrantStep, GrantCorrection, GrantObjection, GrantAnswer, GrantEnding, WorkingCalendarDay],
  createServices: (
    { events },
    { cadres, notifications, ledger }: { cadres: CadreServices; notifications: NotificationsServices; ledger: LedgerServices },
  ): GrantsServices => {
    for (const recordType of GRANTS_LEDGER_RECORDS) ledger.ledger.registerRecordType(recordType);
    return {
      grants: new GrantService(events, ledger.ledger, cadres, notifications.notifications),
      calendar: new WorkingCalendarService(events),
    };
  },
  resolvers: [
    resolver(GrantResolver, (s: GrantsServices) => new GrantResolver(s.grants, s.calendar)),
    resolver(GrantObjectionResolver, (s: GrantsServices) => new GrantObjectionResolver(s.grants)),
    resolver(CadreGrantsResolver, () => new CadreGrantsResolver()),
    resolver(TermGrantResolver, () => new TermGrantResolver()),
  ],
  // Every grants record is public (grants, steps, corrections, objections, answers, endings, the calendar): each
  // change moves the publication epoch, so that the public response cache and ETags never serve a grant as it was.
  // (An anonymous objection publishes no event: its service moves the epoch itself.)
  listeners: () => [
    listenersOf<GrantsEvents>().batch('grants.publication-epoch', 'react', GRANTS_PUBLIC_CHANGES, async (em) =>
      new PublicationEpochRepository(em).bump(),
    ),
  ],
  nodes: (s: GrantsServices) => ({
    Grant: (context, id) => s.grants.get(context, id),
    GrantObjection: (context, id) => s.grants.objection(context, id),
  }),
  loaders: grantsLoaders,
  migrations: [
    { name: 'Migration20261129191742Grants', class: Migration20261129191742Grants },
    { name: 'Migration20261129234617ObjectionReceipt', class: Migration20261129234617ObjectionReceipt },
  ],
  // Nothing a grant records is ever rewritten: corrections, answers and endings are records of their own.
  seedDemo: seedDemoGrants,
  appendOnlyTables: ['power_grant', 'grant_step', 'grant_correction', 'grant_objection', 'grant_answer', 'grant_ending'],
});
