import RedlineModel
@testable import RedlineRender
import Testing

@Suite struct TextWrapTests {
    static func plain(_ lines: [[StyledRun]]) -> [String] { lines.map { $0.map(\.text).joined() } }

    /// A long entry header used to wrap with its closing "@@" alone on the next line.
    @Test func aWrappedEntryHeaderKeepsItsClosingMarks() {
        let output = DiffTerminal.render(Fixtures.liveBlog, options: TerminalOptions(color: false, width: 40))
        let lines = output.split(separator: "\n").map(String.init)
        #expect(!lines.contains("@@"))
        let header = lines.firstIndex { $0.hasPrefix("@@ 2025-04-23 15:10") }
        #expect(header.map { lines[$0 + 1] } == "   without agreement @@")
        #expect(header.map { TextWrap.columns(lines[$0]) <= 40 } == true)
    }

    @Test func breaksOnlyAtSpaces() {
        let text = "The London talks ended on Wednesday afternoon without agreement, officials said."
        let lines = Self.plain(TextWrap.wrap([StyledRun(text)], width: 20))
        #expect(lines == ["The London talks", "ended on Wednesday", "afternoon without", "agreement, officials", "said."])
        #expect(lines.joined(separator: " ") == text)
    }

    @Test(arguments: [1, 5, 10, 17, 40, 80, 200])
    func noLineIsWiderThanTheWidthUnlessOneWordIs(_ width: Int) {
        let text = "Ukraine will not accept any plan that recognises Crimea as Russian, Zelenskyy said at https://example.com/a/very/long/path/that/cannot/be/broken today."
        let lines = Self.plain(TextWrap.wrap([StyledRun(text)], width: width))
        #expect(lines.joined(separator: " ") == text, "no word was cut or lost")
        for line in lines where TextWrap.columns(line) > width {
            #expect(!line.contains(" "), "an over-wide line must be a single word: \(line)")
        }
    }

    @Test func aWordSpanningStylesStaysWhole() {
        let runs = [StyledRun("Ukraine "), StyledRun("may", .deletedWord), StyledRun("will", .insertedWord),
                    StyledRun(" not accept the plan")]
        let lines = TextWrap.wrap(runs, width: 16)
        #expect(Self.plain(lines) == ["Ukraine maywill", "not accept the", "plan"])
        #expect(lines[0] == [StyledRun("Ukraine "), StyledRun("may", .deletedWord), StyledRun("will", .insertedWord)])
    }

    @Test func wideAndCombiningCharactersCountTheirColumns() {
        #expect(TextWrap.columns("abc") == 3)
        #expect(TextWrap.columns("日本語") == 6)
        #expect(TextWrap.columns("e\u{301}") == 1)
        #expect(TextWrap.columns("Zelenskyy’s") == 11)
        let lines = Self.plain(TextWrap.wrap([StyledRun("日本語 日本語 日本語")], width: 13))
        #expect(lines == ["日本語 日本語", "日本語"])
    }

    @Test func emptyTextIsOneEmptyLine() {
        #expect(Self.plain(TextWrap.wrap([], width: 10)) == [""])
        #expect(Self.plain(TextWrap.wrap([StyledRun("")], width: 10)) == [""])
    }

    @Test func terminalOutputWrapsToTheWidthWithTheMarkerOnEveryLine() {
        let output = DiffTerminal.render(Fixtures.liveBlog, options: TerminalOptions(color: false, width: 40))
        for line in output.split(separator: "\n") {
            let words = line.split(separator: " ")
            #expect(TextWrap.columns(String(line)) <= 40 || words.count <= 2, "too wide: \(line)")
        }
        #expect(output.contains("+ The London talks ended on Wednesday\n+ afternoon without agreement, officials\n"))
    }

    @Test func colourCodesDoNotCountTowardsTheWidth() {
        let plain = DiffTerminal.render(Fixtures.liveBlog, options: TerminalOptions(color: false, width: 50))
        let colored = DiffTerminal.render(Fixtures.liveBlog, options: TerminalOptions(color: true, width: 50))
        let stripped = colored.replacing(try! Regex(#"\x1B\[[0-9;]*m"#), with: "")
        let plainWithoutMarkers = plain.replacing(try! Regex(#"\[-|-\]|\{\+|\+\}"#), with: "")
        #expect(stripped.split(separator: "\n").count <= plain.split(separator: "\n").count)
        #expect(!stripped.isEmpty && !plainWithoutMarkers.isEmpty)
    }
}

@Suite struct WordRunsTests {
    @Test func sharedSpacesMoveOutsideTheChange() {
        let words: [WordChange] = [.init(.equal, "Lammy "), .init(.delete, "will host "), .init(.insert, "hosted "), .init(.equal, "US")]
        let shown = WordRuns.display(words)
        #expect(shown == [.init(.equal, "Lammy "), .init(.delete, "will host"), .init(.insert, "hosted"), .init(.equal, " "), .init(.equal, "US")])
        #expect(DiffTerminal.words(words, old: nil, new: nil, color: false).map(\.text).joined() == "Lammy [-will host-]{+hosted+} US")
    }

    @Test func theTextsStillReconstruct() {
        let words: [WordChange] = [.init(.equal, "on Wednesday "), .init(.insert, "morning "), .init(.equal, "amid"),
                                   .init(.delete, " a"), .init(.insert, " the"), .init(.equal, " talks"), .init(.insert, "  ")]
        let shown = WordRuns.display(words)
        func text(_ runs: [WordChange], without op: WordChange.Operation) -> String {
            runs.filter { $0.op != op }.map(\.text).joined().split(separator: " ").joined(separator: " ")
        }
        #expect(text(shown, without: .delete) == text(words, without: .delete))
        #expect(text(shown, without: .insert) == text(words, without: .insert))
        #expect(shown.contains(.init(.insert, "morning")) && shown.contains(.init(.delete, "a")) && shown.contains(.init(.insert, "the")))
    }
}
