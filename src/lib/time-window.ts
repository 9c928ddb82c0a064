/**
 * The console's one type for a span of time: whole Unix seconds, `from` inclusive, `to`
 * exclusive. The range reader cuts it into windows, the index records what it covers in it,
 * the page asks for a view's range in it. (The API's own `startTime`/`endTime` parameters are
 * `AuditLogQuery`'s.)
 */
export interface TimeWindow {
  from: number;
  to: number;
}
