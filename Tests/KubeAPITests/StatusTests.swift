import Foundation
import Testing

@testable import KubeAPI

@Suite struct StatusTests {
    let errors: [FieldError] = [
        .tooLong(FieldPath("spec", "plan"), maxLength: 128),
        FieldError(.invalid, FieldPath("spec", "project"), renderedValue: GoFormat.quote("string"), detail: "Value is immutable"),
    ]

    @Test func invalidStatusCarriesEveryCause() throws {
        let status = Status.invalid(kind: "KafkaConnect", group: "aiven.io", name: "kc1", errors: errors)
        #expect(status.code == 422)
        #expect(status.reason == "Invalid")
        #expect(status.message == #"KafkaConnect.aiven.io "kc1" is invalid: [spec.plan: Too long: may not be longer than 128, spec.project: Invalid value: "string": Value is immutable]"#)
        #expect(status.details?.kind == "KafkaConnect")
        #expect(status.details?.causes == [
            StatusCause(reason: "FieldValueTooLong", message: "Too long: may not be longer than 128", field: "spec.plan"),
            StatusCause(reason: "FieldValueInvalid", message: #"Invalid value: "string": Value is immutable"#, field: "spec.project"),
        ])
        let json = try JSONParser().parse(String(decoding: try JSONEncoder().encode(status), as: UTF8.self))
        #expect(json["kind"] == "Status")
        #expect(json["apiVersion"] == "v1")
        #expect(json["status"] == "Failure")
    }

    @Test func singleErrorHasNoBracketsAndDuplicatesCollapse() {
        #expect(FieldError.aggregate([errors[0]]) == "spec.plan: Too long: may not be longer than 128")
        #expect(FieldError.aggregate([errors[0], errors[0]]) == "spec.plan: Too long: may not be longer than 128")
    }

    @Test func fieldPathsRenderLikeGo() {
        #expect(FieldPath("spec").child("list").index(0).child("email").description == "spec.list[0].email")
        #expect(FieldPath("spec").child("tags").key("env").description == "spec.tags[env]")
        #expect(FieldError.required(.root).description == "<nil>: Required value")
    }

    @Test func conditionsEncodeInMetav1Shape() throws {
        let condition = Condition(type: "Ready", status: .true, observedGeneration: 2, lastTransitionTime: "2026-01-01T00:00:00Z", reason: "Running", message: "ok")
        let json = try JSONParser().parse(String(decoding: try JSONEncoder().encode(condition), as: UTF8.self))
        #expect(json == ["type": "Ready", "status": "True", "observedGeneration": 2, "lastTransitionTime": "2026-01-01T00:00:00Z", "reason": "Running", "message": "ok"])
    }
}
