import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { castVote, myVotes, parseVoteKey, retractVote, tallyVotes, voteKey, voterIds } from './votes';

const config = { votesPerPerson: 3, allowStacking: false, sourceStepId: null };

describe('dot voting', () => {
  it('gives each person exactly their votes, one per note unless stacking is allowed', () => {
    const doc = new Y.Doc();
    expect(castVote(doc, 's', 'anna', 'n1', config)).toBeNull();
    expect(castVote(doc, 's', 'anna', 'n1', config)).toBe('already-voted-for-this');
    expect(castVote(doc, 's', 'anna', 'n2', config)).toBeNull();
    expect(castVote(doc, 's', 'anna', 'n3', config)).toBeNull();
    expect(castVote(doc, 's', 'anna', 'n4', config)).toBe('no-votes-left');
    expect(myVotes(doc, 's', 'anna', config)).toEqual(['n1', 'n2', 'n3']);
    const stacking = { ...config, allowStacking: true };
    expect(castVote(doc, 't', 'bo', 'n1', stacking)).toBeNull();
    expect(castVote(doc, 't', 'bo', 'n1', stacking)).toBeNull();
    expect(tallyVotes(doc, 't', stacking)).toEqual([{ noteId: 'n1', votes: 2, rank: 1 }]);
  });

  it('takes a vote back and frees the slot', () => {
    const doc = new Y.Doc();
    castVote(doc, 's', 'anna', 'n1', config);
    expect(retractVote(doc, 's', 'anna', 'n1', config)).toBe(true);
    expect(retractVote(doc, 's', 'anna', 'n1', config)).toBe(false);
    expect(myVotes(doc, 's', 'anna', config)).toEqual([null, null, null]);
    expect(voterIds(doc, 's').size).toBe(0);
  });

  it('ranks results with ties sharing a rank, and ignores slots over the limit', () => {
    const doc = new Y.Doc();
    for (const [voter, notes] of [['a', ['x', 'y']], ['b', ['x', 'y']], ['c', ['x', 'z']], ['d', ['w']]] as const) {
      for (const n of notes) castVote(doc, 's', voter, n, config);
    }
    doc.getMap('votes').set(voteKey('s', 'a', 7), 'z'); // a slot a person does not have
    expect(tallyVotes(doc, 's', config)).toEqual([
      { noteId: 'x', votes: 3, rank: 1 },
      { noteId: 'y', votes: 2, rank: 2 },
      { noteId: 'w', votes: 1, rank: 3 },
      { noteId: 'z', votes: 1, rank: 3 },
    ]);
    expect(tallyVotes(doc, 'other', config)).toEqual([]);
  });

  it('counts votes from before pseudonyms (keys with a participant id) alongside pseudonym keys', () => {
    const doc = new Y.Doc();
    // A session stored before pseudonyms: a key naming the participant id, written as it was then.
    doc.getMap('votes').set(voteKey('s', 'k3n5q7r2t4v6x8z2', 0), 'n1');
    expect(castVote(doc, 's', 'Pz3kQm9xYb2A', 'n1', config)).toBeNull();
    expect(tallyVotes(doc, 's', config)).toEqual([{ noteId: 'n1', votes: 2, rank: 1 }]);
    expect(voterIds(doc, 's').size).toBe(2);
    expect(parseVoteKey(voteKey('s', 'Pz3kQm9xYb2A', 1))).toEqual({ stepId: 's', voterId: 'Pz3kQm9xYb2A', slot: 1 });
  });

  it('parses only well-formed keys', () => {
    expect(parseVoteKey('s|anna|2')).toEqual({ stepId: 's', voterId: 'anna', slot: 2 });
    for (const bad of ['s|anna', 's|anna|x', '|anna|1', 's||1', 's|a|1|2', 's|a|1000']) expect(parseVoteKey(bad)).toBeNull();
  });
});
