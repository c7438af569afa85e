import CYaml

/// libyaml's event parser over one input. libyaml keeps its own state on the heap (no recursion)
/// and refuses nesting deeper than 1,000 levels.
final class YAMLEventParser {
    private var parser = yaml_parser_t()
    private let input: UnsafeMutableBufferPointer<UInt8>

    init(_ text: String) {
        var text = text
        let count = text.utf8.count
        input = .allocate(capacity: max(count, 1))
        text.withUTF8 { bytes in _ = input.initialize(fromContentsOf: bytes) }
        yaml_parser_initialize(&parser)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, input.baseAddress, count)
    }

    deinit {
        yaml_parser_delete(&parser)
        input.deallocate()
    }

    /// The next event; the caller releases it with `yaml_event_delete`.
    func next() throws(YAMLLoadError) -> yaml_event_t {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { throw error }
        return event
    }

    /// libyaml's error, with line and column like go-yaml's messages.
    private var error: YAMLLoadError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        switch parser.error {
        case YAML_READER_ERROR:
            return YAMLLoadError(line: nil, column: nil, problem: "\(problem) at byte \(parser.problem_offset)")
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            var detail = problem
            if let context = parser.context {
                let mark = parser.context_mark
                detail += " (\(String(cString: context)) at line \(mark.line + 1), column \(mark.column + 1))"
            }
            return YAMLLoadError(at: parser.problem_mark, problem: detail)
        default:
            return YAMLLoadError(line: nil, column: nil, problem: "out of memory")
        }
    }
}
