/** A time zone select's options: each IANA zone, read with spaces (`America/New York`). */
export function TimeZoneOptions({ zones }: { zones: readonly string[] }) {
  return zones.map((z) => (
    <option key={z} value={z}>
      {z.replaceAll('_', ' ')}
    </option>
  ));
}
