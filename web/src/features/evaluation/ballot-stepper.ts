/**
 * The ballot page's state, one cadre at a time: the answers being given to the cadre on screen, the
 * comment, which cadres the citizen has already evaluated (from the server, then as ballots are cast),
 * and the receipt of the ballot just cast, shown once before moving on. A reducer, so that the page is
 * only its rendering and every move is tested here.
 */

export interface BallotStepperState {
  /** The campaign's terms in ballot order. */
  termIds: readonly string[];
  /** Terms with a ballot of this citizen (the server's word, or a ballot cast here). */
  voted: readonly string[];
  /** The term on screen; null when every term has a ballot. */
  current: string | null;
  /** Criterion code → the step chosen for the term on screen. */
  answers: Readonly<Record<string, string>>;
  comment: string;
  /** The receipt of the ballot just cast: shown once, until the citizen says they kept it. */
  receipt: { termId: string; code: string } | null;
}

export type BallotStepperAction =
  | { type: 'answer'; criterion: string; step: string }
  | { type: 'comment'; text: string }
  | { type: 'go'; termId: string }
  /** The server took the ballot and gave its receipt. */
  | { type: 'cast'; termId: string; code: string }
  /** The server says this term already has the citizen's ballot (cast elsewhere, or before). */
  | { type: 'alreadyVoted'; termId: string }
  /** The receipt was kept: on to the next cadre without a ballot. */
  | { type: 'receiptKept' };

/** The terms the API says the citizen has evaluated (`myVotes`; null for anybody but a citizen). */
export function votedTermIds(myVotes: readonly { voted: boolean; term: { id: string } }[] | null | undefined): string[] {
  return (myVotes ?? []).filter((vote) => vote.voted).map((vote) => vote.term.id);
}

/** The first term after `from` (in ballot order, wrapping) that has no ballot yet; null when none is left. */
export function nextOpenTerm(termIds: readonly string[], voted: readonly string[], from: string | null): string | null {
  const start = from === null ? -1 : termIds.indexOf(from);
  for (let offset = 1; offset <= termIds.length; offset++) {
    const candidate = termIds[(start + offset + termIds.length) % termIds.length];
    if (!voted.includes(candidate)) return candidate;
  }
  return null;
}

/** The start: the first term without a ballot, or the one asked for (a link to one cadre) if it still has none. */
export function initialBallotState(termIds: readonly string[], voted: readonly string[], wanted: string | null = null): BallotStepperState {
  const current = wanted && termIds.includes(wanted) && !voted.includes(wanted) ? wanted : nextOpenTerm(termIds, voted, null);
  return { termIds, voted, current, answers: {}, comment: '', receipt: null };
}

const fresh = { answers: {}, comment: '' } as const;

export function ballotStepper(state: BallotStepperState, action: BallotStepperAction): BallotStepperState {
  switch (action.type) {
    case 'answer':
      if (state.receipt || state.current === null) return state;
      return { ...state, answers: { ...state.answers, [action.criterion]: action.step } };
    case 'comment':
      return state.receipt ? state : { ...state, comment: action.text };
    case 'go':
      // Answers belong to one cadre: moving to another starts afresh; a cadre with a ballot cannot be opened again.
      if (state.receipt || !state.termIds.includes(action.termId) || state.voted.includes(action.termId) || action.termId === state.current)
        return state;
      return { ...state, ...fresh, current: action.termId };
    case 'cast': {
      const voted = state.voted.includes(action.termId) ? state.voted : [...state.voted, action.termId];
      return { ...state, ...fresh, voted, receipt: { termId: action.termId, code: action.code } };
    }
    case 'alreadyVoted': {
      const voted = state.voted.includes(action.termId) ? state.voted : [...state.voted, action.termId];
      return { ...state, ...fresh, voted, current: nextOpenTerm(state.termIds, voted, action.termId) };
    }
    case 'receiptKept':
      if (!state.receipt) return state;
      return { ...state, receipt: null, current: nextOpenTerm(state.termIds, state.voted, state.receipt.termId) };
  }
}

/** The criteria not answered yet (a "don't know" is an answer), in the campaign's order. */
export function unansweredCriteria(criteria: readonly string[], answers: Readonly<Record<string, string>>): string[] {
  return criteria.filter((code) => !answers[code]);
}

/** The answers as castBallot takes them, one per criterion in the campaign's order; null while one is missing. */
export function ballotAnswers(
  criteria: readonly string[],
  answers: Readonly<Record<string, string>>,
): { criterion: string; step: string }[] | null {
  if (unansweredCriteria(criteria, answers).length > 0) return null;
  return criteria.map((criterion) => ({ criterion, step: answers[criterion] }));
}

/** The comment's length as the shared rule measures it (ballotProblems' BALLOT_COMMENT_MAX), after the server's NFC and trim. */
export function commentLength(text: string): number {
  return text.normalize('NFC').trim().length;
}

/** The comment as sent: null when empty. */
export function commentInput(text: string): string | null {
  const trimmed = text.normalize('NFC').trim();
  return trimmed === '' ? null : trimmed;
}

/** Where the citizen is: the position of the cadre on screen (1-based) and how many have a ballot, of how many. */
export function ballotProgress(state: BallotStepperState): { position: number; done: number; total: number } {
  return {
    position: state.current === null ? state.termIds.length : state.termIds.indexOf(state.current) + 1,
    done: state.termIds.filter((id) => state.voted.includes(id)).length,
    total: state.termIds.length,
  };
}
