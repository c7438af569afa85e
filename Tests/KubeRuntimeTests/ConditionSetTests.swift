import KubeAPI
import Testing

@testable import KubeRuntime

@Suite struct ConditionSetTests {
    @Test func transitionTimeChangesOnlyWhenStatusFlips() {
        var set = ConditionSet()
        set.set("Ready", status: .false, reason: "Creating", message: "creating", observedGeneration: 1, now: "t1")
        set.set("Ready", status: .false, reason: "Waiting", message: "REBUILDING", observedGeneration: 2, now: "t2")
        #expect(set["Ready"] == Condition(type: "Ready", status: .false, observedGeneration: 2, lastTransitionTime: "t1", reason: "Waiting", message: "REBUILDING"))
        set.set("Ready", status: .true, reason: "Running", message: "RUNNING", observedGeneration: 2, now: "t3")
        #expect(set["Ready"]?.lastTransitionTime == "t3")
        #expect(set.isTrue("Ready"))
    }

    @Test func oneEntryPerTypeInInsertionOrder() {
        var set = ConditionSet()
        set.set("Initialized", status: .true, reason: "Created", message: "", observedGeneration: 1, now: "t")
        set.set("Ready", status: .false, reason: "Waiting", message: "", observedGeneration: 1, now: "t")
        set.set("Initialized", status: .true, reason: "Updated", message: "", observedGeneration: 2, now: "t2")
        #expect(set.conditions.map(\.type) == ["Initialized", "Ready"])
        #expect(set["Initialized"]?.reason == "Updated")
        set.remove("Ready")
        #expect(set.conditions.map(\.type) == ["Initialized"])
    }
}
