import Testing
import KinoCore
@testable import KinoEditor

@Suite struct NavigationReducerTests {
    @Test func lAndRightArrowSelectTheNextShotAndPutThePlayheadOnItsStart() {
        var s = sampleState()
        let effects = send(&s, .key(.char("l")))
        #expect(s.selectedShot == "sh9")
        #expect(s.playhead == 96)
        #expect(effects.contains(.requestFrame(shot: "sh9", frame: 0)))
        #expect(effects.contains(.refreshStatus(["sh9"])))
        send(&s, .key(.right))
        #expect(s.selectedShot == "sh10")
        #expect(s.playhead == 168)
    }

    @Test func hAndLeftArrowSelectThePreviousShotAndStopAtTheFirst() {
        var s = sampleState()
        send(&s, .key(.char("l")), .key(.char("l")), .key(.char("h")))
        #expect(s.selectedShot == "sh9")
        send(&s, .key(.left), .key(.left), .key(.left))
        #expect(s.selectedShot == "sh8")
        #expect(s.playhead == 0)
    }

    @Test func commaAndPeriodStepOneFrameAndTheSelectionFollowsThePlayhead() {
        var s = sampleState()
        send(&s, .key(.char(".")))
        #expect(s.playhead == 1)
        s.playhead = 95
        send(&s, .key(.char(".")))
        #expect(s.playhead == 96)
        #expect(s.selectedShot == "sh9")
        send(&s, .key(.char(",")))
        #expect(s.selectedShot == "sh8")
        send(&s, .key(.char(",")), .command(.firstFrame), .key(.char(",")))
        #expect(s.playhead == 0)
    }

    @Test func bracketsMoveOneSecondAtTheProjectRate() {
        var s = sampleState()
        send(&s, .key(.char("]")))
        #expect(s.playhead == 24)
        send(&s, .key(.char("]")), .key(.char("[")))
        #expect(s.playhead == 24)
    }

    @Test func homeAndEndGoToTheEndsOfTheSequence() {
        var s = sampleState()
        send(&s, .key(.char("G")))
        #expect(s.playhead == s.project.duration - 1)
        #expect(s.selectedShot == "sh13")
        send(&s, .key(.home))
        #expect(s.playhead == 0)
    }

    @Test func tabCyclesPanesAndTheCurvePaneEntersCurveMode() {
        var s = sampleState()
        #expect(s.focus == .timeline)
        send(&s, .key(.tab))
        #expect(s.focus == .inspector)
        send(&s, .key(.tab))
        #expect(s.focus == .curves)
        #expect(s.mode == .curve)
        send(&s, .key(.tab))
        #expect(s.focus == .characters)
        #expect(s.mode == .normal)
        send(&s, .key(.backTab), .key(.backTab), .key(.backTab))
        #expect(s.focus == .timeline)
    }

    @Test func zoomInNarrowsTheVisibleRangeAndZoomOutReturnsToFit() {
        var s = sampleState()
        #expect(s.timeline.fitted)
        let fit = s.timeline.framesPerCell
        send(&s, .key(.char("+")))
        #expect(!s.timeline.fitted)
        #expect(s.timeline.framesPerCell < fit)
        send(&s, .key(.char("-")), .key(.char("-")))
        #expect(s.timeline.fitted)
        #expect(s.timeline.framesPerCell == fit)
    }

    @Test func scrollingMovesTheViewAndThePlayheadStaysVisibleWhenZoomedIn() {
        var s = sampleState()
        for _ in 0..<5 { send(&s, .key(.char("+"))) }
        send(&s, .key(.char(">")))
        #expect(s.timeline.firstFrame > 0)
        send(&s, .key(.char("<")), .key(.char("<")), .key(.char("<")))
        #expect(s.timeline.firstFrame == 0)
        send(&s, .key(.char("G")))
        let visible = Int(Double(s.timelineWidth) * s.timeline.framesPerCell)
        #expect(s.playhead >= s.timeline.firstFrame && s.playhead < s.timeline.firstFrame + visible)
        send(&s, .key(.char("z")))
        #expect(s.timeline.fitted && s.timeline.firstFrame == 0)
    }

    @Test func spaceTogglesPlaybackAndTicksAdvanceUntilTheEnd() {
        var s = sampleState()
        send(&s, .key(.char(" ")))
        #expect(s.playing)
        send(&s, .tick, .tick)
        #expect(s.playhead == 2)
        s.playhead = s.project.duration - 2
        send(&s, .tick, .tick)
        #expect(!s.playing)
        #expect(s.playhead == s.project.duration - 1)
        send(&s, .key(.char(" ")))
        #expect(s.playing && s.playhead == 0)
        send(&s, .key(.char(" ")), .tick)
        #expect(!s.playing && s.playhead == 0)
    }

    @Test func clickOnAShotBlockSelectsItAndClickOnTheRulerSeeks() {
        var s = sampleState()
        let layout = Layout(size: s.size, focus: s.focus)
        let inner = layout.timeline.inset(1)
        // A column inside shot 4 (frames 288..<384).
        let col = inner.x + Int(300 / s.timeline.framesPerCell)
        send(&s, .click(MouseClick(col: col, row: inner.y + 2)))
        #expect(s.selectedShot == "sh11")
        let seekCol = inner.x + Int(30 / s.timeline.framesPerCell)
        send(&s, .click(MouseClick(col: seekCol, row: inner.y)))
        #expect(s.selectedShot == "sh8")
        #expect(abs(s.playhead - 30) <= Int(s.timeline.framesPerCell) + 1)
        send(&s, .click(MouseClick(col: layout.inspector.x + 3, row: layout.inspector.y + 3)))
        #expect(s.focus == .inspector)
    }

    @Test func resizingToATinyTerminalAndBackKeepsTheState() {
        var s = sampleState()
        send(&s, .key(.char("l")), .resized(TerminalSize(cols: 20, rows: 6)))
        #expect(s.size.isTooSmall)
        #expect(send(&s, .click(MouseClick(col: 3, row: 3))).isEmpty)
        send(&s, .resized(TerminalSize(cols: 100, rows: 30)))
        #expect(!s.size.isTooSmall)
        #expect(s.selectedShot == "sh9")
    }

    @Test func jAndKMoveInTheCharactersAndLightingList() {
        var s = sampleState()
        send(&s, .key(.char("j")), .key(.char("j")), .key(.char("j")), .key(.char("j")), .key(.char("j")))
        #expect(s.listSelection == 3)
        send(&s, .key(.char("k")))
        #expect(s.listSelection == 2)
    }

    @Test func helpOpensClosesAndScrolls() {
        var s = sampleState()
        send(&s, .key(.char("?")))
        #expect(s.helpVisible)
        send(&s, .key(.char("j")), .key(.char("j")), .key(.char("k")))
        #expect(s.helpScroll == 1)
        #expect(s.selectedShot == "sh8")
        send(&s, .key(.escape))
        #expect(!s.helpVisible)
    }

    @Test func quitSetsQuittingAndAsksTheRuntimeToStop() {
        var s = sampleState()
        #expect(send(&s, .key(.char("q"))) == [.quit])
        #expect(s.quitting)
    }
}
