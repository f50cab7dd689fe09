import { Migration } from '@mikro-orm/migrations';

/**
 * The evaluation module: campaigns and the terms they evaluate; ballots (no user, no timestamp, no
 * sequence: a random key, the answers and the receipt's hash), participation under a nullifier (its
 * primary key refuses a second ballot), who took part in which campaign, and the tallies written at
 * close. The ballot table is sealed for the server's runtime role (INSERT only, app/database-roles.ts):
 * what it holds comes back only through the owner's SECURITY DEFINER functions below, as aggregates —
 * the close (shuffle and tally), the count per cadre, "is this receipt counted" and a closed campaign's
 * comments in random order.
 */
export class Migration20261129181000Evaluation extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "campaign" ("id" uuid not null, "organization_id" uuid not null, "region_id" uuid not null, "title" varchar(200) not null, "title_zh" varchar(200) not null, "period" varchar(10) not null, "scale" text check ("scale" in ('PROVINCIAL_FOUR_STEP', 'NATIONAL_FIVE_STEP')) not null, "criteria" jsonb not null, "publication_threshold" int not null, "opens_at" timestamptz(3) not null, "closes_at" timestamptz(3) not null, "status" text check ("status" in ('DRAFT', 'OPEN', 'CLOSED', 'PUBLISHED')) not null default 'DRAFT', "opened_at" timestamptz(3) null, "closed_at" timestamptz(3) null, "published_at" timestamptz(3) null, "reminded_at" timestamptz(3) null, "eligible_at_close" int null, "created_at" timestamptz(3) not null default now(), constraint "campaign_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "campaign_organization_id_index" on "campaign" ("organization_id");`);
    this.addSql(`create index "campaign_region_id_index" on "campaign" ("region_id");`);
    this.addSql(`create index "campaign_status_closes_at_index" on "campaign" ("status", "closes_at");`);
    this.addSql(`create index "campaign_created_at_id_index" on "campaign" ("created_at", "id");`);
    this.addSql(
      `create table "participation" ("nullifier" bytea not null, "campaign_id" uuid not null, "term_id" uuid not null, constraint "participation_pkey" primary key ("nullifier"));`,
    );
    this.addSql(`create index "participation_campaign_id_term_id_index" on "participation" ("campaign_id", "term_id");`);
    this.addSql(
      `create table "campaign_term_result" ("campaign_id" uuid not null, "term_id" uuid not null, "ballots" int not null, "means_n" int not null, "means_sum" double precision not null, "means_sum_of_squares" double precision not null, constraint "campaign_term_result_pkey" primary key ("campaign_id", "term_id"));`,
    );
    this.addSql(
      `create table "campaign_term" ("campaign_id" uuid not null, "term_id" uuid not null, "position" smallint not null, constraint "campaign_term_pkey" primary key ("campaign_id", "term_id"));`,
    );
    this.addSql(`create index "campaign_term_term_id_index" on "campaign_term" ("term_id");`);
    this.addSql(
      `create table "campaign_result" ("campaign_id" uuid not null, "term_id" uuid not null, "criterion_code" varchar(40) not null, "n" int not null, "sum" double precision not null, "sum_of_squares" double precision not null, "dont_know" int not null, constraint "campaign_result_pkey" primary key ("campaign_id", "term_id", "criterion_code"));`,
    );
    this.addSql(
      `create table "ballot" ("id" uuid not null, "campaign_id" uuid not null, "term_id" uuid not null, "answers" smallint[] not null, "comment" varchar(500) null, "receipt_hash" bytea not null, constraint "ballot_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "ballot" add constraint "ballot_receipt_hash_unique" unique ("receipt_hash");`);
    this.addSql(`create index "ballot_campaign_id_term_id_index" on "ballot" ("campaign_id", "term_id");`);
    this.addSql(
      `create table "campaign_participant" ("campaign_id" uuid not null, "user_id" uuid not null, constraint "campaign_participant_pkey" primary key ("campaign_id", "user_id"));`,
    );
    this.addSql(`create index "campaign_participant_user_id_index" on "campaign_participant" ("user_id");`);
    this.addSql(
      `alter table "campaign" add constraint "campaign_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "campaign" add constraint "campaign_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "participation" add constraint "participation_campaign_id_foreign" foreign key ("campaign_id") references "campaign" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "participation" add constraint "participation_term_id_foreign" foreign key ("term_id") references "term" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "campaign_term_result" add constraint "campaign_term_result_campaign_id_foreign" foreign key ("campaign_id") references "campaign" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "campaign_term_result" add constraint "campaign_term_result_term_id_foreign" foreign key ("term_id") references "term" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "campaign_term" add constraint "campaign_term_campaign_id_foreign" foreign key ("campaign_id") references "campaign" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "campaign_term" add constraint "campaign_term_term_id_foreign" foreign key ("term_id") references "term" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "campaign_result" add constraint "campaign_result_campaign_id_foreign" foreign key ("campaign_id") references "campaign" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "campaign_result" add constraint "campaign_result_term_id_foreign" foreign key ("term_id") references "term" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "ballot" add constraint "ballot_campaign_id_foreign" foreign key ("campaign_id") references "campaign" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "ballot" add constraint "ballot_term_id_foreign" foreign key ("term_id") references "term" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "campaign_participant" add constraint "campaign_participant_campaign_id_foreign" foreign key ("campaign_id") references "campaign" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "campaign_participant" add constraint "campaign_participant_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete restrict;`,
    );
    for (const statement of BALLOT_FUNCTIONS) this.addSql(statement);
    // Only the server's roles call them: the runtime role gets EXECUTE from app/database-roles.ts.
    for (const name of BALLOT_FUNCTION_NAMES) this.addSql(`revoke all on function ${name} from public`);
  }

  override async down(): Promise<void> {
    for (const name of BALLOT_FUNCTION_NAMES) this.addSql(`drop function if exists ${name}`);
    for (const table of [
      'campaign_term_result',
      'campaign_result',
      'campaign_participant',
      'participation',
      'ballot',
      'campaign_term',
      'campaign',
    ])
      this.addSql(`drop table if exists "${table}" cascade`);
  }
}

/**
 * The owner's functions over the sealed ballot table (SECURITY DEFINER: they run with the owner's rights
 * while the runtime role may only INSERT ballots). Each answers aggregates or a yes/no, never a row.
 */
const BALLOT_FUNCTIONS = [
  `create function evaluation_close(p_campaign uuid, p_scores double precision[]) returns integer
     language plpgsql security definer set search_path = public, pg_temp as $$
   declare
     tallied integer;
   begin
     -- Rewrite the campaign's ballots in random physical order, all with this transaction's xmin: from now
     -- on neither their order nor their system columns follow the order they were cast in.
     create temporary table evaluation_shuffled on commit drop as select * from ballot where campaign_id = p_campaign order by random();
     delete from ballot where campaign_id = p_campaign;
     insert into ballot select * from evaluation_shuffled order by random();
     drop table evaluation_shuffled;
     -- The tally per cadre and criterion: p_scores[step + 1] is the score of a step (null: "don't know").
     insert into campaign_result (campaign_id, term_id, criterion_code, n, sum, sum_of_squares, dont_know)
       select p_campaign, b.term_id, (c.criteria -> (a.position::int - 1) ->> 'code'),
              count(p_scores[a.step + 1]), coalesce(sum(p_scores[a.step + 1]), 0), coalesce(sum(p_scores[a.step + 1] ^ 2), 0),
              count(*) - count(p_scores[a.step + 1])
         from ballot b
         join campaign c on c.id = b.campaign_id
         cross join lateral unnest(b.answers) with ordinality as a(step, position)
        where b.campaign_id = p_campaign
        group by b.term_id, a.position, c.criteria;
     -- Per cadre: the ballots, and the sums of each ballot's mean score (ballots with a scored answer).
     insert into campaign_term_result (campaign_id, term_id, ballots, means_n, means_sum, means_sum_of_squares)
       select p_campaign, ct.term_id, count(m.term_id), count(m.mean), coalesce(sum(m.mean), 0), coalesce(sum(m.mean ^ 2), 0)
         from campaign_term ct
         left join (select b.term_id, (select avg(p_scores[s + 1]) from unnest(b.answers) s) as mean
                      from ballot b where b.campaign_id = p_campaign) m on m.term_id = ct.term_id
        where ct.campaign_id = p_campaign
        group by ct.term_id;
     select coalesce(sum(ballots), 0) into tallied from campaign_term_result where campaign_id = p_campaign;
     return tallied;
   end $$`,
  `create function evaluation_ballot_counts(p_campaign uuid) returns table (term_id uuid, ballots bigint)
     language sql stable security definer set search_path = public, pg_temp as $$
     select b.term_id, count(*) from ballot b where b.campaign_id = p_campaign group by b.term_id
   $$`,
  `create function evaluation_receipt_campaign(p_receipt_hash bytea) returns uuid
     language sql stable security definer set search_path = public, pg_temp as $$
     select b.campaign_id from ballot b where b.receipt_hash = p_receipt_hash
   $$`,
  `create function evaluation_comments(p_campaign uuid, p_term uuid) returns setof text
     language sql volatile security definer set search_path = public, pg_temp as $$
     select b.comment from ballot b join campaign c on c.id = b.campaign_id
      where b.campaign_id = p_campaign and b.term_id = p_term and b.comment is not null and c.status in ('CLOSED', 'PUBLISHED')
      order by random()
   $$`,
];

const BALLOT_FUNCTION_NAMES = [
  'evaluation_close(uuid, double precision[])',
  'evaluation_ballot_counts(uuid)',
  'evaluation_receipt_campaign(bytea)',
  'evaluation_comments(uuid, uuid)',
];
