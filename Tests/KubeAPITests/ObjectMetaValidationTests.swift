import Testing

@testable import KubeAPI

/// `metadata` as kube-apiserver checks it: decoding into ObjectMeta (a 400), then
/// ValidateObjectMetaAccessor (a 422), with its messages.
@Suite struct ObjectMetaValidationTests {
    func decoding(_ metadata: JSONValue) -> String? {
        ObjectMetaValidation.decodingError(metadata, kind: "KafkaConnect", version: "v1alpha1")
    }

    func messages(_ metadata: JSONValue) -> [String] {
        ObjectMetaValidation.validate(metadata).map(\.description)
    }

    @Test func fieldsOfTheWrongTypeCannotBeDecoded() {
        let prefix = #"KafkaConnect in version "v1alpha1" cannot be handled as a KafkaConnect: json: cannot unmarshal "#
        #expect(decoding(["name": "a", "annotations": ["a": 5]]) == prefix + "number into Go struct field ObjectMeta.annotations of type string")
        #expect(decoding(["name": "a", "annotations": ["a": ["b": "c"]]]) == prefix + "object into Go struct field ObjectMeta.annotations of type string")
        #expect(decoding(["name": "a", "annotations": "x"]) == prefix + "string into Go struct field ObjectMeta.annotations of type map[string]string")
        #expect(decoding(["name": "a", "labels": ["a": true]]) == prefix + "bool into Go struct field ObjectMeta.labels of type string")
        #expect(decoding(["name": "a", "finalizers": [["x": 1]]]) == prefix + "object into Go struct field ObjectMeta.finalizers of type string")
        #expect(decoding(["name": "a", "ownerReferences": "str"]) == prefix + "string into Go struct field ObjectMeta.ownerReferences of type []v1.OwnerReference")
        #expect(decoding(["name": "a", "ownerReferences": [5]]) == prefix + "number into Go struct field ObjectMeta.ownerReferences of type v1.OwnerReference")
        #expect(decoding(["name": "a", "ownerReferences": [["name": 5]]]) == prefix + "number into Go struct field OwnerReference.ownerReferences.name of type string")
        #expect(decoding(["name": 5]) == prefix + "number into Go struct field ObjectMeta.name of type string")
        #expect(decoding(["name": "a", "generation": 1.5]) == prefix + "number 1.5 into Go struct field ObjectMeta.generation of type int64")
        #expect(decoding(5) == prefix + "number into Go value of type v1.ObjectMeta")
    }

    @Test func wellTypedMetadataDecodes() {
        #expect(decoding(["name": "a", "labels": ["a": "b", "c": nil], "annotations": [:], "finalizers": ["x.io/y"], "generation": 3,
                          "ownerReferences": [["apiVersion": "v1", "kind": "Secret", "name": "s", "uid": "u", "controller": true]], "unknown": 5]) == nil)
        #expect(decoding(nil) == nil)
    }

    @Test func labelKeysAndValues() {
        #expect(messages(["name": "a", "labels": ["bad key!": "ok", "good": "bad value!"]]) == [
            #"metadata.labels: Invalid value: "bad key!": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"#,
            #"metadata.labels: Invalid value: "bad value!": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"#,
        ])
        let long = String(repeating: "a", count: 64)
        #expect(messages(["name": "a", "labels": ["example.com/My_Name-1": "", "a": .string(long)]]) == [
            #"metadata.labels: Invalid value: "\#(long)": must be no more than 63 characters"#,
        ])
        #expect(messages(["name": "a", "labels": ["a/b/c": "x", "Bad.Prefix/x": "y", "/x": "z"]]) == [
            #"metadata.labels: Invalid value: "/x": prefix part must be non-empty"#,
            #"metadata.labels: Invalid value: "Bad.Prefix/x": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"#,
            #"metadata.labels: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"#,
        ])
    }

    @Test func annotationKeysAndTotalSize() {
        #expect(messages(["name": "a", "annotations": ["Example.COM/Key": "x", "kubectl.kubernetes.io/last-applied-configuration": "{}"]]).isEmpty)
        #expect(messages(["name": "a", "annotations": ["bad key": "x"]]) == [
            #"metadata.annotations: Invalid value: "bad key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"#,
        ])
        let big: JSONValue = .string(String(repeating: "x", count: 256 * 1024))
        #expect(messages(["name": "a", "annotations": ["a": big]]) == ["metadata.annotations: Too long: must have at most 262144 bytes"])
        let fits: JSONValue = .string(String(repeating: "x", count: 256 * 1024 - 1))
        #expect(messages(["name": "a", "annotations": ["a": fits]]).isEmpty)
    }

    @Test func finalizers() {
        #expect(messages(["name": "a", "finalizers": ["delete-protection.aiven.io", "example.com/cleanup"]]).isEmpty)
        #expect(messages(["name": "a", "finalizers": ["bad finalizer", "orphan", "foregroundDeletion"]]) == [
            #"metadata.finalizers: Invalid value: "bad finalizer": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"#,
            #"metadata.finalizers: Invalid value: []string{"bad finalizer", "orphan", "foregroundDeletion"}: finalizer orphan and foregroundDeletion cannot be both set"#,
        ])
    }

    @Test func ownerReferences() {
        #expect(messages(["name": "a", "ownerReferences": [[:]]]) == [
            #"metadata.ownerReferences.apiVersion: Invalid value: "": version must not be empty"#,
            #"metadata.ownerReferences.kind: Invalid value: "": kind must not be empty"#,
            #"metadata.ownerReferences.name: Invalid value: "": name must not be empty"#,
            #"metadata.ownerReferences.uid: Invalid value: "": uid must not be empty"#,
        ])
        let owner: (String) -> JSONValue = { ["apiVersion": "aiven.io/v1alpha1", "kind": "KafkaConnect", "name": .string($0), "uid": .string("u-\($0)"), "controller": true] }
        let two = messages(["name": "a", "ownerReferences": [owner("x"), owner("y")]])
        #expect(two.count == 1)
        #expect(two.first?.hasSuffix(#"Only one reference can have Controller set to true. Found "true" in references for KafkaConnect/x and KafkaConnect/y"#) == true)
        #expect(messages(["name": "a", "ownerReferences": [owner("x")]]).isEmpty)
    }

    @Test func nameAndGenerateName() {
        #expect(messages(["generateName": "kc-"]).isEmpty)
        #expect(messages(["generateName": "KC-"]) == [
            #"metadata.generateName: Invalid value: "KC-": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"#,
        ])
        #expect(messages([:]) == ["metadata.name: Required value: name or generateName is required"])
        #expect(messages(["name": .string(String(repeating: "a", count: 254))]).first?.hasSuffix("must be no more than 253 characters") == true)
    }
}
