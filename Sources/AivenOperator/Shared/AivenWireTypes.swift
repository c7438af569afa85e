import AivenClient

// `AivenResources` has kinds with the same names as some Aiven wire types; files that import
// both refer to the wire types through these aliases.

/// An Aiven project VPC as the API reports it.
public typealias AivenProjectVPC = ProjectVPC

/// A service integration as the API reports it.
public typealias AivenServiceIntegration = ServiceIntegration
