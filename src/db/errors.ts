/** What PostgreSQL said about a failed statement, whichever driver reported it. */
export interface PgErrorInfo {
  /** SQLSTATE, e.g. `23505` (unique_violation). */
  code: string;
  /** The violated constraint or unique index, when the server named one. */
  constraint: string | undefined;
  message: string;
}

/**
 * Finds the server error behind `error`. Drizzle wraps driver errors in a
 * `DrizzleQueryError` ("Failed query: …") whose `cause` is the driver's error;
 * postgres.js calls the constraint `constraint_name`, PGlite `constraint`.
 */
export function pgError(error: unknown): PgErrorInfo | undefined {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const candidate = e as { code?: unknown; constraint?: unknown; constraint_name?: unknown; message?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      const constraint = candidate.constraint_name ?? candidate.constraint;
      return {
        code: candidate.code,
        constraint: typeof constraint === 'string' ? constraint : undefined,
        message: String(candidate.message ?? ''),
      };
    }
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** True when `error` is a unique violation (of `constraint`, when given). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const info = pgError(error);
  return info?.code === '23505' && (constraint === undefined || info.constraint === constraint);
}
