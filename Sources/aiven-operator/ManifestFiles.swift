import Foundation
import KubeAPI

/// The documents of one manifest file.
struct ManifestFile {
    var name: String
    var documents: [JSONValue]
}

/// Why a manifest path could not be read or parsed.
struct ManifestFileError: Error, CustomStringConvertible {
    var description: String
}

/// Reads manifests from files, directories and standard input, like `kubectl apply -f`.
enum ManifestFiles {
    static let extensions: Set<String> = ["yaml", "yml", "json"]
    /// Nesting limit for JSON and YAML manifests alike (libyaml's own limit), so deep documents
    /// are refused with a message before any recursive step (validation, decoding) sees them.
    static let maxDepth = 1_000

    /// The files at `path`: itself, every manifest under it (recursively, sorted), or stdin for
    /// `-`. A path that holds no object at all is an error, as with `kubectl apply -f`.
    static func load(_ path: String) throws -> [ManifestFile] {
        let files = try read(path: path)
        guard files.contains(where: { !$0.documents.isEmpty }) else {
            let name = path == "-" ? "<stdin>" : path
            throw ManifestFileError(description: "error: no objects passed: \(name) is empty or holds only comments")
        }
        return files
    }

    private static func read(path: String) throws -> [ManifestFile] {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return [try parse(data, name: "<stdin>", json: false)]
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ManifestFileError(description: "error: the path \(GoFormat.quote(path)) does not exist")
        }
        guard isDirectory.boolValue else {
            return [try read(file: path)]
        }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else {
            throw ManifestFileError(description: "error: cannot read directory \(GoFormat.quote(path))")
        }
        let names = enumerator.compactMap { $0 as? String }
            .filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) }
            .sorted()
        return try names.map { try read(file: (path as NSString).appendingPathComponent($0)) }
    }

    private static func read(file path: String) throws -> ManifestFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ManifestFileError(description: "error: cannot read \(GoFormat.quote(path))")
        }
        return try parse(data, name: path, json: path.lowercased().hasSuffix(".json"))
    }

    private static func parse(_ data: Data, name: String, json: Bool) throws -> ManifestFile {
        guard let text = String(data: data, encoding: .utf8) else {
            throw ManifestFileError(description: "error: \(name): not valid UTF-8")
        }
        var documents: [JSONValue]
        do {
            if json {
                // Duplicate keys are refused, as kubectl's strict decoding does.
                let isBlank = text.utf8.allSatisfy { [0x20, 0x09, 0x0A, 0x0D].contains($0) }
                documents = isBlank ? [] : [try JSONParser(maxDepth: maxDepth, duplicateKeys: .reject).parse(text)]
            } else {
                documents = try YAMLDocuments.load(text)
            }
        } catch {
            throw ManifestFileError(description: "error: error parsing \(name): \(error)")
        }
        // A `kind: List` stands for its items, as in kubectl.
        documents = try documents.flatMap { document throws -> [JSONValue] in
            guard document["kind"]?.stringValue == "List" else { return [document] }
            switch document["items"] {
            case .array(let items)?: return items
            case nil, .null?: return []
            case let items?:
                throw ManifestFileError(
                    description: "error: error parsing \(name): json: cannot unmarshal \(GoFormat.unmarshalValue(items)) into Go struct field List.items of type []runtime.RawExtension"
                )
            }
        }
        return ManifestFile(name: name, documents: documents)
    }
}
