/**
 * A copy of `s` that does not keep alive the text it was cut from. V8 represents a slice, regex
 * group or split part of 13 characters or more as a view into its parent string, so a short
 * string kept in a memo, a result list or a cache keeps the whole document it came from in
 * memory (a 50× ingest kept ~90 MB of documents alive through fold()'s memo and the outcomes'
 * số hiệu). Concatenating forces a fresh flat string; the slice then views only that copy.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}
