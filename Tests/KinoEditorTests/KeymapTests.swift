import Testing
import KinoKit
@testable import KinoEditor

@Suite struct KeymapTests {
    @Test func theIssuesKeysAreBound() {
        let k = Keymap.standard
        let expected: [(Key, Command)] = [
            (.char("h"), .previousShot), (.left, .previousShot), (.char("l"), .nextShot), (.right, .nextShot),
            (.char(","), .previousFrame), (.char("."), .nextFrame), (.char("["), .backSecond), (.char("]"), .forwardSecond),
            (.tab, .nextPane), (.char("u"), .undo), (.ctrl("r"), .redo), (.char(" "), .playPause),
            (.char("?"), .toggleHelp), (.char("q"), .quit), (.char(":"), .commandLine),
        ]
        for (key, command) in expected { #expect(k.command(for: key, in: .normal) == command, "\(key)") }
    }

    @Test func noKeyIsBoundTwiceInOneMode() {
        for mode in KeymapMode.allCases {
            let keys = Keymap.standard.entries(in: mode).flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "\(mode) binds a key twice")
        }
    }

    @Test func curveModeFallsBackToNormalKeysAndTextModesTakePrintables() {
        let k = Keymap.standard
        #expect(k.command(for: .char("l"), in: .curve) == .keyLater)
        #expect(k.command(for: .char("."), in: .curve) == .nextFrame)
        #expect(k.command(for: .char("é"), in: .insert) == .insertCharacter)
        #expect(k.command(for: .char("q"), in: .command) == .insertCharacter)
        #expect(k.command(for: .ctrl("z"), in: .normal) == nil)
    }

    @Test func helpOverlayListsEveryEntryAndEveryCommand() {
        let lines = helpLines()
        for e in Keymap.standard.entries {
            #expect(lines.contains { $0.contains(Keymap.keyList(e.keys)) && $0.contains(e.help) }, "\(e.command) missing from help")
        }
        for c in EditorCommands.specs { #expect(lines.contains { $0.contains(c.usage) }) }
    }

    @Test func everyCommandIsReachableFromAKeyOrTheCommandLine() {
        let bound = Set(Keymap.standard.entries.map(\.command))
        for c in Command.allCases { #expect(bound.contains(c), "\(c.rawValue) has no key") }
    }

    @Test func docsCommandListsEqualTheVerbTable() throws {
        for (file, generated, begin, end) in [
            ("Docs/CLI.md", Verbs.referenceMarkdown(), Verbs.documentBegin, Verbs.documentEnd),
            ("Docs/UserGuide.md", EditorCommands.markdown(), EditorCommands.documentBegin, EditorCommands.documentEnd),
        ] {
            let url = packageRoot.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            let expected = try #require(Verbs.replacingGenerated(in: text, with: generated, begin: begin, end: end), "\(file) lost its markers")
            if updatingSnapshots { try expected.write(to: url, atomically: true, encoding: .utf8); continue }
            #expect(text == expected, "\(file) drifted from the verb table:\n\(lineDiff(text, expected))\nRerun with KINO_UPDATE_SNAPSHOTS=1.")
        }
    }

    @Test func docsKeymapEqualsTheGeneratedText() {
        if let problem = expectMatchesFile(Keymap.standard.markdown(), "Docs/Keymap.md") { Issue.record(Comment(rawValue: problem)) }
    }
}
