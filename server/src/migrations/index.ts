import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126000000Foundation } from './Migration20261126000000Foundation';
import { Migration20261126010000Harmony } from './Migration20261126010000Harmony';
import { Migration20261126020000AssessmentStorage } from './Migration20261126020000AssessmentStorage';
import { Migration20261129000000DatabaseTime } from './Migration20261129000000DatabaseTime';

/** Every migration, in order. A new migration is added here as well as in its own file. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261126000000Foundation', class: Migration20261126000000Foundation },
  { name: 'Migration20261126010000Harmony', class: Migration20261126010000Harmony },
  { name: 'Migration20261126020000AssessmentStorage', class: Migration20261126020000AssessmentStorage },
  { name: 'Migration20261129000000DatabaseTime', class: Migration20261129000000DatabaseTime },
];
