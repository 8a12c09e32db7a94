/**
 * Measures scenarios in turns, in `order` (say page, bare, bare, page), and returns each
 * scenario's windows. On these machines one window of each scenario, minutes apart, gave ratios
 * from 0.63 to 0.95 with nothing changed (the machine drifts, PostgreSQL vacuums what came
 * before); taken in turns, mirrored, a drift lands on both sides of a ratio alike.
 */
export async function inTurns<TTurn extends string, TWindow>(
  order: readonly TTurn[],
  measure: (turn: TTurn) => Promise<TWindow>,
): Promise<Record<TTurn, TWindow[]>> {
  const windows = {} as Record<TTurn, TWindow[]>;
  for (const turn of order) (windows[turn] ??= []).push(await measure(turn));
  return windows;
}
