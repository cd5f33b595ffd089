import Testing
import KinoCore
import KinoKit
@testable import KinoEditor

@Suite struct EditingReducerTests {
    @Test func insertModeEditsThePromptAndEscCommitsOneUndoableEdit() throws {
        var s = sampleState()
        send(&s, .key(.char("l")), .key(.char("i")))
        #expect(s.mode == .insert)
        #expect(s.focus == .inspector)
        send(&s, .key(.end))
        var effects: [Effect] = []
        for a in typeKeys(", slowly") { effects += send(&s, a) }
        #expect(effects.isEmpty)
        effects = send(&s, .key(.escape))
        #expect(s.mode == .normal)
        let expected = "close-up of the phone screen lighting up, slowly"
        #expect(s.selected?.prompt == expected)
        guard case .applyEdit(.updateShot(let old, let new)) = effects.first else { Issue.record("no edit: \(effects)"); return }
        #expect(old.prompt == "close-up of the phone screen lighting up")
        #expect(new.prompt == expected)
        #expect(effects.contains(.refreshStatus(["sh9"])))
    }

    @Test func aPromptChangedElsewhereWhileTypingIsNotWrittenOverSilently() {
        var s = sampleState()
        send(&s, .key(.char("i")), .key(.end))
        for a in typeKeys(" EDITOR") { send(&s, a) }
        var p = s.project
        let id = s.selectedShot!
        p.shots[p.shotIndex(id)!].prompt = "external"
        #expect(send(&s, .projectChanged(p)).isEmpty == false)
        // The first Esc refuses and says why; the typed text stays.
        #expect(send(&s, .key(.escape)).isEmpty)
        #expect(s.mode == .insert)
        #expect(s.message?.isError == true)
        #expect(s.message?.text.contains("changed elsewhere") == true)
        #expect(s.promptBuffer?.text == "a smartphone rotating on a white studio tabletop EDITOR")
        #expect(s.selected?.prompt == "external")
        // The second Esc is a choice: it saves over the new prompt, with that as the old value.
        let effects = send(&s, .key(.escape))
        #expect(s.mode == .normal)
        guard case .applyEdit(.updateShot(let old, let new)) = effects.first else { Issue.record("no edit: \(effects)"); return }
        #expect(old.prompt == "external")
        #expect(new.prompt == "a smartphone rotating on a white studio tabletop EDITOR")
    }

    @Test func projectChangedKeepsThePlayheadOnItsShotsFrame() {
        var s = sampleState()
        send(&s, .key(.char("l")), .key(.char(".")))
        let id = s.selectedShot!
        let local = s.playheadShot!.local
        var p = s.project
        var first = p.shots[0]
        first.duration += 30
        p.shots[0] = first
        send(&s, .projectChanged(p))
        #expect(s.selectedShot == id)
        #expect(s.project.shots[s.playheadShot!.index].id == id)
        #expect(s.playheadShot!.local == local)
    }

    @Test func ctrlCInInsertModeDiscardsTheEdit() {
        var s = sampleState()
        send(&s, .key(.char("i")))
        for a in typeKeys("zzz") { send(&s, a) }
        #expect(send(&s, .key(.ctrl("c"))).isEmpty)
        #expect(s.mode == .normal)
        #expect(s.selected?.prompt == "a smartphone rotating on a white studio tabletop")
    }

    @Test func insertModeHandlesUTF8GraphemesAndWordMotions() {
        var s = sampleState()
        send(&s, .key(.char("i")), .key(.home))
        for a in typeKeys("café 🎬 ") { send(&s, a) }
        send(&s, .key(.backspace), .key(.backspace))   // removes " " and "🎬" as whole graphemes
        #expect(s.promptBuffer?.text.hasPrefix("café a smartphone") == true)
        send(&s, .key(.ctrlLeft))
        #expect(s.promptBuffer?.cursor == 0)
        send(&s, .key(.alt("f")), .key(.alt("f")))
        #expect(s.promptBuffer?.cursor == 7)
        send(&s, .key(.ctrl("w")))
        #expect(s.promptBuffer?.text.hasPrefix("café smartphone") == true)
        send(&s, .key(.delete), .key(.right), .key(.left))
        #expect(s.promptBuffer?.text.hasPrefix("café martphone") == true)
        send(&s, .key(.enter))
        for a in typeKeys("line2") { send(&s, a) }
        send(&s, .key(.up))
        #expect(s.promptBuffer?.cursor == 5)
        send(&s, .key(.down), .key(.ctrl("a")))
        #expect(s.promptBuffer?.cursor == 6)
        send(&s, .key(.ctrl("e")), .key(.escape))
        #expect(s.selected?.prompt == "café \nline2martphone rotating on a white studio tabletop")
    }

    @Test func aRefusedPromptKeepsInsertModeAndSaysWhy() {
        var s = sampleState()
        send(&s, .key(.char("i")))
        s.promptBuffer = TextBuffer(String(repeating: "x", count: Limits.maxPromptLength + 1))
        #expect(send(&s, .key(.escape)).isEmpty)
        #expect(s.mode == .insert)
        #expect(s.message?.isError == true)
        #expect(s.message?.text.contains("too long") == true)
    }

    @Test func addShotInsertsAfterTheSelectionWithAFreshIdAndSelectsIt() throws {
        var s = sampleState()
        let effects = send(&s, .key(.char("a")))
        #expect(s.project.shots.count == 7)
        #expect(s.project.shots[1].id == "sh14")
        #expect(s.project.shots[1].sceneID == "sc3")
        #expect(s.selectedShot == "sh14")
        #expect(s.project.nextIDNumber == 15)
        guard case .applyEdit(let edit) = effects.first else { Issue.record("no edit"); return }
        var p = sampleProject()
        try p.apply(edit)
        #expect(p == s.project)
    }

    @Test func deleteShotAndMoveShotAreEditsThatKeepTheSelectionSensible() {
        var s = sampleState()
        send(&s, .key(.char("l")), .key(.char("L")))
        #expect(s.project.shots.map(\.id.raw).prefix(3) == ["sh8", "sh10", "sh9"])
        #expect(s.selectedShot == "sh9")
        #expect(s.playhead == 96 + 120)
        send(&s, .key(.char("H")), .key(.char("H")))
        #expect(s.project.shots.first?.id == "sh9")
        #expect(s.message?.isError == false)
        send(&s, .key(.char("H")))
        #expect(s.message?.text.contains("already at the start") == true)
        let effects = send(&s, .key(.char("D")))
        #expect(s.project.shots.count == 5)
        #expect(s.selectedShot == "sh8")
        #expect(effects.contains { if case .applyEdit(.deleteShot) = $0 { return true }; return false })
    }

    @Test func undoAndRedoAreEffectsAndTheAnswerReplacesTheProject() {
        var s = sampleState()
        #expect(send(&s, .key(.char("u"))) == [.undo])
        #expect(send(&s, .key(.ctrl("r"))) == [.redo])
        var p = s.project
        p.shots.removeFirst()
        send(&s, .projectChanged(p))
        #expect(s.project == p)
        #expect(s.selectedShot == "sh9")
    }

    @Test func editingAShotCancelsItsRunningJobAndMarksItStale() {
        var s = sampleState()
        s.shotStatus["sh8"] = ShotStatus(render: .rendered, currentTake: 1, takeCount: 1)
        let start = send(&s, .key(.char("r")))
        #expect(start == [verb(s, ["render"], job: 1)])
        send(&s, .jobStarted(1), .jobProgress(1, 0.4))
        #expect(s.jobs.first?.phase == .running)
        #expect(s.jobs.first?.progress == 0.4)
        let effects = send(&s, .command(.commandLine)) + typeKeys("set seed 99").flatMap { reduce(&s, $0) } + send(&s, .key(.enter))
        #expect(effects.contains(.cancelJob(1)))
        #expect(s.shotStatus["sh8"]?.render == .stale)
        #expect(s.message?.text.contains("cancelling render sh8") == true)
        send(&s, .jobFinished(1, .cancelled("cancelled render sh8")))
        #expect(s.jobs.isEmpty)
        #expect(s.message?.text == "cancelled render sh8")
    }

    @Test func renamingAShotDoesNotCancelItsJob() {
        var s = sampleState()
        send(&s, .key(.char("r")))
        let effects = send(&s, .command(.commandLine)) + typeKeys("set name Hero").flatMap { reduce(&s, $0) } + send(&s, .key(.enter))
        #expect(!effects.contains(.cancelJob(1)))
        #expect(s.selected?.name == "Hero")
    }

    @Test func aSecondJobOnABusyShotIsRefused() {
        var s = sampleState()
        send(&s, .key(.char("r")))
        #expect(send(&s, .key(.char("r"))).isEmpty)
        #expect(s.message?.isError == true)
        #expect(s.jobs.count == 1)
    }

    @Test func cancelKeyCancelsTheSelectedShotsJob() {
        var s = sampleState()
        send(&s, .key(.char("r")))
        #expect(send(&s, .key(.char("x"))) == [.cancelJob(1)])
        send(&s, .jobFinished(1, .cancelled("cancelled")))
        #expect(send(&s, .key(.ctrl("c"))).isEmpty)
        #expect(s.message?.text == "no job is running")
    }

    @Test func takesCycleThroughTheShotsTakes() {
        var s = sampleState()
        #expect(send(&s, .key(.char("t"))).isEmpty)
        #expect(s.message?.isError == true)
        send(&s, .statusChanged(["sh8": ShotStatus(render: .rendered, currentTake: 3, takeCount: 3)]))
        #expect(send(&s, .key(.char("t"))) == [verb(s, ["take", "1"])])
        #expect(send(&s, .key(.char("T"))) == [verb(s, ["take", "2"])])
    }

    @Test func jobsReportProgressAndFinishWithAMessageAndAFrameRequest() {
        var s = sampleState()
        send(&s, .key(.char("r")))
        send(&s, .jobProgress(1, 1.7))
        #expect(s.jobs[0].progress == 1)
        let effects = send(&s, .jobFinished(1, .succeeded("rendered sh8 (take 1)")))
        #expect(s.message == StatusMessage("rendered sh8 (take 1)"))
        #expect(effects.contains(.refreshStatus(["sh8"])))
        #expect(effects.contains(.requestFrame(shot: "sh8", frame: 0)))
        send(&s, .jobFinished(99, .failed("export failed: disk full")))
        #expect(s.message?.isError == true)
    }

    @Test func framesArriveInThePreviewOnlyForTheShotOnShow() {
        var s = sampleState()
        let frame = Frame(width: 16, height: 9, fill: RGB(255, 0, 0))
        send(&s, .frameArrived(shot: "sh12", frame: 3, image: frame))
        #expect(s.preview == nil)
        send(&s, .frameArrived(shot: "sh8", frame: 3, image: frame))
        #expect(s.preview?.frame == 3)
    }

    @Test func messagesThemesAndErrorsReachTheStatusLine() {
        var s = sampleState()
        send(&s, .error("boom"))
        #expect(s.message == StatusMessage("boom", isError: true))
        send(&s, .info("fine"))
        #expect(s.message == StatusMessage("fine"))
        send(&s, .themeLoaded(name: "light"))
        #expect(s.themeName == "light")
    }
}

@Suite struct QuitTests {
    @Test func quittingWhileTypingAPromptKeepsTheText() {
        var s = sampleState()
        send(&s, .key(.char("i")), .key(.end))
        for a in typeKeys(" at dawn") { send(&s, a) }
        let effects = send(&s, .command(.quit))
        #expect(effects.last == .quit)
        #expect(effects.contains { if case .applyEdit(.updateShot(_, let new)) = $0 { return new.prompt.hasSuffix("at dawn") }; return false })
        #expect(s.quitting)
    }
}
