import Foundation
import KubeAPI
import Testing

/// Parameters kube-apiserver refuses and LocalKube once accepted: TokenRequest expirations that
/// are not integers, label selectors with invalid keys or values, and list
/// `resourceVersion`/`resourceVersionMatch`/`continue` values, each with kube's code and message.
struct RequestValidationTests {
    typealias Server = RunningLocalKube
    static let configMaps = "/api/v1/namespaces/default/configmaps"
    static let decoding = "TokenRequest in version \"v1\" cannot be handled as a TokenRequest: json: cannot unmarshal "
    static let field = " into Go struct field TokenRequestSpec.spec.expirationSeconds of type int64"

    @Test(arguments: [
        (#"{"spec":{"expirationSeconds":"abc"}}"#, decoding + "string" + field),
        (#"{"spec":{"expirationSeconds":600.5}}"#, decoding + "number 600.5" + field),
        (#"{"spec":{"expirationSeconds":1e30}}"#, decoding + "number 1e+30" + field),
        (#"{"spec":{"expirationSeconds":true}}"#, decoding + "bool" + field),
    ])
    func tokenExpirationsThatAreNotIntegersAreABadRequest(body: String, message: String) async throws {
        let server = try await Server.start()
        defer { Task { await server.stop() } }
        #expect(try await server.request("POST", "/api/v1/namespaces/default/serviceaccounts", body: ["metadata": ["name": "sa"]]).code == 201)
        let answer = try await server.request("POST", "/api/v1/namespaces/default/serviceaccounts/sa/token", rawBody: body)
        #expect(answer.code == 400)
        #expect(answer.body["reason"] == "BadRequest")
        #expect(answer.body["message"]?.stringValue == message)
    }

    static let namePart =
        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
    static let labelValue =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"

    @Test(arguments: [
        ("-app=x", #"unable to parse requirement: key: Invalid value: "-app": "# + namePart),
        ("app=bad!", #"unable to parse requirement: values[0][app]: Invalid value: "bad!": "# + labelValue),
        ("app=" + String(repeating: "v", count: 64), #"unable to parse requirement: values[0][app]: Invalid value: ""# + String(repeating: "v", count: 64) + #"": must be no more than 63 characters"#),
        ("app in ()", "unable to parse requirement: values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty"),
        ("a/b/c", "unable to parse requirement: key: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"),
    ])
    func invalidLabelSelectorsAreABadRequest(selector: String, message: String) async throws {
        let server = try await Server.start()
        defer { Task { await server.stop() } }
        let encoded = selector.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? selector
        for path in [Self.configMaps + "?labelSelector=" + encoded, Self.configMaps + "?watch=true&timeoutSeconds=1&labelSelector=" + encoded] {
            let answer = try await server.request("GET", path)
            #expect(answer.code == 400)
            #expect(answer.body["message"]?.stringValue == message)
        }
        #expect(try await server.request("GET", Self.configMaps + "?labelSelector=app%3Dok%2Capp.kubernetes.io%2Fname%20in%20(a%2Cb)").code == 200)
    }

    static let listOptions = #"ListOptions.meta.k8s.io "" is invalid: "#

    @Test(arguments: [
        ("resourceVersionMatch=Exact", 422, listOptions + "resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided"),
        ("resourceVersionMatch=Newest&resourceVersion=1", 422, listOptions + #"resourceVersionMatch: Unsupported value: "Newest": supported values: "Exact", "NotOlderThan", """#),
        ("resourceVersionMatch=Exact&resourceVersion=0", 422, listOptions + #"resourceVersionMatch: Forbidden: resourceVersionMatch "exact" is forbidden for resourceVersion "0""#),
        ("resourceVersion=abc", 400, #"invalid resource version: resourceVersion: Invalid value: "abc": strconv.ParseUint: parsing "abc": invalid syntax"#),
        ("resourceVersion=-1", 400, #"invalid resource version: resourceVersion: Invalid value: "-1": strconv.ParseUint: parsing "-1": invalid syntax"#),
        ("resourceVersion=99999999", 504, "Too large resource version: 99999999, current: CURRENT"),
        ("resourceVersion=2&resourceVersionMatch=Exact", 410, "The resourceVersion for the provided list is too old."),
        ("continue=%21%21", 400, "invalid continue token: continue key is not valid: illegal base64 data at input byte 0"),
        ("continue=ImZvbyI", 400, "invalid continue token: continue key is not valid: json: cannot unmarshal string into Go value of type storage.continueToken"),
        ("continue=eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MCwic3RhcnQiOiJ4In0", 400,
         "invalid continue token: continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)"),
        ("continue=eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6Miwic3RhcnQiOiIuLi9rdWJlLXN5c3RlbS94In0", 400,
         "invalid continue token: continue key is not valid: ../kube-system/x"),
        ("continue=eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6Miwic3RhcnQiOiJ4In0&resourceVersion=5", 400, "specifying resource version is not allowed when using continue"),
    ])
    func listParametersAreCheckedAsKubeChecksThem(query: String, code: Int, message: String) async throws {
        let server = try await Server.start()
        defer { Task { await server.stop() } }
        for name in ["a", "b"] { #expect(try await server.request("POST", Self.configMaps, body: ["metadata": ["name": .string(name)]]).code == 201) }
        let current = try await server.request("GET", Self.configMaps).body[path: ["metadata", "resourceVersion"]]?.stringValue ?? ""
        let answer = try await server.request("GET", Self.configMaps + "?" + query)
        #expect(answer.code == code, "\(answer.body)")
        #expect(answer.body["message"]?.stringValue == message.replacingOccurrences(of: "CURRENT", with: current))
    }

    /// Pages follow one another with kube-format tokens; a token older than the retained history is 410.
    @Test func continueTokensPageAndExpire() async throws {
        let server = try await Server.start(historyLimit: 3)
        defer { Task { await server.stop() } }
        for name in ["a", "b", "c"] { #expect(try await server.request("POST", Self.configMaps, body: ["metadata": ["name": .string(name)]]).code == 201) }
        let first = try await server.request("GET", Self.configMaps + "?limit=2")
        #expect(first.body["items"]?.arrayValue?.compactMap { $0[path: ["metadata", "name"]]?.stringValue } == ["a", "b"])
        let token = try #require(first.body[path: ["metadata", "continue"]]?.stringValue)
        let second = try await server.request("GET", Self.configMaps + "?limit=2&continue=" + token)
        #expect(second.body["items"]?.arrayValue?.compactMap { $0[path: ["metadata", "name"]]?.stringValue } == ["c"])
        #expect(second.body[path: ["metadata", "continue"]] == nil)

        for name in ["d", "e", "f", "g"] { _ = try await server.request("POST", Self.configMaps, body: ["metadata": ["name": .string(name)]]) }
        let expired = try await server.request("GET", Self.configMaps + "?limit=2&continue=" + token)
        #expect(expired.code == 410)
        #expect(expired.body["reason"] == "Expired")
        #expect(expired.body["message"]?.stringValue?.hasPrefix("The provided continue parameter is too old to display a consistent list result.") == true)
        let fresh = try #require(expired.body[path: ["metadata", "continue"]]?.stringValue)
        let rest = try await server.request("GET", Self.configMaps + "?continue=" + fresh)
        #expect(rest.code == 200)
        #expect(rest.body["items"]?.arrayValue?.compactMap { $0[path: ["metadata", "name"]]?.stringValue } == ["c", "d", "e", "f", "g"])
    }
}
