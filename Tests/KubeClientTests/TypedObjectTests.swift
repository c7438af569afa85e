import Foundation
import KubeAPI
@testable import KubeClient
import Testing

/// What the typed client writes and how it reads a list page, without a server.
struct TypedObjectTests {
    @Test func writesCarryTheTypesAPIVersionAndKind() throws {
        let bytes = try ResourceClient<Secret>.encode(Secret(metadata: ObjectMeta(name: "token"), stringData: ["token": "abc"]))
        let json = try JSONParser().parse(bytes)
        #expect(json["apiVersion"]?.stringValue == "v1")
        #expect(json["kind"]?.stringValue == "Secret")
        #expect(json[path: ["metadata", "name"]]?.stringValue == "token")
        #expect(json[path: ["stringData", "token"]]?.stringValue == "abc")
    }

    @Test func aListPageDecodesEachItemOnItsOwn() throws {
        let page = try ObjectList<Decoded<Secret>>(decodingEach: Array("""
            {"kind": "SecretList", "apiVersion": "v1", "metadata": {"resourceVersion": "42", "continue": "next"},
             "items": [{"metadata": {"name": "a"}, "type": "Opaque"}, {"metadata": {"name": "b", "uid": "u"}, "data": 7}]}
            """.utf8))
        #expect(page.resourceVersion == "42")
        #expect(page.continueToken == "next")
        guard page.items.count == 2, case .object(let first) = page.items[0], case .undecodable(let second) = page.items[1] else {
            Issue.record("expected one decoded and one undecodable item: \(page.items)")
            return
        }
        #expect(first.metadata.name == "a")
        #expect(first.apiVersion == "v1" && first.kind == "Secret", "an item without apiVersion and kind takes the type's")
        #expect(second.name == "b" && second.uid == "u" && second.kind == "Secret")
    }
}
