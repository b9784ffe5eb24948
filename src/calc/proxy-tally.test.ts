import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Decimal } from '../decimal.js';
import { passes1940ActMajority, tallyGroup, type GroupInput } from './proxy-tally.js';

const d = (s: string) => new Decimal(s);
const HALF = d('0.5');

describe('IQM annual meeting, 2011-07-14: proposal 1 (plurality)', () => {
  // Common 13,454,169 + preferred 1,100 = 13,455,269 shares voting together.
  const commonAndPreferred: GroupInput = {
    group: 'common_and_preferred',
    sharesOutstanding: d('13455269'),
    quorum: HALF,
    seats: 5,
    nominees: [
      { name: 'David C. Arch', for: d('11285035'), withheld: d('392952') },
      { name: 'Bob R. Baker', for: d('11319345'), withheld: d('358642') },
      { name: 'Larry Soll', for: d('11296180'), withheld: d('381807') },
      { name: 'Philip A. Taylor', for: d('11333978'), withheld: d('344009') },
      { name: 'Wayne W. Whalen', for: d('11311053'), withheld: d('366934') },
    ],
  };

  it('common and preferred together: quorum met with 86.79% present, all five elected', () => {
    const t = tallyGroup(commonAndPreferred, 'plurality');
    // every nominee's for + withheld is 11,677,987 (e.g. 11,285,035 + 392,952)
    expect(t.present.equals(d('11677987'))).toBe(true);
    // 11,677,987 / 13,455,269 = 0.867912 -> 86.79%
    expect(t.presentFraction.toFixed(4)).toBe('0.8679');
    expect(t.quorumMet).toBe(true);
    expect(t.overvoted).toBe(false);
    expect(t.nominees.map((n) => n.outcome)).toEqual(['elected', 'elected', 'elected', 'elected', 'elected']);
    const arch = t.nominees[0]!;
    expect(arch.cast.equals(d('11677987'))).toBe(true);
    // 11,285,035 / 11,677,987 = 0.966351 -> 96.64%
    expect(arch.forOfCast.toFixed(4)).toBe('0.9664');
    // 392,952 / 11,677,987 = 0.033649 -> 3.36%
    expect(arch.withheldOfCast.toFixed(4)).toBe('0.0336');
    // 11,285,035 / 13,455,269 = 0.838708 -> 83.87%
    expect(arch.forOfOutstanding.toFixed(4)).toBe('0.8387');
  });

  it('preferred alone: 110 of 1,100 present, quorum NOT met at 50%, no quorum', () => {
    const t = tallyGroup(
      { group: 'preferred', sharesOutstanding: d('1100'), quorum: HALF, seats: 1, nominees: [{ name: 'Frank S. Bayley', for: d('106'), withheld: d('4') }] },
      'plurality',
    );
    expect(t.present.equals(d('110'))).toBe(true); // 106 + 4
    expect(t.presentFraction.equals(d('0.1'))).toBe(true); // 110 / 1,100 = 10% < 50%
    expect(t.quorumMet).toBe(false);
    expect(t.quorumRequired.equals(HALF)).toBe(true);
    expect(t.nominees[0]!.outcome).toBe('no quorum');
    expect(t.nominees[0]!.forOfCast.toFixed(4)).toBe('0.9636'); // 106 / 110 = 0.963636
  });
});

describe('quorum', () => {
  const proposal = (forVotes: string, against: string, abstain: string): GroupInput => ({
    group: 'common',
    sharesOutstanding: d('1000000'),
    votes: { for: d(forVotes), against: d(against), abstain: d(abstain) },
  });

  it('fails below the default one half, even when the votes for win', () => {
    const t = tallyGroup(proposal('300000', '100000', '50000'), 'majority_of_votes_cast');
    // present 300,000 + 100,000 + 50,000 = 450,000 = 45% < 50%
    expect(t.present.equals(d('450000'))).toBe(true);
    expect(t.quorumMet).toBe(false);
    expect(t.votes!.outcome).toBe('no quorum');
  });

  it('is met at exactly the required fraction (abstentions count as present)', () => {
    const t = tallyGroup(proposal('300000', '100000', '100000'), 'majority_of_votes_cast');
    // present 500,000 = 50% >= 50%
    expect(t.quorumMet).toBe(true);
    expect(t.votes!.outcome).toBe('approved');
  });

  it('counts broker non-votes as present', () => {
    const t = tallyGroup(
      { group: 'common', sharesOutstanding: d('1000000'), votes: { for: d('300000'), against: d('100000'), brokerNonVotes: d('150000') } },
      'majority_of_votes_cast',
    );
    expect(t.present.equals(d('550000'))).toBe(true); // 300,000 + 100,000 + 150,000
    expect(t.quorumMet).toBe(true);
  });

  it('uses a stated quorum', () => {
    const t = tallyGroup({ ...proposal('300000', '100000', '100000'), quorum: d('0.6') }, 'majority_of_votes_cast');
    expect(t.quorumMet).toBe(false); // 50% < 60%
  });
});

describe('passes1940ActMajority', () => {
  // 1,000 shares outstanding.
  const outstanding = d('1000');

  it('with more than half present, 67% of the shares present is enough', () => {
    // present 600 > 500: 67% x 600 = 402
    expect(passes1940ActMajority(d('402'), d('600'), outstanding)).toBe(true);
    expect(passes1940ActMajority(d('401'), d('600'), outstanding)).toBe(false); // 401 < 402 and 401 <= 500
    // present 501: 67% x 501 = 335.67, so 336 passes and 335 does not
    expect(passes1940ActMajority(d('336'), d('501'), outstanding)).toBe(true);
    expect(passes1940ActMajority(d('335'), d('501'), outstanding)).toBe(false);
  });

  it('with exactly half present, the 67% test is not available', () => {
    // present 500 is not more than 500; 400 is 80% of present but not more than half of outstanding
    expect(passes1940ActMajority(d('400'), d('500'), outstanding)).toBe(false);
    expect(passes1940ActMajority(d('500'), d('500'), outstanding)).toBe(false); // 500 is not more than 500
  });

  it('more than half of the outstanding shares is always enough (the lesser of the two)', () => {
    // present 1,000: 67% would need 670, but 501 > 500 already passes
    expect(passes1940ActMajority(d('501'), d('1000'), outstanding)).toBe(true);
    expect(passes1940ActMajority(d('500'), d('1000'), outstanding)).toBe(false); // not more than half, and < 670
  });
});

describe('1940 Act majority proposals', () => {
  const vote = (forVotes: string, against: string, abstain: string) =>
    tallyGroup({ group: 'common', sharesOutstanding: d('1000'), votes: { for: d(forVotes), against: d(against), abstain: d(abstain) } }, 'majority_of_outstanding_1940_act');

  it('approves with 67% of a 60% turnout', () => {
    const t = vote('402', '150', '48'); // present 600
    expect(t.votes!.required.equals(d('402'))).toBe(true); // min(ceil(0.67 x 600) = 402, 501)
    expect(t.votes!.outcome).toBe('approved');
  });

  it('does not approve one vote short', () => {
    const t = vote('401', '151', '48'); // present 600
    expect(t.votes!.outcome).toBe('not approved');
  });

  it('needs only 501 of a full turnout (the lesser test)', () => {
    const t = vote('501', '499', '0'); // present 1,000
    expect(t.votes!.required.equals(d('501'))).toBe(true); // min(670, 501)
    expect(t.votes!.outcome).toBe('approved');
    expect(vote('500', '500', '0').votes!.outcome).toBe('not approved');
  });
});

describe('majority of votes cast', () => {
  const vote = (forVotes: string, against: string) =>
    tallyGroup({ group: 'common', sharesOutstanding: d('30000'), votes: { for: d(forVotes), against: d(against), abstain: d('10000') } }, 'majority_of_votes_cast');

  it('approves with one vote more for than against; abstentions do not count as cast', () => {
    const t = vote('5000', '4999');
    // cast 9,999; required floor(9,999 / 2) + 1 = 5,000
    expect(t.votes!.cast.equals(d('9999'))).toBe(true);
    expect(t.votes!.required.equals(d('5000'))).toBe(true);
    expect(t.votes!.outcome).toBe('approved');
    expect(t.votes!.forOfCast.toFixed(4)).toBe('0.5001'); // 5,000 / 9,999 = 0.50005
    expect(t.votes!.forOfOutstanding.toFixed(4)).toBe('0.1667'); // 5,000 / 30,000
  });

  it('does not approve a tie', () => {
    const t = vote('5000', '5000');
    expect(t.votes!.required.equals(d('5001'))).toBe(true); // floor(10,000 / 2) + 1
    expect(t.votes!.outcome).toBe('not approved');
  });

  it('elects a nominee with more votes for than withheld', () => {
    const t = tallyGroup(
      {
        group: 'common',
        sharesOutstanding: d('1000'),
        nominees: [
          { name: 'A', for: d('400'), withheld: d('300') },
          { name: 'B', for: d('350'), withheld: d('350') },
        ],
      },
      'majority_of_votes_cast',
    );
    expect(t.nominees.map((n) => n.outcome)).toEqual(['elected', 'not elected']);
  });
});

describe('overvotes', () => {
  it('flags a proposal with more votes than shares outstanding', () => {
    const t = tallyGroup({ group: 'common', sharesOutstanding: d('1000'), votes: { for: d('900'), against: d('200') } }, 'majority_of_votes_cast');
    expect(t.present.equals(d('1100'))).toBe(true); // 900 + 200 > 1,000
    expect(t.overvoted).toBe(true);
  });

  it('flags a nominee with more votes than shares outstanding', () => {
    const t = tallyGroup({ group: 'preferred', sharesOutstanding: d('1100'), nominees: [{ name: 'X', for: d('1050'), withheld: d('60') }] }, 'plurality');
    expect(t.overvoted).toBe(true); // 1,110 > 1,100
  });

  it('does not flag every share voting', () => {
    const t = tallyGroup({ group: 'preferred', sharesOutstanding: d('1100'), nominees: [{ name: 'X', for: d('1000'), withheld: d('100') }] }, 'plurality');
    expect(t.overvoted).toBe(false);
  });
});

describe('plurality', () => {
  it('elects the top nominees for a contested election', () => {
    const t = tallyGroup(
      {
        group: 'common',
        sharesOutstanding: d('1000'),
        seats: 2,
        nominees: [
          { name: 'A', for: d('300'), withheld: d('250') },
          { name: 'B', for: d('200'), withheld: d('350') },
          { name: 'C', for: d('250'), withheld: d('300') },
        ],
      },
      'plurality',
    );
    expect(t.present.equals(d('550'))).toBe(true); // each nominee: for + withheld = 550 (55% present)
    expect(t.nominees.map((n) => `${n.name} ${n.outcome}`)).toEqual(['A elected', 'B not elected', 'C elected']);
  });

  // With more seats than nominees every nominee is within the top `seats` and is elected (a regression
  // test: the cutoff was once read past the end of the ranking).
  it('elects a sole nominee when there are more seats than nominees', () => {
    const t = tallyGroup({ group: 'common', sharesOutstanding: d('1000'), seats: 2, nominees: [{ name: 'A', for: d('600'), withheld: d('10') }] }, 'plurality');
    // present 610 of 1,000 (61%): quorum met; A is one of at most 2 winners.
    expect(t.quorumMet).toBe(true);
    expect(t.nominees[0]!.outcome).toBe('elected');
  });
});

describe('proxy properties', () => {
  const votes = fc.bigInt({ min: 0n, max: 10n ** 12n }).map((v) => new Decimal(v.toString()));

  it('a nominee\'s for and withheld shares of votes cast add to exactly 1', () => {
    fc.assert(
      fc.property(votes, votes, (forVotes, withheld) => {
        fc.pre(forVotes.plus(withheld).greaterThan(0));
        const t = tallyGroup({ group: 'common', sharesOutstanding: d('1000000000000'), nominees: [{ name: 'N', for: forVotes, withheld }] }, 'plurality');
        const n = t.nominees[0]!;
        expect(n.forOfCast.plus(n.withheldOfCast).equals(1)).toBe(true);
      }),
    );
  });

  it('a proposal\'s for and against shares of votes cast add to exactly 1', () => {
    fc.assert(
      fc.property(votes, votes, votes, (forVotes, against, abstain) => {
        fc.pre(forVotes.plus(against).greaterThan(0));
        const t = tallyGroup({ group: 'common', sharesOutstanding: d('1000000000000'), votes: { for: forVotes, against, abstain } }, 'majority_of_votes_cast');
        expect(t.votes!.forOfCast.plus(t.votes!.againstOfCast).equals(1)).toBe(true);
      }),
    );
  });

  it('a 1940 Act proposal is approved exactly when the votes for reach the required number', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 9n }), fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.bigInt({ min: 0n, max: 10n ** 9n }), (outstanding, forVotes, against) => {
        fc.pre(forVotes + against <= outstanding);
        const t = tallyGroup(
          { group: 'common', sharesOutstanding: new Decimal(outstanding.toString()), quorum: d('0'), votes: { for: new Decimal(forVotes.toString()), against: new Decimal(against.toString()) } },
          'majority_of_outstanding_1940_act',
        );
        expect(t.votes!.outcome === 'approved').toBe(t.votes!.for.gte(t.votes!.required));
      }),
    );
  });
});

describe('shares outstanding unknown', () => {
  // A 1940 Act vote: 700 for, 200 against, 100 abstain = 1,000 present; 700 >= 67% of 1,000.
  const input: GroupInput = { group: 'common', votes: { for: d('700'), against: d('200'), abstain: d('100') } };

  it('leaves the 1940 Act majority undetermined, with the outstanding count below which it passes', () => {
    const t = tallyGroup(input, 'majority_of_outstanding_1940_act');
    expect(t.votes!.outcome).toBe('undetermined');
    expect(t.quorumMet).toBeUndefined();
    expect(t.presentFraction).toBeUndefined();
    expect(t.votes!.required).toBeUndefined();
    // for >= 67% of present: passes while present > N/2, i.e. N < 2 x 1,000 = 2,000.
    expect(t.passesIfOutstandingBelow!.toString()).toBe('2000');
  });

  it('the threshold is exact: just below it the 1940 Act test passes, at it fails', () => {
    expect(passes1940ActMajority(d('700'), d('1000'), d('1999'))).toBe(true);
    expect(passes1940ActMajority(d('700'), d('1000'), d('2000'))).toBe(false);
    // 600 < 67% of 1,000: passes only while 600 > N/2, i.e. N < 1,200.
    const t = tallyGroup({ group: 'common', votes: { for: d('600'), against: d('400') } }, 'majority_of_outstanding_1940_act');
    expect(t.passesIfOutstandingBelow!.toString()).toBe('1200');
    expect(passes1940ActMajority(d('600'), d('1000'), d('1199'))).toBe(true);
    expect(passes1940ActMajority(d('600'), d('1000'), d('1200'))).toBe(false);
  });

  it('decides a majority of votes cast from the votes alone', () => {
    const t = tallyGroup(input, 'majority_of_votes_cast');
    expect(t.votes!.outcome).toBe('approved');
    expect(t.passesIfOutstandingBelow).toBeUndefined();
    expect(t.overvoted).toBe(false);
  });

  it('property: the threshold separates passing from failing for every outstanding count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 30_000 }), (votesFor, against, extra) => {
        const present = d(String(votesFor + against));
        const t = tallyGroup({ group: 'common', votes: { for: d(String(votesFor)), against: d(String(against)) } }, 'majority_of_outstanding_1940_act');
        const n = present.plus(extra);
        expect(passes1940ActMajority(d(String(votesFor)), present, n)).toBe(n.lessThan(t.passesIfOutstandingBelow!));
      }),
    );
  });
});

describe('nominee totals', () => {
  it('reports each nominee whose for + withheld differs from the first nominee', () => {
    const t = tallyGroup({
      group: 'common',
      sharesOutstanding: d('1000'),
      nominees: [
        { name: 'A', for: d('500'), withheld: d('100') },
        { name: 'B', for: d('550'), withheld: d('50') },
        { name: 'C', for: d('590'), withheld: d('0') },
      ],
    }, 'plurality');
    expect(t.differingTotals.map((x) => [x.first.name, x.first.cast.toString(), x.other.name, x.other.cast.toString()])).toEqual([['A', '600', 'C', '590']]);
    expect(t.present.toString()).toBe('600');
  });
});
