import Foundation
import Testing
import KinoCore
@testable import KinoEditor

/// What a new user hit (issue 10): quitting with jobs running, the selection after a delete
/// or an undo, the curve editor's message, old errors, export messages, paging the help.
@Suite struct QuitConfirmationReducerTests {
    func runningTwoJobs() -> EditorState {
        var s = sampleState()
        send(&s, .key(.char("r")), .key(.char("l")), .key(.char("r")), .jobStarted(1), .jobStarted(2))
        return s
    }

    @Test func testQWithJobsRunningAsksBeforeQuitting() {
        var s = runningTwoJobs()
        let effects = send(&s, .key(.char("q")))
        #expect(effects.isEmpty)
        #expect(!s.quitting)
        #expect(s.confirmingQuit)
        #expect(s.message == StatusMessage("2 jobs running — quit and cancel them? (y/n)"))
    }

    @Test func testYesCancelsEveryJobAndQuits() {
        var s = runningTwoJobs()
        send(&s, .key(.char("q")))
        let effects = send(&s, .key(.char("y")))
        #expect(effects == [.cancelJob(1), .cancelJob(2), .quit])
        #expect(s.quitting)
        #expect(!s.confirmingQuit)
    }

    @Test func testNoOrEscapeKeepsWorkingAndOtherKeysWaitForTheAnswer() {
        for answer in [Key.char("n"), .escape] {
            var s = runningTwoJobs()
            let before = s.selectedShot
            send(&s, .key(.char("q")))
            // A key that is not an answer does nothing, and the question stays.
            #expect(send(&s, .key(.char("h"))).isEmpty)
            #expect(s.selectedShot == before && s.confirmingQuit)
            #expect(send(&s, .key(answer)).isEmpty)
            #expect(!s.quitting && !s.confirmingQuit)
            #expect(s.jobs.map(\.id) == [1, 2])
            #expect(s.message?.text.hasPrefix("still running: render") == true)
        }
    }

    @Test func testOneJobIsAskedAboutInTheSingular() {
        var s = sampleState()
        send(&s, .key(.char("r")))
        send(&s, .key(.char("q")))
        #expect(s.message == StatusMessage("1 job running — quit and cancel it? (y/n)"))
    }

    @Test func testSignalsAndForcedQuitCancelWithoutAsking() {
        var s = runningTwoJobs()
        #expect(send(&s, .command(.quitCancellingJobs)) == [.cancelJob(1), .cancelJob(2), .quit])
        #expect(s.quitting)
        var t = runningTwoJobs()
        let effects = send(&t, .key(.char(":"))) + typeKeys("q!").flatMap { reduce(&t, $0) } + send(&t, .key(.enter))
        #expect(effects == [.cancelJob(1), .cancelJob(2), .quit])
        #expect(t.quitting)
    }

    @Test func testColonQWithJobsAsksToo() {
        var s = runningTwoJobs()
        let effects = send(&s, .key(.char(":"))) + typeKeys("q").flatMap { reduce(&s, $0) } + send(&s, .key(.enter))
        #expect(effects.isEmpty)
        #expect(s.confirmingQuit && !s.quitting)
    }
}

@Suite struct SelectionAfterDeleteAndUndoTests {
    @Test func testDeletingAShotSelectsItsNeighbourNotTheFirstShot() {
        var s = sampleState()
        send(&s, .key(.char("l")), .key(.char("l")), .key(.char("l")))
        #expect(s.selectedShot == "sh11")
        let effects = send(&s, .key(.char("D")))
        #expect(s.project.shots.map(\.id.raw) == ["sh8", "sh9", "sh10", "sh12", "sh13"])
        #expect(s.selectedShot == "sh12")
        #expect(s.playhead == s.project.shotStarts[3])
        #expect(effects.first == .applyEdit(.deleteShot(sampleProject().shots[3], at: 3)))
    }

    @Test func testDeletingTheLastShotSelectsTheOneBefore() {
        var s = sampleState()
        send(&s, .key(.char("G")))
        #expect(s.selectedShot == "sh13")
        send(&s, .key(.char("D")))
        #expect(s.selectedShot == "sh12")
    }

    @Test func testUndoingADeleteSelectsTheRestoredShot() {
        var s = sampleState()
        send(&s, .key(.char("l")), .key(.char("l")), .key(.char("l")), .key(.char("D")))
        #expect(s.selectedShot == "sh12")
        // The runtime's answer to u: the project with the shot back, then what was undone.
        let deleted = sampleProject().shots[3]
        send(&s, .projectChanged(sampleProject()), .journalStepped(.deleteShot(deleted, at: 3), undo: true))
        #expect(s.selectedShot == "sh11")
        #expect(s.playhead == s.project.shotStarts[3])
        #expect(s.message == StatusMessage("undid \(Edit.deleteShot(deleted, at: 3).label)"))
    }

    @Test func testUndoingAnAddLeavesTheSelectionOnTheNeighbour() {
        var s = sampleState()
        send(&s, .key(.char("l")), .key(.char("a")))
        let added = s.selectedShot!
        #expect(s.project.shots[2].id == added)
        let inserted = s.project.shots[2]
        send(&s, .projectChanged(sampleProject()), .journalStepped(.insertShot(inserted, at: 2), undo: true))
        #expect(s.selectedShot == "sh10")
    }
}

@Suite struct MessageReducerTests {
    @Test func testAddingAKeyNamesTheKeyItAdded() {
        var s = sampleState()
        // sh10 has three positionZ keys at 0, 47, 95; add one at frame 20 of the shot.
        send(&s, .key(.char("l")), .key(.char("l")), .key(.char("c")))
        #expect(s.curve.channel == .positionZ)
        let start = s.project.shotStarts[2]
        send(&s, .key(.char("]")))   // one second: frame 24 of the shot
        #expect(s.playhead == start + 24)
        send(&s, .key(.char("a")))
        let keys = s.selected!.camera[.positionZ].keys
        #expect(keys.map(\.frame) == [0, 24, 47, 95])
        #expect(s.curve.key == 1)
        #expect(s.message?.text.hasPrefix("add key: position.z key 2/4 at frame 24 = ") == true, "\(s.message?.text ?? "")")
    }

    @Test func testAnOldErrorIsClearedByTheNextCommand() {
        var s = sampleState()
        send(&s, .error("export failed: disk full"))
        send(&s, .key(.char("l")))
        #expect(s.message == nil)
        // A command that fails shows its own error.
        send(&s, .error("old"), .key(.char("t")))
        #expect(s.message?.isError == true)
        #expect(s.message?.text.contains("has no takes") == true)
        // Information is not an error and stays until replaced.
        send(&s, .info("rendered sh9"), .key(.char("l")))
        #expect(s.message == StatusMessage("rendered sh9"))
    }

    @Test func testARunningExportNoLongerSaysQueued() {
        var s = sampleState()
        let effects = send(&s, .key(.char(":"))) + typeKeys("export /tmp/out.mp4").flatMap { reduce(&s, $0) } + send(&s, .key(.enter))
        let ids = effects.compactMap { e -> JobID? in if case .perform(let inv, _, let job?) = e, inv.verb == "export" { return job }; return nil }
        guard let id = ids.first, let label = s.jobs.first(where: { $0.id == id })?.label else {
            Issue.record("no export job: \(effects)"); return
        }
        #expect(s.message == StatusMessage("queued \(label)"))
        send(&s, .jobStarted(id), .jobProgress(id, 0.4))
        #expect(s.message == StatusMessage("running \(label)"))
        #expect(s.jobs.first { $0.id == id }.map { $0.phase == .running && $0.progress == 0.4 } == true)
        let screen = render(s, theme: .fallback).text
        #expect(screen.contains("\(label) ") && screen.contains("40%"))
        #expect(!screen.contains("queued"))
    }
}

@Suite struct HelpPagingTests {
    @Test func testPageDownAndPageUpPageTheHelp() {
        var s = sampleState(cols: 120, rows: 30)
        send(&s, .key(.char("?")))
        let page = s.helpPageHeight
        #expect(page == 30 - 6)
        send(&s, .key(.pageDown))
        #expect(s.helpScroll == page)
        send(&s, .key(.pageDown), .key(.pageDown), .key(.pageDown), .key(.pageDown), .key(.pageDown))
        // Never past the last full page.
        #expect(s.helpScroll == standardHelpLines.count - page)
        send(&s, .key(.pageUp))
        #expect(s.helpScroll == standardHelpLines.count - 2 * page)
        send(&s, .key(.pageUp), .key(.pageUp), .key(.pageUp), .key(.pageUp), .key(.pageUp))
        #expect(s.helpScroll == 0)
        #expect(s.helpVisible)
    }
}
