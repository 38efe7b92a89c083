import { type Rating, ratingInWords } from '../../../src/satisfaction/rating.ts';

/** A rating as the server says it ("4 of 5", "good"), so the badge, the timeline and the API agree. */
export const ratingText = (rating: string) => ratingInWords(rating as Rating);

export const satisfiedText = (satisfied: boolean) => (satisfied ? 'satisfied' : 'not satisfied');

/** "Customer rated 4 of 5", "Customer rated it good". */
export const customerRated = (rating: string) =>
  /^[1-5]$/.test(rating) ? `Customer rated ${ratingText(rating)}` : `Customer rated it ${ratingText(rating)}`;
