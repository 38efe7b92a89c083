import { scoreSentiment } from './sentiment.ts';

export interface TrajectoryMessage {
  role: 'customer' | 'agent' | 'bot';
  text: string;
  at?: string;
}

export interface TrajectoryPoint {
  /** the message's index in the conversation */
  index: number;
  at?: string;
  score: number;
}

export interface Trajectory {
  points: TrajectoryPoint[];
  /** least-squares slope of score per customer message */
  slope: number;
  mean: number;
  min: number;
  latest: number;
  trend: 'improving' | 'steady' | 'worsening';
}

/** Least-squares slope of `ys` against their positions. */
export function slopeOf(ys: readonly number[]): number {
  const n = ys.length;
  if (n < 2) return 0;
  const meanX = (n - 1) / 2;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  return num / den;
}

/** The sentiment of a case's customer messages over time, and where it is heading. */
export function sentimentTrajectory(
  messages: readonly TrajectoryMessage[],
  score: (text: string) => number = (text) => scoreSentiment(text).score,
): Trajectory {
  const points: TrajectoryPoint[] = [];
  messages.forEach((m, index) => {
    if (m.role !== 'customer') return;
    points.push({ index, ...(m.at ? { at: m.at } : {}), score: score(m.text) });
  });
  const ys = points.map((p) => p.score);
  const slope = slopeOf(ys);
  const mean = ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : 0;
  const trend = slope > 0.1 ? 'improving' : slope < -0.1 ? 'worsening' : 'steady';
  return {
    points,
    slope: Number(slope.toFixed(4)),
    mean: Number(mean.toFixed(4)),
    min: ys.length ? Math.min(...ys) : 0,
    latest: ys.at(-1) ?? 0,
    trend,
  };
}
