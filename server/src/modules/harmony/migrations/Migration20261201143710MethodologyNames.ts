import { Migration } from '@mikro-orm/migrations';

/**
 * A methodology version's name and description in Chinese beside the English ones (as regions and
 * indicators have both), so that the console shows the reader's language. The built-in version 1 gets
 * its Chinese words here; then the immutability guard covers the new columns too: a version's words are
 * as fixed as its settings.
 */
export class Migration20261201143710MethodologyNames extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "methodology_version" add column "name_zh" varchar(200) null, add column "description_zh" text null;`);
    this.addSql(`update "methodology_version" set "name_zh" = '默认方法',
      "description_zh" = '七项默认指标，固定阈值，等权重，加权算术平均（OECD/JRC 综合指数手册的默认做法）。'
      where "version" = 1 and "name" = 'Default methodology';`);
    this.addSql(`create or replace function "methodology_version_immutable"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' or (new.version, new.name, new.name_zh, new.description, new.description_zh, new.settings, new.alert_rules,
              new.winsorise, new.created_at)
            is distinct from (old.version, old.name, old.name_zh, old.description, old.description_zh, old.settings, old.alert_rules,
              old.winsorise, old.created_at) then
          raise exception 'a methodology version is immutable: create a new version' using errcode = 'insufficient_privilege';
        end if;
        return coalesce(new, old);
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function "methodology_version_immutable"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' or (new.version, new.name, new.description, new.settings, new.alert_rules, new.winsorise, new.created_at)
            is distinct from (old.version, old.name, old.description, old.settings, old.alert_rules, old.winsorise, old.created_at) then
          raise exception 'a methodology version is immutable: create a new version' using errcode = 'insufficient_privilege';
        end if;
        return coalesce(new, old);
      end $$;`);
    this.addSql(`alter table "methodology_version" drop column "name_zh", drop column "description_zh";`);
  }
}
