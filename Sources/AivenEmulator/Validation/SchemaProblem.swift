/// One validation failure, worded like Python `jsonschema` (which the Aiven API uses):
/// `500000 is greater than the maximum of 10000`, `'brotli' is not one of ['gzip', 'lz4']`.
struct SchemaProblem: Sendable, Hashable {
    /// Where, as dotted keys and array indices (`kafka_connect.consumer_max_poll_records`,
    /// `ip_filter.1.network`); empty for the document itself.
    var path: String
    /// What is wrong.
    var message: String
}
