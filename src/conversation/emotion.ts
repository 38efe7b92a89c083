/** The packet's customer emotion level. */
export type EmotionLevel = 'calm' | 'concerned' | 'frustrated' | 'angry';

export const EMOTION_LEVELS: readonly EmotionLevel[] = ['calm', 'concerned', 'frustrated', 'angry'];

/** Score cut-offs: at or above `calm` is calm, at or above `concerned` is concerned, and so on. */
export const EMOTION_CUTS = { calm: -0.1, concerned: -0.45, frustrated: -0.75 };

/** The emotion level of one sentiment score in [-1, 1]. */
export function emotionFromScore(score: number): EmotionLevel {
  if (score >= EMOTION_CUTS.calm) return 'calm';
  if (score >= EMOTION_CUTS.concerned) return 'concerned';
  if (score >= EMOTION_CUTS.frustrated) return 'frustrated';
  return 'angry';
}

/**
 * The emotion level of a customer over a conversation, from the sentiment scores of their
 * messages, oldest first. The latest messages weigh most, the worst one still counts, and a
 * customer who stays negative message after message is at least frustrated.
 */
export function emotionLevel(scores: readonly number[]): EmotionLevel {
  if (scores.length === 0) return 'calm';
  const recent = scores.slice(-3);
  let weighted = 0;
  let weights = 0;
  recent.forEach((score, i) => {
    const w = i + 1;
    weighted += w * score;
    weights += w;
  });
  const recentMean = weighted / weights;
  const worst = Math.min(...scores);
  const level = emotionFromScore(0.7 * recentMean + 0.3 * worst);
  const negatives = scores.filter((s) => s < EMOTION_CUTS.concerned).length;
  if (negatives >= 3 && EMOTION_LEVELS.indexOf(level) < 2) return 'frustrated';
  return level;
}
