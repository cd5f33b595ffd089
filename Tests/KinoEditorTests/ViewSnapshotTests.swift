import Foundation
import Testing
import KinoCore
@testable import KinoEditor

@Suite struct ViewSnapshotTests {
    let theme = try! ThemeLibrary(folders: []).load("default")

    func check(_ state: EditorState, _ name: String) {
        let grid = render(state, theme: theme)
        if let problem = expectMatchesFile(grid.text, "Tests/KinoEditorTests/Snapshots/\(name).txt") {
            Issue.record(Comment(rawValue: problem))
        }
    }

    @Test func normalTimelineShowsAllPanes() {
        var s = sampleState()
        s.shotStatus = ["sh8": ShotStatus(render: .rendered, currentTake: 2, takeCount: 2),
                        "sh9": ShotStatus(render: .stale, currentTake: 1, takeCount: 1),
                        "sh10": ShotStatus(render: .notRendered, ignoredWords: ["glistening"])]
        send(&s, .key(.char("l")), .key(.char("l")), .key(.char("]")))
        check(s, "normal-timeline")
    }
}
