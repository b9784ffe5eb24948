// Proxy tallies: per proposal and voting group, the votes, their shares of votes cast and of shares
// outstanding, quorum, and the outcome under the proposal's voting standard. Pure.
import { Decimal, ZERO, sum } from '../decimal.js';
import type { Diagnostic } from '../diagnostic.js';
import type { FundPeriod } from '../load/schema.js';
import { jsonDecimal, jsonRatio, type CalculatorPass } from './pass.js';
import { fmtMoney, fmtPct } from './workings-format.js';

type Standard = 'plurality' | 'majority_of_votes_cast' | 'majority_of_outstanding_1940_act';
type Outcome = 'elected' | 'not elected' | 'approved' | 'not approved' | 'no quorum' | 'undetermined';

interface NomineeVotes {
  name: string;
  for: Decimal;
  withheld: Decimal;
}

interface ProposalVotes {
  for: Decimal;
  against: Decimal;
  abstain?: Decimal;
  brokerNonVotes?: Decimal;
}

export interface GroupInput {
  group: string;
  /** Undefined when the filing does not state it (written `unknown`). */
  sharesOutstanding?: Decimal;
  /** Fraction of shares outstanding that must be present; default one half. */
  quorum?: Decimal;
  seats?: number;
  nominees?: readonly NomineeVotes[];
  votes?: ProposalVotes;
}

interface NomineeTally {
  name: string;
  for: Decimal;
  withheld: Decimal;
  cast: Decimal;
  forOfCast: Decimal;
  withheldOfCast: Decimal;
  /** Undefined when shares outstanding are unknown. */
  forOfOutstanding?: Decimal;
  outcome: Outcome;
}

interface GroupTally {
  group: string;
  sharesOutstanding?: Decimal;
  present: Decimal;
  /** Undefined when shares outstanding are unknown (so are quorumMet and the 1940 Act threshold). */
  presentFraction?: Decimal;
  quorumRequired: Decimal;
  /** Undefined when shares outstanding are unknown: the quorum cannot be checked. */
  quorumMet?: boolean;
  /** Votes recorded above the shares that could vote: an error in the data. */
  overvoted: boolean;
  nominees: NomineeTally[];
  /** Nominees whose votes cast (for + withheld) differ from the first nominee's: the shares present should be the same. */
  differingTotals: { first: NomineeTally; other: NomineeTally }[];
  /**
   * For an outcome left undetermined by unknown shares outstanding: it would be approved (or elected)
   * if fewer than this many shares were outstanding.
   */
  passesIfOutstandingBelow?: Decimal;
  votes?: {
    for: Decimal;
    against: Decimal;
    abstain: Decimal;
    brokerNonVotes: Decimal;
    cast: Decimal;
    forOfCast: Decimal;
    againstOfCast: Decimal;
    forOfOutstanding?: Decimal;
    /** The votes for needed under the standard; undefined when it depends on unknown shares outstanding. */
    required?: Decimal;
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

/**
 * With shares outstanding N unknown, the 1940 Act majority passes exactly when N is below a threshold:
 * votes for > N/2 holds while N < 2 x for, and (present > N/2 and for >= 67% of present) while
 * N < 2 x present.
 */
function outstandingThreshold1940Act(votesFor: Decimal, present: Decimal): Decimal {
  return votesFor.gte(present.times(TWO_THIRDS_1940)) ? present.times(2) : votesFor.times(2);
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
  const presentFraction = outstanding && share(present, outstanding);
  const quorumMet = presentFraction?.gte(quorumRequired);
  const overvoted = outstanding !== undefined && present.greaterThan(outstanding);
  const workings = [
    presentFraction
      ? `${input.group}: ${fmtMoney(present)} shares present of ${fmtMoney(outstanding!)} outstanding (${fmtPct(presentFraction, 2)}); quorum ${fmtPct(quorumRequired, 0)} ${quorumMet ? 'met' : 'NOT met'}.`
      : `${input.group}: ${fmtMoney(present)} shares present; shares outstanding unknown, so the quorum is not checked.`,
  ];
  // Without shares outstanding, the 1940 Act majority cannot be decided; everything else assumes the
  // quorum the filing reports the meeting to have had.
  const undetermined = outstanding === undefined && standard === 'majority_of_outstanding_1940_act';
  const noQuorum = quorumMet === false;

  // Plurality: the top `seats` nominees by votes for are elected (uncontested: all of them).
  const seats = input.seats ?? nominees.length;
  const ranked = [...nominees].sort((a, b) => b.for.comparedTo(a.for));
  const cutoff = ranked[Math.min(seats, ranked.length) - 1]?.for;
  const nomineeTallies = nominees.map((n): NomineeTally => {
    const cast = n.for.plus(n.withheld);
    let elected: boolean;
    if (standard === 'plurality') elected = cutoff !== undefined && n.for.gte(cutoff) && n.for.greaterThan(0);
    else if (standard === 'majority_of_votes_cast') elected = n.for.greaterThan(n.withheld);
    else elected = outstanding !== undefined && passes1940ActMajority(n.for, present, outstanding);
    const outcome: Outcome = noQuorum ? 'no quorum' : undetermined ? 'undetermined' : elected ? 'elected' : 'not elected';
    workings.push(`${n.name}: ${fmtMoney(n.for)} for, ${fmtMoney(n.withheld)} withheld (${fmtPct(share(n.for, cast), 2)} of votes cast): ${outcome}.`);
    return {
      name: n.name,
      for: n.for,
      withheld: n.withheld,
      cast,
      forOfCast: share(n.for, cast),
      withheldOfCast: share(n.withheld, cast),
      forOfOutstanding: outstanding && share(n.for, outstanding),
      outcome,
    };
  });
  const first = nomineeTallies[0];
  const differingTotals = first ? nomineeTallies.slice(1).filter((n) => !n.cast.equals(first.cast)).map((other) => ({ first, other })) : [];

  let votes: GroupTally['votes'];
  if (v) {
    const abstain = v.abstain ?? ZERO;
    const brokerNonVotes = v.brokerNonVotes ?? ZERO;
    const cast = v.for.plus(v.against);
    let approved: boolean;
    let required: Decimal | undefined;
    if (standard === 'majority_of_outstanding_1940_act' && outstanding === undefined) {
      approved = false;
    } else if (standard === 'majority_of_outstanding_1940_act' && outstanding) {
      approved = passes1940ActMajority(v.for, present, outstanding);
      const halfPlus = outstanding.times(HALF).floor().plus(1);
      required = present.greaterThan(outstanding.times(HALF)) ? Decimal.min(present.times(TWO_THIRDS_1940).ceil(), halfPlus) : halfPlus;
    } else {
      approved = v.for.greaterThan(v.against);
      required = cast.times(HALF).floor().plus(1);
    }
    const outcome: Outcome = noQuorum ? 'no quorum' : undetermined ? 'undetermined' : approved ? 'approved' : 'not approved';
    votes = {
      for: v.for,
      against: v.against,
      abstain,
      brokerNonVotes,
      cast,
      forOfCast: share(v.for, cast),
      againstOfCast: share(v.against, cast),
      forOfOutstanding: outstanding && share(v.for, outstanding),
      required,
      outcome,
    };
    workings.push(`For ${fmtMoney(v.for)}, against ${fmtMoney(v.against)}, abstain ${fmtMoney(abstain)}, broker non-votes ${fmtMoney(brokerNonVotes)}; ${required ? `${fmtMoney(required)} for needed` : 'the votes needed depend on the shares outstanding'}: ${outcome}.`);
  }
  let passesIfOutstandingBelow: Decimal | undefined;
  if (undetermined && (v || nominees.length > 0)) {
    const votesFor = v ? v.for : Decimal.min(...nominees.map((n) => n.for));
    passesIfOutstandingBelow = outstandingThreshold1940Act(votesFor, present);
    workings.push(`Shares outstanding unknown: the 1940 Act majority is met only if fewer than ${fmtMoney(passesIfOutstandingBelow)} shares were outstanding.`);
  }
  return { group: input.group, sharesOutstanding: outstanding, present, presentFraction, quorumRequired, quorumMet, overvoted, nominees: nomineeTallies, differingTotals, passesIfOutstandingBelow, votes, workings };
}

export interface ProposalTally {
  meetingDate: string;
  number: number;
  title: string;
  standard: string;
  groups: GroupTally[];
}

/** The proxy tallies as a calculator pass: every voting group of every proposal, decided on its own. */
export const proxyPass = {
  name: 'proxy',
  codes: { VOTES_OVER_OUTSTANDING: 'error', QUORUM_NOT_MET: 'warning', VOTE_UNDETERMINED: 'warning', QUORUM_NOT_CHECKED: 'info', NOMINEE_TOTALS_DIFFER: 'warning' },
  lines: [],
  json: ({ proxy }) => ({
    proxy: {
      proposals: proxy.map((p) => ({
        meetingDate: p.meetingDate,
        number: p.number,
        standard: p.standard,
        groups: p.groups.map((g) => ({
          group: g.group,
          sharesOutstanding: jsonDecimal(g.sharesOutstanding),
          present: jsonDecimal(g.present),
          quorumMet: g.quorumMet ?? null,
          nominees: g.nominees.map((n) => ({
            name: n.name,
            for: jsonDecimal(n.for),
            withheld: jsonDecimal(n.withheld),
            forOfCast: jsonRatio(n.forOfCast),
            outcome: n.outcome,
          })),
          votes: g.votes && { for: jsonDecimal(g.votes.for), against: jsonDecimal(g.votes.against), abstain: jsonDecimal(g.votes.abstain), brokerNonVotes: jsonDecimal(g.votes.brokerNonVotes), outcome: g.votes.outcome },
        })),
      })),
    },
  }),
  run(fund: FundPeriod) {
    const diagnostics: Diagnostic[] = [];
    const proxy: ProposalTally[] = [];
    fund.proxy?.forEach((meeting, m) => {
      // `unknown` (null) stays unknown, and makes the combined group's figure unknown too.
      const common = meeting.shares_outstanding.common ?? undefined;
      const preferred = meeting.shares_outstanding.preferred === undefined ? ZERO : meeting.shares_outstanding.preferred ?? undefined;
      const outstanding = {
        common_and_preferred: common && preferred && common.plus(preferred),
        common,
        preferred,
      };
      meeting.proposals.forEach((proposal, p) => {
        const groups = proposal.groups.map((g, gi) => {
          const tally = tallyGroup(
            {
              group: g.group,
              sharesOutstanding: outstanding[g.group],
              quorum: meeting.quorum?.[g.group],
              seats: g.seats,
              nominees: g.nominees,
              votes: g.votes && { for: g.votes.for, against: g.votes.against, abstain: g.votes.abstain, brokerNonVotes: g.votes.broker_non_votes },
            },
            proposal.standard,
          );
          const path = ['proxy', m, 'proposals', p, 'groups', gi];
          const label = `proposal ${proposal.number} (${g.group.replaceAll('_', ' ')})`;
          if (tally.overvoted && tally.sharesOutstanding) {
            // Point at the nominee whose votes run over (for + withheld), or at the proposal's votes.
            const worst = tally.nominees.reduce((best, n, i) => (n.cast.greaterThan(tally.nominees[best]!.cast) ? i : best), 0);
            const nominee = tally.nominees[worst];
            const what = nominee && !g.votes ? `${nominee.name}: ${fmtMoney(nominee.for)} for + ${fmtMoney(nominee.withheld)} withheld = ${fmtMoney(nominee.cast)} votes` : `${fmtMoney(tally.present)} votes`;
            diagnostics.push({
              severity: 'error',
              code: 'VOTES_OVER_OUTSTANDING',
              message: `${label}: ${what}, but only ${fmtMoney(tally.sharesOutstanding)} shares outstanding`,
              stated: tally.present.toString(),
              computed: tally.sharesOutstanding.toString(),
              path: g.votes ? [...path, 'votes', 'for'] : [...path, 'nominees', worst, 'for'],
            });
          } else if (tally.quorumMet === false && tally.sharesOutstanding && tally.presentFraction) {
            diagnostics.push({
              severity: 'warning',
              code: 'QUORUM_NOT_MET',
              message: `${label}: ${fmtMoney(tally.present)} of ${fmtMoney(tally.sharesOutstanding)} shares present (${fmtPct(tally.presentFraction, 1)}), below the ${fmtPct(tally.quorumRequired, 0)} quorum`,
              stated: tally.present.toString(),
              computed: tally.quorumRequired.times(tally.sharesOutstanding).toString(),
              path: [...path, 'group'],
            });
          }
          const outstandingPath = ['proxy', m, 'shares_outstanding', g.group === 'preferred' ? 'preferred' : 'common'];
          if (tally.passesIfOutstandingBelow) {
            diagnostics.push({
              severity: 'warning',
              code: 'VOTE_UNDETERMINED',
              message: `${label}: the outcome under the 1940 Act majority is undetermined because shares outstanding are unknown; it passes only if fewer than ${fmtMoney(tally.passesIfOutstandingBelow)} shares were outstanding`,
              computed: tally.passesIfOutstandingBelow.toString(),
              path: outstandingPath,
            });
          } else if (!tally.sharesOutstanding) {
            diagnostics.push({ severity: 'info', code: 'QUORUM_NOT_CHECKED', message: `${label}: shares outstanding are unknown, so the quorum is not checked`, path: outstandingPath });
          }
          for (const { first, other } of tally.differingTotals) {
            const n = tally.nominees.indexOf(other);
            diagnostics.push({
              severity: 'warning',
              code: 'NOMINEE_TOTALS_DIFFER',
              message: `${label}: ${first.name} has ${fmtMoney(first.cast)} votes (for + withheld), ${other.name} ${fmtMoney(other.cast)}; one voting group's nominees should have the same shares present`,
              stated: other.cast.toString(),
              computed: first.cast.toString(),
              path: [...path, 'nominees', n, 'for'],
            });
          }
          return tally;
        });
        proxy.push({ meetingDate: meeting.date, number: proposal.number, title: proposal.title, standard: proposal.standard, groups });
      });
    });
    return { figures: { proxy }, workings: [], diagnostics };
  },
} satisfies CalculatorPass<'proxy'>;
