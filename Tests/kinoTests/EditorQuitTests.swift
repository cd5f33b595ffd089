import Foundation
import Testing

/// Quitting the real `kino edit` during a long render, in a real terminal (tmux): `q` asks
/// "1 job running — quit and cancel it? (y/n)" and `y` quits; `:q!`, SIGINT, SIGTERM and
/// SIGHUP quit without asking. Every time the process exits with status 0 (no crash: the
/// render and the status reads are joined before the project closes), within a timeout.
/// 20 rounds here (4 per way of quitting); the headless EffectRunnerTests quit 40 more times.
@Suite(.serialized) struct EditorQuitTests {
    enum Quit: String, CaseIterable { case qThenYes = "q y", forceCommand = ":q!", sigint = "INT", sigterm = "TERM", sighup = "HUP" }

    @Test func testQuittingDuringALongRenderExitsCleanlyEveryTime() throws {
        let dir = Scratch()
        let p = dir.file("long.kino")
        #expect(try CLI.run(["new", p, "--size", "320x180"]).status == 0)
        #expect(try CLI.run(["scene", "add", p, "--name", "S", "--environment", "city street"]).status == 0)
        #expect(try CLI.run(["shot", "add", p, "--scene", "S", "--prompt", "a woman walking, camera orbits", "--duration", "200"]).status == 0)
        let tmux = Tmux()
        defer { tmux.stop() }
        var exits: [String] = []
        for round in 0..<20 {
            let quit = Quit.allCases[round % Quit.allCases.count]
            let session = "q\(round)"
            // The shell stays the editor's parent and writes its exit status: tmux was seen
            // to leave an exited pane's process unreaped, its status unknown.
            let pidFile = dir.file("shell-\(round).pid"), exitFile = dir.file("exit-\(round)")
            tmux.start(session, command: "sh -c 'echo $$ > \(pidFile); env TERM=tmux-256color LANG=C.UTF-8 \(CLI.binary) edit \(p); echo $? > \(exitFile)'")
            #expect(tmux.waitFor(session, "NORMAL", seconds: 30), "round \(round): the editor did not open\n\(tmux.screen(session))")
            tmux.keys(session, "r")
            // The render runs once the status line shows its progress.
            #expect(tmux.waitFor(session, "%", seconds: 30), "round \(round): the render did not start\n\(tmux.screen(session))")
            switch quit {
            case .qThenYes:
                tmux.keys(session, "q")
                #expect(tmux.waitFor(session, "1 job running — quit and cancel it? (y/n)", seconds: 10),
                        "round \(round): q did not ask\n\(tmux.screen(session))")
                tmux.keys(session, "y")
            case .forceCommand:
                tmux.keys(session, ":")
                tmux.literal(session, "q!")
                tmux.keys(session, "Enter")
            case .sigint, .sigterm, .sighup:
                // Only ever the editor's own process: a pid of 0 or -1 would signal a whole
                // process group or every process.
                let pid = editorPID(pidFile)
                guard pid > 1 else { Issue.record("round \(round): no pid for the editor"); tmux.kill(session); continue }
                kill(pid, quit == .sigint ? SIGINT : quit == .sigterm ? SIGTERM : SIGHUP)
            }
            let status = waitForExit(exitFile, seconds: 20)
            exits.append("\(quit.rawValue)=\(status)")
            #expect(status == "0", "round \(round) (\(quit.rawValue)): exit \(status)\n\(tmux.screen(session))")
            tmux.kill(session)
        }
        print("EditorQuitTests: \(exits.joined(separator: " "))")
        // The file is whole afterwards.
        #expect(shell("sqlite3 '\(p)' 'PRAGMA integrity_check' | grep -qx ok") == 0)
        #expect(try CLI.run(["info", p]).status == 0)
    }
}

/// The pid of `kino edit`: the child of the shell whose pid is in `shellPidFile`, checked
/// to be kino (never 0 or -1, which would signal a group or every process).
func editorPID(_ shellPidFile: String) -> Int32 {
    guard let text = try? String(contentsOfFile: shellPidFile, encoding: .utf8),
          let shell = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), shell > 1,
          let children = try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8),
          let pid = children.split(separator: " ").first.flatMap({ Int32($0) }), pid > 1,
          let comm = try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8),
          comm.trimmingCharacters(in: .whitespacesAndNewlines) == "kino" else { return -1 }
    return pid
}

/// Waits for the shell to write the editor's exit status ("0"; 128+N after signal N), or "timeout".
func waitForExit(_ exitFile: String, seconds: Double) -> String {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if let text = try? String(contentsOfFile: exitFile, encoding: .utf8), text.hasSuffix("\n") {
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        usleep(50_000)
    }
    return "timeout"
}

/// A private tmux server for one test.
final class Tmux {
    let socket = "kino-test-\(getpid())-\(UUID().uuidString.prefix(8))"

    /// Runs one tmux command through system(), as Tests/e2e does: the server the first
    /// command starts keeps the descriptors it inherited (a pipe would never reach its end)
    /// and is reaped by nobody here; its output goes to a file.
    @discardableResult
    func run(_ args: [String]) -> String {
        let log = NSTemporaryDirectory() + "kino-tmux-\(UUID().uuidString).out"
        defer { try? FileManager.default.removeItem(atPath: log) }
        // The server and the editor must not inherit this test thread's blocked signals
        // (the editor's SIGINT/SIGTERM/SIGHUP are under test).
        var all = sigset_t()
        sigfillset(&all)
        pthread_sigmask(SIG_UNBLOCK, &all, nil)
        let quoted = (["tmux", "-L", socket] + args).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        _ = system(quoted.joined(separator: " ") + " </dev/null >'\(log)' 2>/dev/null")
        return (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    }

    func start(_ session: String, command: String, cols: Int = 120, rows: Int = 36) {
        run(["new-session", "-d", "-s", session, "-x", "\(cols)", "-y", "\(rows)", command])
    }
    func screen(_ session: String) -> String { run(["capture-pane", "-p", "-t", session]) }
    func keys(_ session: String, _ keys: String...) { run(["send-keys", "-t", session] + keys) }
    func literal(_ session: String, _ text: String) { run(["send-keys", "-t", session, "-l", text]) }
    func kill(_ session: String) { run(["kill-session", "-t", session]) }
    func stop() { run(["kill-server"]) }

    /// Polls the screen until it shows `text`.
    func waitFor(_ session: String, _ text: String, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if screen(session).contains(text) { return true }
            usleep(50_000)
        }
        return false
    }
}
