import KubeAPI

/// Free-form JSON as the Aiven API sends and accepts it (`user_config`, plan details, …): the
/// project's one JSON value type, which keeps integers and fractional numbers apart so values
/// such as `consumer_max_poll_records: 500` round-trip unchanged.
public typealias AivenJSON = JSONValue
