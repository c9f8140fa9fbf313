/**
 * Split-brain resolution by membership voting (README, decision 5), as a pure rule over who
 * hears whom: the cluster supplies the members and the heartbeat verdict, and evicts the rest.
 */
import { naturalCompare } from '../runtime/natural-order.js';

/**
 * When some members no longer hear each other, the members form sides (connected components);
 * the side holding more than quorumPercentage of them survives. With no such side, the largest
 * survives, and on a tie the one with the lowest id.
 * @returns the surviving side, or null when the members still form one side.
 */
export function splitBrainSurvivors(members: readonly string[], connected: (a: string, b: string) => boolean, quorumPercentage: number): Set<string> | null {
  const parent = new Map(members.map((id) => [id, id]));
  const root = (id: string): string => {
    let current = id;
    while (parent.get(current) !== current) current = parent.get(current)!;
    return current;
  };
  let split = false;
  for (let i = 0; i < members.length; i += 1) {
    for (let j = i + 1; j < members.length; j += 1) {
      if (connected(members[i]!, members[j]!)) parent.set(root(members[j]!), root(members[i]!));
      else split = true;
    }
  }
  if (!split) return null;
  const sides = new Map<string, string[]>();
  for (const id of members) sides.set(root(id), [...(sides.get(root(id)) ?? []), id]);
  const ranked = [...sides.values()].sort((a, b) => b.length - a.length || naturalCompare(a[0]!, b[0]!));
  if (ranked.length < 2) return null;
  const quorum = ranked.find((side) => side.length * 100 > quorumPercentage * members.length);
  return new Set(quorum ?? ranked[0]!);
}
