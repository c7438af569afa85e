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

    /// The files at `path`: itself, every manifest under it (recursively, sorted), or stdin for `-`.
    static func load(_ path: String) throws -> [ManifestFile] {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return [try parse(data, name: "<stdin>", json: false)]
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ManifestFileError(description: "error: the path \(GoFormat.quote(path)) does not exist")
        }
        guard isDirectory.boolValue else {
            return [try read(path)]
        }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else {
            throw ManifestFileError(description: "error: cannot read directory \(GoFormat.quote(path))")
        }
        let names = enumerator.compactMap { $0 as? String }
            .filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) }
            .sorted()
        return try names.map { try read((path as NSString).appendingPathComponent($0)) }
    }

    private static func read(_ path: String) throws -> ManifestFile {
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
            documents = json ? [try JSONParser().parse(text)] : try YAMLDocuments.load(text)
        } catch {
            throw ManifestFileError(description: "error: error parsing \(name): \(error)")
        }
        // A `kind: List` stands for its items, as in kubectl.
        documents = documents.flatMap { document -> [JSONValue] in
            if document["kind"]?.stringValue == "List", case .array(let items)? = document["items"] { return items }
            return [document]
        }
        return ManifestFile(name: name, documents: documents)
    }
}
