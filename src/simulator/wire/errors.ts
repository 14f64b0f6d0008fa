// Failures of the wire layer itself: a request body that is not a well-formed call. The HTTP layer answers
// these with HTTP 500, as XAPI does, instead of a structured XAPI failure.

export class WireParseError extends Error {
  override name = 'WireParseError';
}
