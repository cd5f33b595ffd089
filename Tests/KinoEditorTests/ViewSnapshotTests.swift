import Foundation
import Testing
import KinoCore
@testable import KinoEditor

@Suite struct ViewSnapshotTests {
    let theme = try! ThemeLibrary(folders: []).load("default")

    func check(_ state: EditorState, _ name: String, theme: Theme? = nil) {
        let grid = render(state, theme: theme ?? self.theme)
        if let problem = expectMatchesFile(grid.text, "Tests/KinoEditorTests/Snapshots/\(name).txt") {
            Issue.record(Comment(rawValue: problem))
        }
    }

    func statusful() -> EditorState {
        var s = sampleState()
        s.shotStatus = ["sh8": ShotStatus(render: .rendered, currentTake: 2, takeCount: 2),
                        "sh9": ShotStatus(render: .stale, currentTake: 1, takeCount: 1),
                        "sh10": ShotStatus(render: .notRendered, ignoredWords: ["glistening"])]
        return s
    }

    @Test func normalTimelineShowsAllPanes() {
        var s = statusful()
        send(&s, .key(.char("l")), .key(.char("l")), .key(.char("]")), .key(.char("r")), .jobProgress(1, 0.42))
        check(s, "normal-timeline")
    }

    @Test func insertModeShowsThePromptBeingEditedWithTheCursor() {
        var s = statusful()
        send(&s, .key(.char("l")), .key(.char("i")), .key(.end))
        for a in typeKeys(", neon reflections in puddles") { send(&s, a) }
        let grid = render(s, theme: theme)
        #expect(grid.cursor != nil)
        check(s, "insert-prompt")
    }

    @Test func curveEditorDrawsTheChannelInBraille() {
        var s = statusful()
        send(&s, .key(.char("l")), .key(.char("l")), .key(.char("c")), .key(.char("n")))
        check(s, "curve-editor")
    }

    @Test func helpOverlayPrintsTheKeymap() {
        var s = statusful()
        send(&s, .key(.char("?")))
        check(s, "help-overlay")
    }

    @Test func commandLineShowsCompletions() {
        var s = statusful()
        send(&s, .key(.char(":")), .key(.char("r")), .key(.char("e")), .key(.tab), .key(.tab))
        check(s, "command-completion")
    }

    @Test func tooSmallTerminalSaysSoAndWhatItNeeds() {
        var s = sampleState(cols: 20, rows: 6)
        send(&s, .resized(TerminalSize(cols: 20, rows: 6)))
        check(s, "too-small")
        let text = render(s, theme: theme).text.replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("terminal too"))
        #expect(text.contains("60x16"))
    }

    @Test func shortTerminalShowsTheFocusedPaneBesideThePreview() {
        var s = statusful()
        send(&s, .resized(TerminalSize(cols: 80, rows: 24)), .key(.tab), .key(.tab))
        check(s, "short-terminal-curves")
    }

    @Test func previewDrawsTheFrameAsHalfBlocksWithItsColours() {
        var s = sampleState()
        var px: [UInt8] = []
        for y in 0..<18 { for _ in 0..<32 { px += y < 9 ? [255, 0, 0, 255] : [0, 0, 255, 255] } }
        send(&s, .frameArrived(shot: "sh8", frame: 0, image: Frame(width: 32, height: 18, pixels: px)))
        let grid = render(s, theme: theme)
        let rect = previewImageRect(size: s.size, focus: s.focus)
        var reds = 0, blues = 0
        for y in rect.y..<rect.maxY { for x in rect.x..<rect.maxX where grid[x, y].text == "▀" {
            if grid[x, y].style.fg == .rgb(RGB(255, 0, 0)) { reds += 1 }
            if grid[x, y].style.bg == .rgb(RGB(0, 0, 255)) { blues += 1 }
        } }
        #expect(reds > 100 && blues > 100)
        let blank = render(s, theme: theme, previewPicture: false)
        #expect(!blank.text.contains("▀"))
    }

    @Test func largeProjectsDrawOnlyVisibleShotsAndStayReadable() {
        var p = sampleProject()
        let base = p.shots[0]
        p.shots = (0..<1000).map { i in var sh = base; sh.id = ShotID(number: 100 + i); sh.duration = 24 + i % 48; return sh }
        var s = EditorState(project: p, size: TerminalSize(cols: 120, rows: 36))
        send(&s, .resized(s.size))
        for _ in 0..<8 { send(&s, .key(.char("+"))) }
        send(&s, .key(.char("G")))
        let text = render(s, theme: theme).text
        #expect(text.contains("1000 "))
        #expect(text.contains("1000 shots"))
    }

    @Test func tallTerminalsShowTakeThumbnailsInTheTimelineBlocks() {
        var s = sampleState(cols: 160, rows: 48)
        s.shotStatus["sh10"] = ShotStatus(render: .rendered, currentTake: 1, takeCount: 1, thumbnail: Frame(width: 32, height: 18, fill: RGB(0, 200, 0)))
        let grid = render(s, theme: theme)
        let layout = Layout(size: s.size, focus: s.focus)
        #expect(layout.timeline.height == 9)
        var green = 0
        for y in layout.timeline.y..<layout.timeline.maxY { for x in 0..<grid.width where grid[x, y].style.fg == .rgb(RGB(0, 200, 0)) { green += 1 } }
        #expect(green >= 10)
        var short = sampleState(cols: 160, rows: 40)
        short.shotStatus = s.shotStatus
        #expect(!render(short, theme: theme).cells.contains { $0.style.fg == .rgb(RGB(0, 200, 0)) })
    }
}

@Suite struct ViewSizeTests {
    /// Every main state drawn at every size from 20x6 to 220x70 without a trap, and the grid
    /// always exactly the terminal's size.
    @Test func everyStateDrawsAtEverySize() throws {
        let theme = try ThemeLibrary(folders: []).load("default")
        var states: [EditorState] = []
        var s = sampleState()
        s.shotStatus["sh10"] = ShotStatus(render: .rendered, currentTake: 1, takeCount: 3, ignoredWords: ["moody"],
                                          thumbnail: Frame(width: 32, height: 18, fill: RGB(9, 9, 9)))
        send(&s, .key(.char("l")), .key(.char("l")), .key(.char("r")), .jobProgress(1, 0.5))
        send(&s, .frameArrived(shot: "sh10", frame: 0, image: Frame(width: 64, height: 36, fill: RGB(200, 10, 10))))
        states.append(s)
        var insert = s; send(&insert, .key(.char("i"))); states.append(insert)
        var curve = s; send(&curve, .key(.char("c"))); states.append(curve)
        var help = s; send(&help, .key(.char("?"))); states.append(help)
        var command = s; send(&command, .key(.char(":")), .key(.char("s")), .key(.tab)); states.append(command)
        var chars = s; send(&chars, .key(.tab), .key(.tab), .key(.tab)); states.append(chars)
        for cols in stride(from: 20, through: 220, by: 11) {
            for rows in stride(from: 6, through: 70, by: 7) {
                for var st in states {
                    send(&st, .resized(TerminalSize(cols: cols, rows: rows)))
                    let grid = render(st, theme: theme)
                    #expect(grid.width == cols && grid.height == rows)
                }
            }
        }
    }
}
