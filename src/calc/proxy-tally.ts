// Proxy tallies: per proposal and voting group, the votes, their shares of votes cast and of shares
// outstanding, quorum, and the outcome under the proposal's voting standard. Pure.
import { Decimal, ZERO, sum } from '../decimal.js';
import { fmtMoney, fmtPct } from './workings-format.js';

export type Standard = 'plurality' | 'majority_of_votes_cast' | 'majority_of_outstanding_1940_act';
export type Outcome = 'elected' | 'not elected' | 'approved' | 'not approved' | 'no quorum';

export interface NomineeVotes {
  name: string;
  for: Decimal;
  withheld: Decimal;
}

export interface ProposalVotes {
  for: Decimal;
  against: Decimal;
  abstain?: Decimal;
  brokerNonVotes?: Decimal;
}

export interface GroupInput {
  group: string;
  sharesOutstanding: Decimal;
  /** Fraction of shares outstanding that must be present; default one half. */
  quorum?: Decimal;
  seats?: number;
  nominees?: readonly NomineeVotes[];
  votes?: ProposalVotes;
}

export interface NomineeTally {
  name: string;
  for: Decimal;
  withheld: Decimal;
  cast: Decimal;
  forOfCast: Decimal;
  withheldOfCast: Decimal;
  forOfOutstanding: Decimal;
  outcome: Outcome;
}

export interface GroupTally {
  group: string;
  sharesOutstanding: Decimal;
  present: Decimal;
  presentFraction: Decimal;
  quorumRequired: Decimal;
  quorumMet: boolean;
  /** Votes recorded above the shares that could vote: an error in the data. */
  overvoted: boolean;
  nominees: NomineeTally[];
  votes?: {
    for: Decimal;
    against: Decimal;
    abstain: Decimal;
    brokerNonVotes: Decimal;
    cast: Decimal;
    forOfCast: Decimal;
    againstOfCast: Decimal;
    forOfOutstanding: Decimal;
    /** The votes for needed under the standard. */
    required: Decimal;
    outcome: Outcome;
  };
  workings: string[];
}

const HALF = new Decimal('0.5');
const TWO_THIRDS_1940 = new Decimal('0.67');

const share = (part: Decimal, whole: Decimal) => (whole.isZero() ? ZERO : part.dividedBy(whole));

/**
 * The 1940 Act's "majority of the outstanding voting securities" (section 2(a)(42)): the lesser of 67%
 * of the shares present, if more than half are present, or more than half of the shares outstanding.
 */
export function passes1940ActMajority(votesFor: Decimal, present: Decimal, outstanding: Decimal): boolean {
  const moreThanHalfOutstanding = votesFor.greaterThan(outstanding.times(HALF));
  const twoThirdsOfPresent = present.greaterThan(outstanding.times(HALF)) && votesFor.gte(present.times(TWO_THIRDS_1940));
  return moreThanHalfOutstanding || twoThirdsOfPresent;
}

export function tallyGroup(input: GroupInput, standard: Standard): GroupTally {
  const outstanding = input.sharesOutstanding;
  const quorumRequired = input.quorum ?? HALF;
  const nominees = input.nominees ?? [];
  const v = input.votes;
  // Shares present: for an election, the largest for+withheld over the nominees; for a proposal, every
  // recorded vote including abstentions and broker non-votes.
  const present = v
    ? sum([v.for, v.against, v.abstain ?? ZERO, v.brokerNonVotes ?? ZERO])
    : Decimal.max(ZERO, ...nominees.map((n) => n.for.plus(n.withheld)));
  const presentFraction = share(present, outstanding);
  const quorumMet = presentFraction.gte(quorumRequired);
  const overvoted = present.greaterThan(outstanding);
  const workings = [
    `${input.group}: ${fmtMoney(present)} shares present of ${fmtMoney(outstanding)} outstanding (${fmtPct(presentFraction, 2)}); quorum ${fmtPct(quorumRequired, 0)} ${quorumMet ? 'met' : 'NOT met'}.`,
  ];

  // Plurality: the top `seats` nominees by votes for are elected (uncontested: all of them).
  const seats = input.seats ?? nominees.length;
  const ranked = [...nominees].sort((a, b) => b.for.comparedTo(a.for));
  const cutoff = ranked[Math.min(seats, ranked.length) - 1]?.for;
  const nomineeTallies = nominees.map((n): NomineeTally => {
    const cast = n.for.plus(n.withheld);
    let elected: boolean;
    if (standard === 'plurality') elected = cutoff !== undefined && n.for.gte(cutoff) && n.for.greaterThan(0);
    else if (standard === 'majority_of_votes_cast') elected = n.for.greaterThan(n.withheld);
    else elected = passes1940ActMajority(n.for, present, outstanding);
    const outcome: Outcome = !quorumMet ? 'no quorum' : elected ? 'elected' : 'not elected';
    workings.push(`${n.name}: ${fmtMoney(n.for)} for, ${fmtMoney(n.withheld)} withheld (${fmtPct(share(n.for, cast), 2)} of votes cast): ${outcome}.`);
    return {
      name: n.name,
      for: n.for,
      withheld: n.withheld,
      cast,
      forOfCast: share(n.for, cast),
      withheldOfCast: share(n.withheld, cast),
      forOfOutstanding: share(n.for, outstanding),
      outcome,
    };
  });

  let votes: GroupTally['votes'];
  if (v) {
    const abstain = v.abstain ?? ZERO;
    const brokerNonVotes = v.brokerNonVotes ?? ZERO;
    const cast = v.for.plus(v.against);
    let approved: boolean;
    let required: Decimal;
    if (standard === 'majority_of_outstanding_1940_act') {
      approved = passes1940ActMajority(v.for, present, outstanding);
      const halfPlus = outstanding.times(HALF).floor().plus(1);
      required = present.greaterThan(outstanding.times(HALF)) ? Decimal.min(present.times(TWO_THIRDS_1940).ceil(), halfPlus) : halfPlus;
    } else {
      approved = v.for.greaterThan(v.against);
      required = cast.times(HALF).floor().plus(1);
    }
    const outcome: Outcome = !quorumMet ? 'no quorum' : approved ? 'approved' : 'not approved';
    votes = {
      for: v.for,
      against: v.against,
      abstain,
      brokerNonVotes,
      cast,
      forOfCast: share(v.for, cast),
      againstOfCast: share(v.against, cast),
      forOfOutstanding: share(v.for, outstanding),
      required,
      outcome,
    };
    workings.push(`For ${fmtMoney(v.for)}, against ${fmtMoney(v.against)}, abstain ${fmtMoney(abstain)}, broker non-votes ${fmtMoney(brokerNonVotes)}; ${fmtMoney(required)} for needed: ${outcome}.`);
  }
  return { group: input.group, sharesOutstanding: outstanding, present, presentFraction, quorumRequired, quorumMet, overvoted, nominees: nomineeTallies, votes, workings };
}
