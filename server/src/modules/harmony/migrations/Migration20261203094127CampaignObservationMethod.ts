import { Migration } from '@mikro-orm/migrations';

const METHODS = `'DIRECT', 'FROM_COUNT', 'GINI_MICRODATA', 'GINI_LORENZ_QUADRATIC', 'GINI_LINEAR_INTERPOLATION'`;

/**
 * The method of a value fed by published evaluation campaigns is called CAMPAIGN (issue 10), no longer
 * FROM_CAMPAIGNS: no server ever wrote the old name (nothing computed it), but a row that has it is renamed.
 */
export class Migration20261203094127CampaignObservationMethod extends Migration {
  override async up(): Promise<void> {
    for (const table of ['observation', 'observation_revision']) {
      this.addSql(`alter table "${table}" drop constraint if exists "${table}_method_check";`);
      this.addSql(`update "${table}" set "method" = 'CAMPAIGN' where "method" = 'FROM_CAMPAIGNS';`);
      this.addSql(`alter table "${table}" add constraint "${table}_method_check" check ("method" in (${METHODS}, 'CAMPAIGN'));`);
    }
  }

  override async down(): Promise<void> {
    for (const table of ['observation', 'observation_revision']) {
      this.addSql(`alter table "${table}" drop constraint if exists "${table}_method_check";`);
      this.addSql(`update "${table}" set "method" = 'FROM_CAMPAIGNS' where "method" = 'CAMPAIGN';`);
      this.addSql(`alter table "${table}" add constraint "${table}_method_check" check ("method" in (${METHODS}, 'FROM_CAMPAIGNS'));`);
    }
  }
}
