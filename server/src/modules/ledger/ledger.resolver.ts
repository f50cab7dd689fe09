import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { idOf } from '../../common/global-id';
import { Allow, Public } from '../../common/operation-permission';
import { Cost } from '../../common/query-cost';
import type { RequestContext } from '../../common/request-context';
import { LedgerConsistencyProof, LedgerInclusionProof, LedgerPublicKey, LedgerVerification, SignedTreeHead } from './dto/ledger.outputs';
import { LedgerService } from './ledger.service';

@Resolver()
export class LedgerResolver {
  constructor(private readonly service: LedgerService) {}

  @Query(() => LedgerPublicKey, { description: "The ledger's Ed25519 public key, public: all an offline check of a signed head needs." })
  @Public()
  ledgerPublicKey(): LedgerPublicKey {
    return { algorithm: 'Ed25519', ...this.service.signer.publicKey() };
  }

  @Query(() => SignedTreeHead, { description: 'The signed head of the ledger now, or of its first treeSize entries; public.' })
  @Public()
  ledgerHead(
    @Ctx() context: RequestContext,
    @Arg('treeSize', () => Int, { nullable: true, description: 'A past size of the ledger; default: its size now.' })
    treeSize?: number | null,
  ) {
    return this.service.head(context, treeSize);
  }

  @Query(() => LedgerInclusionProof, {
    nullable: true,
    description:
      'That one entry, named by its record or its sequence, is in the tree of a signed head; public. Null, with an error at its path, if the ledger has no such entry.',
  })
  @Public()
  ledgerInclusionProof(
    @Ctx() context: RequestContext,
    @Arg('recordId', () => ID, { nullable: true, description: "The record's id (its global id or uuid), or give sequence." })
    recordId?: string | null,
    @Arg('sequence', () => Int, { nullable: true, description: "The entry's sequence, or give recordId." }) sequence?: number | null,
    @Arg('treeSize', () => Int, { nullable: true, description: 'The tree to prove it in; default: the ledger now.' })
    treeSize?: number | null,
  ) {
    return this.service.inclusionProof(
      context,
      { recordId: recordId == null ? null : idOf('*', recordId, 'recordId'), sequence },
      treeSize,
    );
  }

  @Query(() => LedgerConsistencyProof, { description: 'That the ledger of fromSize entries is a prefix of the ledger of toSize; public.' })
  @Public()
  ledgerConsistencyProof(
    @Ctx() context: RequestContext,
    @Arg('fromSize', () => Int, { description: 'The smaller tree (an earlier signed head).' }) fromSize: number,
    @Arg('toSize', () => Int, { nullable: true, description: 'The larger tree; default: the ledger now.' }) toSize?: number | null,
  ) {
    return this.service.consistencyProof(context, fromSize, toSize);
  }

  @Query(() => LedgerVerification, {
    description:
      'Auditors: recomputes every entry from..to from the records themselves (payload hashes, the chain, the tree) and names the first broken entry and why.',
  })
  @Allow('verify', 'Ledger')
  @Cost(5_000) // reads every entry of the range and every record it names
  verifyLedger(
    @Ctx() context: RequestContext,
    @Arg('from', () => Int, { nullable: true, description: 'The first entry to verify; default 0.' }) from?: number | null,
    @Arg('to', () => Int, { nullable: true, description: 'Where to stop (exclusive); default: the ledger now.' }) to?: number | null,
  ) {
    return this.service.verify(context, from, to);
  }
}
