import AivenResources
import Foundation
import KubeAPI
import TestSupport
import Testing

@testable import AivenOperator

/// One registration per kind (``Operator/kinds``): the catalog, the kinds' definitions, the
/// committed CRDs, the test harness and the termination-protection fields are the same set.
@Suite struct CatalogTests {
    static let kinds = Operator.kinds.map(\.definition.kind)

    /// Every kind defined in `Sources/AivenResources` (a `<Kind>/<Kind>+Definition.swift`) is
    /// registered, once.
    @Test func everyDefinedKindIsRegisteredOnce() throws {
        let sources = TestPaths.repositoryRoot.appendingPathComponent("Sources/AivenResources")
        let defined = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { folder in
            FileManager.default.fileExists(atPath: sources.appendingPathComponent("\(folder)/\(folder)+Definition.swift").path)
        }
        #expect(defined.count > 10)
        #expect(Self.kinds.sorted() == defined.sorted(), "register every defined kind in Operator.kinds, once")
        #expect(Set(Operator.kinds.map(\.name)).count == Operator.kinds.count, "controller names are unique")
        for registration in Operator.kinds {
            #expect(registration.name == registration.definition.kind.lowercased())
            #expect(registration.access.plural == registration.definition.definition.names.plural)
        }
    }

    @Test func theCommittedCRDsAreTheCatalogs() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: TestPaths.repositoryRoot.appendingPathComponent("deploy/crds").path)
        #expect(Set(files) == Set(Operator.kinds.map { "\($0.definition.definition.group)_\($0.access.plural).yaml" }))
    }

    @Test func theHarnessDrivesEveryRegisteredKind() async throws {
        try await OperatorHarness.run { harness in
            #expect(Set(harness.passes.keys) == Set(Self.kinds))
        }
    }

    /// A kind's termination protection is a boolean of its spec schema; a kind without one has no
    /// field of either name.
    @Test(arguments: Operator.kinds.map(\.name))
    func terminationProtectionIsASpecField(name: String) throws {
        let registration = try #require(Operator.kinds.first { $0.name == name })
        let spec = try #require(registration.definition.rootSchema.properties["spec"]?.properties)
        if let field = registration.terminationProtectionField {
            #expect(spec[field]?.type == .boolean, "spec.\(field) of \(registration.definition.kind)")
        } else {
            #expect(spec["terminationProtection"] == nil && spec["termination_protection"] == nil)
        }
    }

    /// Only kinds that publish connection Secrets write Secrets, and those are exactly the kinds
    /// whose spec names one (`connInfoSecretTarget`); every kind reads its token and patches its
    /// finalizer.
    @Test func secretWritesFollowConnectionSecretPublishing() {
        let publishing = Operator.kinds.filter { $0.definition.rootSchema.properties["spec"]?.properties["connInfoSecretTarget"] != nil }
        #expect(Operator.kinds.filter(\.access.writesConnectionSecrets).map(\.name) == publishing.map(\.name))
        #expect(!publishing.isEmpty)
        let secrets = AccessRule.watched(Operator.kinds).first { $0.resources == ["secrets"] }
        #expect(secrets?.verbs == ["get", "list", "watch", "create", "update", "patch", "delete"], "delete: a PostgreSQL's migration Secret")
        let topicsOnly = AccessRule.watched(Operator.kinds.filter { $0.name == "kafkatopic" }).first { $0.resources == ["secrets"] }
        #expect(topicsOnly?.verbs == ["get", "list", "watch", "patch"])
    }
}
