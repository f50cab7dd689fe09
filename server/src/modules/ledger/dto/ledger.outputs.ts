import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { asEnum } from '../../../common/graphql-enums';
import { LEDGER_BREAK_REASONS, type LedgerBreakReason } from '../ledger.service';

@ObjectType({
  description:
    'A tree head the platform signed: the Merkle tree of the first `treeSize` ledger entries has `rootHash`, as stated at `timestamp`. The signature is Ed25519 over the bytes docs/ledger.md defines.',
})
export class SignedTreeHead {
  @Field(() => Int, { description: 'How many entries the tree holds.' })
  treeSize!: number;

  @Field(() => String, { description: 'The RFC 9162 Merkle tree hash of those entries, hexadecimal.' })
  rootHash!: string;

  @Field(() => String, { description: 'When the platform signed it: ISO 8601 in UTC with milliseconds, exactly as signed.' })
  timestamp!: string;

  @Field(() => String, { description: 'The Ed25519 signature, base64.' })
  signature!: string;

  @Field(() => String, { description: 'SHA-256 of the signing public key (SubjectPublicKeyInfo, DER), hexadecimal.' })
  keyId!: string;
}

@ObjectType({ description: "The ledger's signing key: with it alone anyone can check a signed tree head offline." })
export class LedgerPublicKey {
  @Field(() => String, { description: 'Always Ed25519.' })
  algorithm!: string;

  @Field(() => String, { description: 'The public key, SubjectPublicKeyInfo PEM.' })
  pem!: string;

  @Field(() => String, { description: 'SHA-256 of the key (SubjectPublicKeyInfo, DER), hexadecimal: what signed heads name.' })
  keyId!: string;
}

@ObjectType({ description: 'One entry of the ledger: a record appended, its payload hash and its place in the chain and the tree.' })
export class LedgerEntryView {
  @Field(() => Int, { description: 'The position of the entry, from 0 (its leaf index in the Merkle tree).' })
  sequence!: number;

  @Field(() => String, { description: 'When it was appended: ISO 8601 in UTC with milliseconds, as encoded.' })
  recordedAt!: string;

  @Field(() => String, { description: 'The kind of record, e.g. GrantStep.' })
  recordType!: string;

  @Field(() => String, { description: "The record's uuid (as encoded in the entry; the record's own id field gives its global id)." })
  recordId!: string;

  @Field(() => String, { description: "SHA-256 of the record's canonical payload, hexadecimal." })
  payloadHash!: string;

  @Field(() => String, { description: 'The entry hash of the entry before (64 zeros for the first), hexadecimal.' })
  previousHash!: string;

  @Field(() => String, { description: "SHA-256 of the entry's canonical encoding, hexadecimal: the next entry's previous hash." })
  entryHash!: string;

  @Field(() => String, { description: "The entry's Merkle leaf hash, SHA-256(0x00 ‖ encoding), hexadecimal." })
  leafHash!: string;
}

@ObjectType({ description: 'That an entry is in the tree of a signed head: the RFC 9162 audit path from its leaf to the root.' })
export class LedgerInclusionProof {
  @Field(() => LedgerEntryView, { description: 'The entry proven.' })
  entry!: LedgerEntryView;

  @Field(() => Int, { description: 'The size of the tree it is proven in.' })
  treeSize!: number;

  @Field(() => [String], { description: 'The audit path, hexadecimal hashes, from the leaf up.' })
  auditPath!: string[];

  @Field(() => SignedTreeHead, { description: 'The signed head of that tree.' })
  head!: SignedTreeHead;
}

@ObjectType({
  description: 'That the tree of one signed head is a prefix of the tree of another: the ledger only grew between them (RFC 9162).',
})
export class LedgerConsistencyProof {
  @Field(() => Int, { description: 'The smaller tree.' })
  fromSize!: number;

  @Field(() => Int, { description: 'The larger tree.' })
  toSize!: number;

  @Field(() => [String], { description: 'The consistency proof, hexadecimal hashes.' })
  proof!: string[];

  @Field(() => SignedTreeHead, { description: 'The signed head of the smaller tree.' })
  fromHead!: SignedTreeHead;

  @Field(() => SignedTreeHead, { description: 'The signed head of the larger tree.' })
  toHead!: SignedTreeHead;
}

export const LedgerBreakReasonEnum = asEnum(LEDGER_BREAK_REASONS);
registerEnumType(LedgerBreakReasonEnum, {
  name: 'LedgerBreakReason',
  description:
    'Why an entry fails verification: a gap in the sequence, a broken chain, an entry or a record changed since it was appended, a record gone, a tree leaf or node that is not what the entries make.',
});

@ObjectType({ description: 'The first entry found broken, and why.' })
export class LedgerBreak {
  @Field(() => Int, { description: 'The sequence of the broken entry (a tree node: the first entry it covers).' })
  sequence!: number;

  @Field(() => LedgerBreakReasonEnum, { description: 'Why it is broken.' })
  reason!: LedgerBreakReason;

  @Field(() => String, { nullable: true, description: 'The kind of record the entry names, when there is an entry.' })
  recordType!: string | null;

  @Field(() => String, { nullable: true, description: "The record's uuid, when there is an entry." })
  recordId!: string | null;

  @Field(() => String, { description: 'What is wrong, in English, with the hashes compared.' })
  message!: string;
}

@ObjectType({ description: 'The result of verifying ledger entries from the records themselves.' })
export class LedgerVerification {
  @Field(() => Int, { description: 'The first entry verified.' })
  from!: number;

  @Field(() => Int, { description: 'Where verification stopped (exclusive).' })
  to!: number;

  @Field(() => Int, { description: 'Entries found sound before the first break (all of them when none).' })
  checked!: number;

  @Field(() => Boolean, { description: 'Whether every entry, record and tree node of the range is sound.' })
  valid!: boolean;

  @Field(() => LedgerBreak, { nullable: true, description: 'The first broken entry, or null.' })
  firstBroken!: LedgerBreak | null;
}
