import Testing

@testable import KubeAPI

@Suite struct GoFormatTests {
    @Test(arguments: [
        ("plain", #""plain""#),
        ("quote\"back\\slash", #""quote\"back\\slash""#),
        ("tab\tnew\nline\r", #""tab\tnew\nline\r""#),
        ("bell\u{07}\u{01}", #""bell\a\x01""#),
        ("ünïcødé 😀", #""ünïcødé 😀""#),
        ("nbsp\u{00A0}zw\u{200B}", #""nbsp\u00a0zw\u200b""#),
    ])
    func quoteMatchesStrconvQuote(input: String, expected: String) {
        #expect(GoFormat.quote(input) == expected)
    }

    @Test(arguments: [
        (1_048_576.0, "1.048576e+06"),
        (100_000.0, "100000"),
        (999_999.0, "999999"),
        (1_000_000.0, "1e+06"),
        (1.5, "1.5"),
        (0.0001, "0.0001"),
        (0.00001, "1e-05"),
        (-2.5e-7, "-2.5e-07"),
        (2_147_483_647.0, "2.147483647e+09"),
        (0.0, "0"),
    ])
    func floatMatchesPercentV(value: Double, expected: String) {
        #expect(GoFormat.float(value) == expected)
    }

    @Test func jsonNumbersUseExponentOnlyWhenHuge() {
        #expect(GoFormat.jsonNumber(1_048_576) == "1048576")
        #expect(GoFormat.jsonNumber(1e21) == "1e+21")
        #expect(GoFormat.jsonNumber(0.5) == "0.5")
    }

    @Test func valuesRenderLikeFieldErrors() {
        #expect(GoFormat.value(.integer(20000)) == "20000")
        #expect(GoFormat.value(.number(1.5)) == "1.5")
        #expect(GoFormat.value(.string("Monday")) == #""Monday""#)
        #expect(GoFormat.value(.bool(true)) == "true")
        #expect(GoFormat.value(.null) == "null")
    }
}
