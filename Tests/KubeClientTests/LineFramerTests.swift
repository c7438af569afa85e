import Testing
@testable import KubeClient

struct LineFramerTests {
    @Test func keepsPartialLinesAcrossChunks() throws {
        var framer = LineFramer(maxLineLength: 100)
        #expect(try framer.append(Array("{\"a\":".utf8)).isEmpty)
        #expect(try framer.append(Array("1}\n{\"b\"".utf8)) == [Array("{\"a\":1}".utf8)])
        #expect(try framer.append(Array(":2}\r\n\n{\"c\":3}\n".utf8)) == [Array("{\"b\":2}".utf8), Array("{\"c\":3}".utf8)])
        #expect(framer.finish() == nil)
    }

    @Test func everySplitOfAStreamYieldsTheSameLines() throws {
        let stream = Array("first line\nsecond\n\nthird and last\n".utf8)
        for split in 0...stream.count {
            var framer = LineFramer(maxLineLength: 64)
            let lines = try framer.append(stream[..<split]) + framer.append(stream[split...])
            #expect(lines.map { String(decoding: $0, as: UTF8.self) } == ["first line", "second", "third and last"])
        }
    }

    @Test func refusesOverlongLines() {
        var framer = LineFramer(maxLineLength: 8)
        #expect(throws: KubeError.self) { try framer.append(Array("0123456789".utf8)) }
    }

    @Test func returnsAnUnterminatedLastLine() throws {
        var framer = LineFramer(maxLineLength: 8)
        #expect(try framer.append(Array("tail".utf8)).isEmpty)
        #expect(framer.finish() == Array("tail".utf8))
    }
}
