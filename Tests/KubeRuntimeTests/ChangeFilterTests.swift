import AivenResources
import KubeAPI
import Testing

@testable import KubeRuntime

/// What wakes a controller: the filter between its informer and its queue.
struct ChangeFilterTests {
    static let own = OwnMetadata(annotations: ["example.com/processed"], finalizers: ["example.com/cleanup"])

    static func change(annotations: [String: String]? = nil, finalizers: [String]? = nil, generation: Int64 = 1, state: String? = nil) -> Watcher<KafkaConnect>.Change {
        var object = KafkaConnect(metadata: ObjectMeta(name: "kc", namespace: "default", annotations: annotations), spec: KafkaConnectSpec(project: "p", plan: "business-4"))
        object.metadata.uid = "u1"
        object.metadata.finalizers = finalizers
        object.metadata.generation = generation
        object.status = state.map { KafkaConnectStatus(state: $0) }
        return .applied(object)
    }

    @Test func statusWritesAndTheReconcilersOwnAnnotationsDoNotWakeButRemovingOneDoes() async {
        let filter = ChangeFilter(own: Self.own)
        #expect(await filter.matters(Self.change()), "first sight")
        #expect(await !filter.matters(Self.change(state: "RUNNING")), "status only")
        #expect(await !filter.matters(Self.change(annotations: ["example.com/processed": "1"])), "its own annotation set")
        #expect(await !filter.matters(Self.change(annotations: ["example.com/processed": "2"])), "its own annotation changed")
        #expect(await filter.matters(Self.change(annotations: ["example.com/processed": "2", "team": "a"])), "a user's annotation")
        #expect(await filter.matters(Self.change(annotations: ["team": "a"])), "its own annotation removed: a user asks for a pass")
        #expect(await filter.matters(Self.change(annotations: ["team": "a"], generation: 2)), "a spec change")
        #expect(await filter.matters(.deleted(KafkaConnect(metadata: ObjectMeta(name: "kc", namespace: "default"), spec: KafkaConnectSpec(project: "p", plan: "business-4")))))
    }

    @Test func addingItsOwnFinalizerDoesNotWakeButAnyOtherFinalizerChangeDoes() async {
        let filter = ChangeFilter(own: Self.own)
        #expect(await filter.matters(Self.change()))
        #expect(await !filter.matters(Self.change(finalizers: ["example.com/cleanup"])), "its own finalizer added")
        #expect(await filter.matters(Self.change(finalizers: ["example.com/cleanup", "other.io/hold"])), "another party's finalizer")
        #expect(await filter.matters(Self.change(finalizers: ["other.io/hold"])), "its own finalizer removed")
    }

    @Test func withoutOwnAnnotationsEveryAnnotationChangeWakes() async {
        let filter = ChangeFilter()
        #expect(await filter.matters(Self.change()))
        #expect(await filter.matters(Self.change(annotations: ["example.com/processed": "1"])))
        #expect(await !filter.matters(Self.change(annotations: ["example.com/processed": "1"], state: "RUNNING")))
    }
}
