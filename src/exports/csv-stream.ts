// A CSV file streamed page by page: the exports never hold more than one page in memory, and a
// client that stops reading stops the reads (`pull` runs only when the client wants more).

import { type CsvValue, csvLine } from './csv.ts';

/** One page of rows, and the key of the next page (null after the last). */
export type CsvPage<K> = { rows: CsvValue[][]; next: K | null };

/**
 * The body of a CSV download: a byte-order mark (Excel reads UTF-8, accents and all, only with
 * one), the header, then each page `read` answers until it answers no next key.
 */
export function csvStream<K>(
  header: readonly string[],
  read: (after: K | undefined) => Promise<CsvPage<K>>,
  onError: (error: unknown) => void,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: K | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(`\ufeff${csvLine(header)}`));
        }
        const page = await read(after);
        if (page.rows.length) controller.enqueue(encoder.encode(page.rows.map(csvLine).join('')));
        if (page.next === null) controller.close();
        else after = page.next;
      } catch (error) {
        onError(error);
        controller.error(error);
      }
    },
  });
}

/** The headers of a CSV attachment named `filename`. */
export const csvAttachment = (filename: string) => ({
  'content-type': 'text/csv; charset=utf-8',
  'content-disposition': `attachment; filename="${filename}"`,
  'cache-control': 'no-store',
});
