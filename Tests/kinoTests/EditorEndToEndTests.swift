import Foundation
import Testing

/// The editor in a real terminal (tmux): the scenario of Tests/e2e/editor_tmux.sh — demo,
/// select shot 2, edit its prompt, :render, :refine its last 2 s, undo, quit, check
/// `kino info --json`; then a resize storm and a 20x6 terminal.
@Suite struct EditorEndToEndTests {
    @Test func testEditorScenarioThroughTmux() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("e2e/editor_tmux.sh").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = [script, CLI.binary]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(text)")
        #expect(text.contains(" 0 failed"), "\(text)")
        #expect(text.contains("12 passed"), "\(text)")
    }
}
