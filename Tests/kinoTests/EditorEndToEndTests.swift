import Foundation
import Testing

/// The editor in a real terminal (tmux): the scenario of Tests/e2e/editor_tmux.sh — demo,
/// select shot 2, edit its prompt, :render, :refine its last 2 s, undo, quit, check
/// `kino info --json`; then a resize storm and a 20x6 terminal; then the CLI editing the file
/// the open editor shows, and the editor editing the same shot.
@Suite struct EditorEndToEndTests {
    @Test func testEditorScenarioThroughTmux() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("e2e/editor_tmux.sh").path
        // Output goes to a file: the tmux server the script starts would hold a pipe open.
        // system() rather than Process: the script's tmux server must not inherit this test
        // thread's blocked signals, and the shell is reaped here, not by a run loop.
        let log = NSTemporaryDirectory() + "kino-e2e-\(UUID().uuidString).log"
        defer { try? FileManager.default.removeItem(atPath: log) }
        var all = sigset_t()
        sigfillset(&all)
        pthread_sigmask(SIG_UNBLOCK, &all, nil)
        let status = system("exec bash '\(script)' '\(CLI.binary)' </dev/null >'\(log)' 2>&1")
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(status == 0, "\(text)")
        #expect(text.contains(" 0 failed"), "\(text)")
        #expect(text.contains("19 passed"), "\(text)")
    }
}
