import Testing
import KinoCore
import KinoKit
@testable import KinoEditor

/// The effect of a verb of KinoKit's table typed with the current selection.
func verb(_ s: EditorState, _ words: [String], job: JobID? = nil) -> Effect {
    .perform(try! Verbs.invocation(words), context: s.verbContext, job: job)
}

@Suite struct CommandLineReducerTests {
    func run(_ s: inout EditorState, _ line: String) -> [Effect] {
        send(&s, .key(.char(":"))) + typeKeys(line).flatMap { reduce(&s, $0) } + send(&s, .key(.enter))
    }

    @Test func renderExtendAndRefineStartJobsForTheSelectedShot() {
        var s = sampleState()
        send(&s, .key(.char("l")))
        #expect(run(&s, "render") == [verb(s, ["render"], job: 1)])
        send(&s, .jobFinished(1, .succeeded("ok")))
        #expect(run(&s, "extend 2") == [verb(s, ["extend", "2"], job: 2)])
        #expect(s.jobs.last?.kind == .extend(frames: 48, prompt: nil))
        send(&s, .jobFinished(2, .succeeded("ok")))
        #expect(run(&s, "extend 1.5 the phone flies away") == [verb(s, ["extend", "1.5", "the", "phone", "flies", "away"], job: 3)])
        #expect(s.jobs.last?.kind == .extend(frames: 36, prompt: "the phone flies away"))
        send(&s, .jobFinished(3, .succeeded("ok")))
        // The shot is 72 frames (3 s): -2 means its last two seconds.
        #expect(run(&s, "refine -2") == [verb(s, ["refine", "-2"], job: 4)])
        #expect(s.jobs.last?.kind == .refine(from: 24, to: nil))
        send(&s, .jobFinished(4, .succeeded("ok")))
        #expect(run(&s, "refine 0.5 2") == [verb(s, ["refine", "0.5", "2"], job: 5)])
        #expect(s.jobs.last?.kind == .refine(from: 12, to: 48))
        #expect(s.jobs.map(\.label) == ["refine sh9"])
    }

    @Test func badArgumentsSayWhatToTypeInstead() {
        var s = sampleState()
        #expect(run(&s, "extend").isEmpty)
        #expect(s.message == StatusMessage("extend needs --seconds", isError: true))
        #expect(run(&s, "refine 9").isEmpty)
        #expect(s.message?.text.contains("from 9 is out of range") == true, "\(s.message!.text)")
        #expect(run(&s, "export out.avi").isEmpty)
        #expect(s.message?.text.contains("cannot export to a .avi file") == true)
        #expect(run(&s, "export /no/such/folder/out.mp4").isEmpty)
        #expect(s.message?.text.contains("folder /no/such/folder does not exist") == true)
        #expect(s.jobs.isEmpty, "a refused export was queued")
        #expect(run(&s, "take x").isEmpty)
        #expect(run(&s, "frobnicate").isEmpty)
        #expect(s.message == StatusMessage("unknown command 'frobnicate'; 'kino help' lists the commands", isError: true))
        #expect(run(&s, "rendr").isEmpty)
        #expect(s.message == StatusMessage("unknown command 'rendr'; did you mean 'render'?", isError: true))
        #expect(run(&s, "set colour red").isEmpty)
        #expect(s.message?.text.contains("cannot set 'colour'") == true)
        #expect(run(&s, "set duration -1").isEmpty)
        #expect(s.message?.isError == true)
    }

    @Test func setChangesEachFieldAsOneEdit() {
        var s = sampleState()
        func editCount(_ e: [Effect]) -> Int { e.filter { if case .applyEdit = $0 { return true }; return false }.count }
        #expect(editCount(run(&s, "set prompt a red car drives past")) == 1)
        #expect(s.selected?.prompt == "a red car drives past")
        #expect(editCount(run(&s, "set duration 2.5")) == 1)
        #expect(s.selected?.duration == 60)
        #expect(editCount(run(&s, "set seed 42")) == 1)
        #expect(s.selected?.seed == 42)
        #expect(editCount(run(&s, "set camera orbit")) == 1)
        #expect(s.selected?.cameraPreset == .orbit)
        #expect(s.selected?.cameraIsExplicit == true)
        #expect(editCount(run(&s, "set lighting City night")) == 1)
        #expect(s.selected?.lightingID == "lt2")
        #expect(editCount(run(&s, "set lighting none")) == 1)
        #expect(s.selected?.lightingID == nil)
        #expect(editCount(run(&s, "set scene Street")) == 1)
        #expect(s.selected?.sceneID == "sc4")
        #expect(run(&s, "set lighting Moon").isEmpty)
        #expect(s.message?.text.contains("lighting setup 'Moon' does not exist") == true)
    }

    @Test func shotAddTakeExportThemeGotoAndQuit() {
        var s = sampleState()
        _ = run(&s, "shot add 2 a dog runs")
        #expect(s.selected?.prompt == "a dog runs")
        #expect(s.selected?.duration == 48)
        #expect(run(&s, "take 1").isEmpty)
        s.shotStatus[s.selectedShot!] = ShotStatus(render: .rendered, currentTake: 1, takeCount: 2)
        #expect(run(&s, "take 2") == [verb(s, ["take", "2"])])
        #expect(run(&s, "export out.mp4") == [verb(s, ["export", "out.mp4"], job: 1)])
        #expect(run(&s, "theme light") == [.loadTheme("light")])
        _ = run(&s, "goto 10")
        #expect(s.playhead == 240)
        _ = run(&s, "shot delete")
        #expect(s.project.shots.count == 6)
        #expect(run(&s, "undo") == [.undo])
        #expect(run(&s, "redo") == [.redo])
        #expect(run(&s, "cancel") == [.cancelJob(1)])
        _ = run(&s, "help")
        #expect(s.helpVisible)
        send(&s, .key(.escape))
        #expect(run(&s, "q") == [.quit])
    }

    @Test func tabCompletesCommandsAndArgumentsAndCycles() {
        var s = sampleState()
        send(&s, .key(.char(":")))
        for a in typeKeys("re") { send(&s, a) }
        send(&s, .key(.tab))
        #expect(s.commandLine.buffer.text == "render")
        #expect(s.commandLine.completions == ["render", "refine", "redo"], "\(s.commandLine.completions)")
        send(&s, .key(.tab))
        #expect(s.commandLine.buffer.text == "refine")
        send(&s, .key(.escape), .key(.char(":")))
        for a in typeKeys("set li") { send(&s, a) }
        send(&s, .key(.tab))
        #expect(s.commandLine.buffer.text == "set lighting ")
        send(&s, .key(.tab))
        #expect(s.commandLine.buffer.text == "set lighting Studio key")
        send(&s, .key(.escape), .key(.char(":")))
        for a in typeKeys("theme hi") { send(&s, a) }
        send(&s, .key(.tab))
        #expect(s.commandLine.buffer.text == "theme high-contrast ")
    }

    @Test func historyRecallsEarlierCommands() {
        var s = sampleState()
        _ = run(&s, "goto 1")
        _ = run(&s, "goto 2")
        send(&s, .key(.char(":")), .key(.up))
        #expect(s.commandLine.buffer.text == "goto 2")
        send(&s, .key(.up), .key(.up))
        #expect(s.commandLine.buffer.text == "goto 1")
        send(&s, .key(.down), .key(.down))
        #expect(s.commandLine.buffer.text == "")
    }

    @Test func commandLineEditingKeys() {
        var s = sampleState()
        send(&s, .key(.char(":")))
        for a in typeKeys("goto 12") { send(&s, a) }
        send(&s, .key(.left), .key(.backspace), .key(.home), .key(.right), .key(.end), .key(.ctrl("w")))
        #expect(s.commandLine.buffer.text == "goto ")
        send(&s, .key(.ctrl("w")), .key(.backspace), .key(.backspace))
        #expect(s.mode == .normal)
    }
}

@Suite struct CharacterCommandTests {
    func run(_ s: inout EditorState, _ line: String) -> [Effect] {
        send(&s, .key(.char(":"))) + typeKeys(line).flatMap { reduce(&s, $0) } + send(&s, .key(.enter))
    }

    @Test func characterAddAsksTheRuntimeWithNameAndDescription() {
        var s = sampleState()
        #expect(run(&s, "character add Cleo a girl with a yellow umbrella") == [verb(s, ["character", "add", "Cleo", "a", "girl", "with", "a", "yellow", "umbrella"])])
        #expect(run(&s, "character add").isEmpty)
        #expect(s.message?.isError == true)
    }

    @Test func characterRefUsesTheCharacterSelectedInTheList() {
        var s = sampleState()
        send(&s, .key(.char("j")))
        #expect(run(&s, "character ref /tmp/ben.png") == [verb(s, ["character", "set", "--reference", "/tmp/ben.png"])])
        #expect(s.verbContext.selectedCharacter == "ch7")
        send(&s, .key(.char("j")), .key(.char("j")))
        #expect(run(&s, "character ref /tmp/x.png").isEmpty)
        #expect(s.message?.text.contains("select a character first") == true)
    }
}

@Suite struct CastCommandTests {
    func run(_ s: inout EditorState, _ line: String) -> [Effect] {
        send(&s, .key(.char(":"))) + typeKeys(line).flatMap { reduce(&s, $0) } + send(&s, .key(.enter))
    }

    @Test func castAndUncastChangeTheSelectedShotsCastAsOneEditEach() throws {
        var s = sampleState()
        let name = try #require(s.project.characters.first?.name)
        let id = s.project.characters[0].id
        let shot = try #require(s.selectedShot)
        let wasCast = s.selected!.cast.contains { $0.characterID == id }
        if wasCast { _ = run(&s, "uncast \(name)") }
        let effects = run(&s, "cast \(name)")
        #expect(effects.contains { if case .applyEdit(.updateShot(_, let new)) = $0 { return new.id == shot }; return false }, "\(effects)")
        #expect(s.selected?.cast.map(\.characterID).contains(id) == true)
        #expect(run(&s, "cast \(name)").isEmpty)
        #expect(s.message?.isError == true)
        _ = run(&s, "shot uncast \(name)")
        #expect(s.selected?.cast.contains { $0.characterID == id } == false)
        #expect(run(&s, "cast Nobody").isEmpty)
        #expect(s.message?.text.contains("character 'Nobody' does not exist") == true)
    }

    @Test func theSameVerbsRunFromTheLineAndFromBatch() throws {
        // Every verb the `:` line offers is the table's: its usage is the table's.
        for v in Verbs.all { #expect(EditorCommands.specs.contains { $0.name == v.name && $0.usage == v.lineUsage }) }
    }
}
