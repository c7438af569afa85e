extension AivenClient {
    private struct VPCs: Decodable { var vpcs: [ProjectVPCInfo] }

    /// `POST /v1/project/{project}/vpcs`. The VPC starts `APPROVED` and becomes `ACTIVE` later.
    /// Not retried after an ambiguous failure: list the VPCs to find out.
    public func createProjectVPC(project: String, _ request: ProjectVPCCreateRequest) async throws(AivenError) -> ProjectVPCInfo {
        try await send(.post, AivenPath("/v1/project/{project}/vpcs", project), body: request, as: ProjectVPCInfo.self)
    }

    /// `GET /v1/project/{project}/vpcs/{id}` (a flat object, no wrapper).
    public func getProjectVPC(project: String, id: String) async throws(AivenError) -> ProjectVPCInfo {
        try await send(.get, AivenPath("/v1/project/{project}/vpcs/{project_vpc_id}", project, id), as: ProjectVPCInfo.self)
    }

    /// `GET /v1/project/{project}/vpcs`.
    public func listProjectVPCs(project: String) async throws(AivenError) -> [ProjectVPCInfo] {
        try await send(.get, AivenPath("/v1/project/{project}/vpcs", project), as: VPCs.self).vpcs
    }

    /// `DELETE /v1/project/{project}/vpcs/{id}`; refused while services use the VPC.
    @discardableResult
    public func deleteProjectVPC(project: String, id: String) async throws(AivenError) -> ProjectVPCInfo {
        try await send(.delete, AivenPath("/v1/project/{project}/vpcs/{project_vpc_id}", project, id), as: ProjectVPCInfo.self)
    }
}
