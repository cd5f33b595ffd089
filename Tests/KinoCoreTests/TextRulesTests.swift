import Testing
@testable import KinoCore

/// One rule for text: limits and control characters refused the same way in every field, and
/// text printed to a terminal escaped.
@Suite struct TextRulesTests {
    @Test func testControlCharactersAreRefusedInEveryTextField() throws {
        let p = try fixtureProject()
        let title = "\u{1B}]2;PWNED\u{07}"
        #expect(throws: ValidationError.self) { try p.addingScene(name: "A" + title) }
        #expect(throws: ValidationError.self) { try p.addingScene(name: "Z", environment: "street" + title) }
        #expect(throws: ValidationError.self) { try p.applying(p.updatingShot(p.shots[0].id) { $0.prompt = title }) }
        #expect(throws: ValidationError.self) { try p.applying(p.updatingShot(p.shots[0].id) { $0.name = "a\nb" }) }
        #expect(throws: ValidationError.self) { try p.applying(p.updatingShot(p.shots[0].id) { $0.prompt = "a\u{202E}b" }) }
        #expect(throws: ValidationError.self) { try p.applying(p.updatingShot(p.shots[0].id) { $0.prompt = "a\rb" }) }
        var q = p
        var s = q.settings
        s.name = "x\u{9B}31m"
        #expect(throws: ValidationError.self) { try q.apply(.updateSettings(old: q.settings, new: s)) }
        // A prompt may hold a line break.
        q = try p.applying(p.updatingShot(p.shots[0].id) { $0.prompt = "a cat\non a mat" })
        #expect(q.shots[0].prompt == "a cat\non a mat")
    }

    @Test func testTheErrorNamesTheFieldAndTheCharacter() {
        #expect(throws: ValidationError.controlCharacter(field: "the scene name", character: "U+001B")) {
            try TextRules.check("a\u{1B}b", as: .name(kind: "scene"))
        }
    }

    @Test func testEveryTextFieldHasALimit() throws {
        let p = try fixtureProject()
        let long = String(repeating: "x", count: Limits.maxDescriptionLength + 1)
        #expect(throws: ValidationError.textTooLong(field: "the scene environment", limit: Limits.maxDescriptionLength)) {
            try p.addingScene(name: "Z", environment: long)
        }
        let look = p.characters[0].appearance
        #expect(throws: ValidationError.textTooLong(field: "the character description", limit: Limits.maxDescriptionLength)) {
            try p.applying(p.addingCharacter(name: "Cy", description: long, reference: nil, appearance: look).0)
        }
        #expect(throws: ValidationError.textTooLong(field: "the prompt", limit: Limits.maxPromptLength)) {
            try p.applying(p.updatingShot(p.shots[0].id) { $0.prompt = String(repeating: "y", count: Limits.maxPromptLength + 1) })
        }
    }

    @Test func testTerminalSafeEscapesWhatATerminalWouldActOn() {
        #expect("plain – text".terminalSafe == "plain – text")
        #expect("\u{1B}]2;PWNED\u{07}".terminalSafe == "\\u001b]2;PWNED\\u0007")
        #expect("a\u{7F}\u{9B}b\u{202E}".terminalSafe == "a\\u007f\\u009bb\\u202e")
        #expect("two\nlines\tok\r".terminalSafe == "two\nlines\tok\\u000d")
        #expect("two\nlines".terminalSafeLine == "two\\nlines")
        #expect(!"x\u{1B}[2J".terminalSafe.unicodeScalars.contains { $0.value == 0x1B })
    }

    @Test func testOnlyIdsKinoMakesAreWellFormed() {
        #expect(TakeID(raw: "tk12").isWellFormed)
        #expect(ShotID(number: 3).isWellFormed)
        for bad in ["../../../../tmp/x/ESCAPED", "tk", "tk1/..", "sh1", "tk-1", "tk1 ", "tk١", "tk0000000000001"] {
            #expect(!TakeID(raw: bad).isWellFormed, "\(bad)")
        }
        #expect(throws: ValidationError.self) { try TakeID(raw: "../x").checkWellFormed() }
    }

    @Test func testValidateLoadedRefusesACraftedId() throws {
        var p = try fixtureProject()
        #expect(throws: Never.self) { try p.validateLoaded() }
        p.shots[0].currentTakeID = TakeID(raw: "../../../../tmp/x/ESCAPED")
        #expect(throws: ValidationError.malformedID(kind: "take", value: "../../../../tmp/x/ESCAPED")) { try p.validateLoaded() }
        var q = try fixtureProject()
        q.scenes[0] = Scene(id: SceneID(raw: "sc1/../.."), name: "A")
        #expect(throws: ValidationError.self) { try q.validateLoaded() }
    }

    @Test(arguments: [(" ", "", " "), ("a", "", "a"), ("\r", "", "\r"), ("/a", "/", "a"), ("a/b/", "a", "b"),
                      ("/", "/", "/"), ("x/y/z.png", "x/y", "z.png"), ("a//b", "a", "b")])
    func testPathsSplitWithoutTrapping(path: String, folder: String, name: String) {
        #expect(parentFolder(of: path) == folder)
        #expect(fileName(of: path) == name)
    }
}
