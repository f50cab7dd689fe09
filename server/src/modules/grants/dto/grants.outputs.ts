import { grants } from '@massline/shared';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../../../common/node';
import { LedgerEntryView } from '../../ledger/dto/ledger.outputs';
import { GrantEndingReasonEnum, GrantStepKindEnum, type GrantEndingReason } from '../grants-enums';

@ObjectType({ description: 'A step as first recorded or as a correction made it, in the history of a step.' })
export class GrantStepVersion {
  @Field(() => String, { description: 'The date (YYYY-MM-DD)' })
  date!: string;

  @Field(() => GraphQLJSONObject, { description: 'The facts' })
  facts!: Record<string, unknown>;

  @Field(() => String, { nullable: true, description: 'Why it was corrected (null: as first recorded)' })
  reason!: string | null;

  @Field(() => Date, { description: 'When it was recorded' })
  recordedAt!: Date;

  @Field(() => String, { description: 'The record id that entered the ledger (the step or the correction)' })
  recordId!: string;
}

@ObjectType({ description: "One step of a grant's procedure as it stands (corrected, if it was), with its history and its ledger entry." })
export class GrantStepView {
  @Field(() => String, { description: "The step's id" })
  id!: string;

  @Field(() => GrantStepKindEnum)
  step!: grants.GrantRecordStep;

  @Field(() => String, { description: 'The date (YYYY-MM-DD), as corrected' })
  date!: string;

  @Field(() => GraphQLJSONObject, { description: 'The facts, as corrected' })
  facts!: Record<string, unknown>;

  @Field(() => Boolean, { description: 'Whether a correction changed it' })
  corrected!: boolean;

  @Field(() => [GrantStepVersion], { description: 'As first recorded, then each correction, oldest first' })
  history!: GrantStepVersion[];

  @Field(() => LedgerEntryView, { nullable: true, description: "The step's ledger entry" })
  ledgerEntry!: LedgerEntryView | null;
}

/**
 * An objection, wherever it is read: on its grant, in its filer's list, by its receipt, by `node(id:)`. One
 * type, so that a client cache holds one object per objection. (The class keeps its old name: the
 * entity is `GrantObjection`.)
 */
@ObjectType('GrantObjection', {
  implements: Node,
  description: 'An objection to a grant in notice, and its answer once given (the filer named only when they chose to be).',
})
export class GrantObjectionView implements Node {
  @Field(() => ID, { description: "The objection's global id" })
  id!: string;

  /** The grant objected to (not a field: `grant` resolves it). */
  grantId!: string;

  @Field(() => String, { nullable: true, description: "The objector's name, when they chose to be named" })
  filerName!: string | null;

  @Field(() => String)
  text!: string;

  @Field(() => String, { nullable: true })
  evidence!: string | null;

  @Field(() => Date)
  filedAt!: Date;

  @Field(() => Boolean, { nullable: true, description: 'The answer: upheld (the grant stops) or not; null while unanswered' })
  upheld!: boolean | null;

  @Field(() => String, { nullable: true, description: "The answer's reasons" })
  reasons!: string | null;

  @Field(() => Date, { nullable: true })
  answeredAt!: Date | null;
}

@ObjectType({ description: "fileObjection's answer: the objection, and for an anonymous one its receipt code, shown this once." })
export class NewObjection {
  @Field(() => GrantObjectionView, { description: 'The objection filed' })
  objection!: GrantObjectionView;

  @Field(() => String, {
    nullable: true,
    description:
      'An anonymous objection: the receipt code by which you (and only who holds it) can find it and its answer again (objectionByReceipt). The server keeps only its SHA-256: it is shown this once. Null when named (find it under myObjections).',
  })
  receipt!: string | null;
}

@ObjectType({ description: 'How a grant ended, who decided and why.' })
export class GrantEndingView {
  @Field(() => GrantEndingReasonEnum)
  reason!: GrantEndingReason;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  endedOn!: string;

  @Field(() => String)
  decidedBy!: string;

  @Field(() => String)
  why!: string;

  @Field(() => Date)
  recordedAt!: Date;
}

@ObjectType({
  description:
    'Whether the masses took part in substance: recommendation participants against those entitled, interviews in inspection, objections received and how each was answered.',
})
export class GrantParticipation {
  @Field(() => Int, { nullable: true, description: 'Entitled to take part in the recommendation (null: not recorded yet)' })
  entitled!: number | null;

  @Field(() => Int, { nullable: true, description: 'Took part in the recommendation' })
  participants!: number | null;

  @Field(() => Int, { nullable: true, description: 'Interviews held in inspection' })
  interviews!: number | null;

  @Field(() => Int, { description: 'Objections received' })
  objections!: number;

  @Field(() => Int, { description: 'Objections upheld' })
  upheld!: number;

  @Field(() => Int, { description: 'Objections answered, not upheld' })
  notUpheld!: number;

  @Field(() => Int, { description: 'Objections not answered yet' })
  unanswered!: number;
}

@ObjectType({ description: 'One year of the official holiday schedule: public holidays and make-up working days.' })
export class WorkingCalendar {
  @Field(() => Int)
  year!: number;

  @Field(() => [CalendarDay], { description: 'Days off that would otherwise be working days' })
  holidays!: CalendarDay[];

  @Field(() => [CalendarDay], { description: 'Weekend days that are worked' })
  makeUpDays!: CalendarDay[];
}

@ObjectType({ description: 'A day of the holiday calendar.' })
export class CalendarDay {
  @Field(() => String, { description: 'YYYY-MM-DD' })
  day!: string;

  @Field(() => String)
  note!: string;
}
