/** An SLA target: business time `PT{h}H{m}M{s}S` (any part, at least one) or business days `P{n}D`. */
export const TARGET_PATTERN = /^(?:PT(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,3})?)S)?|P(\d+)D)$/i;
