/** A 👎 comment or a note for the officials: a few sentences (served to the clients by GET /api/welcome). */
export const NOTE_MAX_CHARS = 1000;
