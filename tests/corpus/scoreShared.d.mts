import type { BriefingSummary } from '../../src/summary/schema.js';

export interface FactScore {
  facts: number;
  found: number;
  withGrowth: number;
  growthRight: number;
  kindRight: number;
  yearRight: number;
  missed: string[];
  wrong: string[];
}
export function scoreFacts(summary: BriefingSummary, original: string, facts: unknown[]): FactScore;
export function sumScores(scores: FactScore[]): Omit<FactScore, 'missed' | 'wrong'>;
export function formatTotals(total: Omit<FactScore, 'missed' | 'wrong'>): string;
