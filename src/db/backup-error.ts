/** A backup or restore that cannot go ahead, told in words an operator can act on. */
export class BackupError extends Error {}
