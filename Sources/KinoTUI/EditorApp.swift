import CNcurses
import Dispatch
import Foundation
import KinoCore
import KinoEditor
import KinoKit
import KinoTerminal

/// Why the editor could not start.
public enum EditorAppError: Error, LocalizedError {
    case notATerminal
    public var errorDescription: String? {
        switch self {
        case .notATerminal: return "kino edit needs a terminal; run it in a terminal window (or use the other kino commands in scripts)"
        }
    }
}

/// The full-screen editor: `kino edit PATH` and `kino demo` call `run`.
public enum EditorApp {
    /// Opens the editor on `backend` until the user quits (or SIGINT/SIGTERM/SIGHUP). The
    /// terminal is restored in every case, also when a job's thread crashes the process.
    public static func run(backend: EditorBackend, path: String, theme requestedTheme: String?) throws {
        guard isatty(0) == 1, isatty(1) == 1 else { throw EditorAppError.notATerminal }
        let environment = ProcessInfo.processInfo.environment
        let library = ThemeLibrary.standard(environment: environment)
        let themeName = ThemeLibrary.startupThemeName(requested: requestedTheme, environment: environment)
        var theme: Theme
        var startupMessage: StatusMessage?
        do { theme = try library.load(themeName) } catch {
            theme = (try? library.load("default")) ?? .fallback
            startupMessage = StatusMessage(error.localizedDescription, isError: true)
        }
        // Ask the terminal what it can show before curses takes it over.
        let capabilities = TerminalCapabilities.detect(input: 0, output: 1, environment: environment)

        let actions = ActionQueue()
        let runner = EffectRunner(backend: backend, actions: actions)
        let signals = SignalWatcher(actions: actions)
        defer { signals.stop() }

        kino_install_fatal_signal_restore(1)
        defer { kino_uninstall_fatal_signal_restore() }
        let screen = NcursesScreen()
        defer { screen.close() }

        var state = EditorState(project: backend.project, projectPath: path, size: screen.size,
                                themeName: theme.name, availableThemes: library.availableNames())
        state.message = startupMessage ?? StatusMessage("opened \(path) — ? for help")
        var effects = reduce(&state, .resized(screen.size))
        effects += [.refreshStatus(state.project.shots.map(\.id))]
        if let hit = state.playheadShot { effects.append(.requestFrame(shot: state.project.shots[hit.index].id, frame: hit.local)) }
        runner.perform(effects)

        let sixel = SixelPainter(capabilities: capabilities)
        var dirty = true
        var lastTick = DispatchTime.now().uptimeNanoseconds

        func dispatch(_ action: Action) {
            let effects = reduce(&state, action)
            for effect in effects {
                if case .loadTheme(let name) = effect {
                    do {
                        theme = try library.load(name)
                        screen.invalidate()
                        sixel.invalidate()
                        _ = reduce(&state, .themeLoaded(name: name))
                    } catch {
                        _ = reduce(&state, .error(error.localizedDescription))
                    }
                }
            }
            runner.perform(effects)
            dirty = true
        }

        while !state.quitting {
            if dirty {
                let grid = render(state, theme: theme, previewPicture: !(sixel.enabled && theme.usesColor))
                screen.flush(grid, usesColor: theme.usesColor)
                sixel.paint(state: state, theme: theme)
                dirty = false
            }
            let frameNanos = UInt64(1_000_000_000 / max(1, state.project.frameRate.doubleValue))
            let timeout: Int32 = state.playing ? 5 : 40
            if let input = screen.read(timeoutMs: timeout) {
                switch input {
                case .key(let k): dispatch(.key(k))
                case .click(let c): dispatch(.click(c))
                case .wheel(let up): dispatch(.command(up ? .zoomIn : .zoomOut))
                case .resize(let size):
                    screen.invalidate()
                    sixel.invalidate()
                    dispatch(.resized(size))
                }
            }
            for action in actions.drain() { dispatch(action) }
            // Edits by other processes (the CLI, another editor) show within about 80 ms.
            if let changed = runner.external.step(now: DispatchTime.now().uptimeNanoseconds) { dispatch(.projectChanged(changed)) }
            if state.playing {
                let now = DispatchTime.now().uptimeNanoseconds
                // Keep to the project rate: frames that are due are stepped over, at most a few at once.
                let due = (now - lastTick) / frameNanos
                if due > 0 {
                    for _ in 0..<min(due, 6) { dispatch(.tick) }
                    lastTick = due > 6 ? now : lastTick + due * frameNanos
                }
            } else {
                lastTick = DispatchTime.now().uptimeNanoseconds
            }
        }
        // Cancel whatever still runs (the work already done is saved) and let queued edits land.
        runner.shutdown()
    }
}

extension EditorApp {
    /// Opens the project at `path` and runs the editor on it until the user quits.
    public static func run(path: String, theme: String?) throws {
        let session = try ProjectSession.open(at: path)
        defer { session.close() }
        try run(backend: SessionBackend(session: session), path: path, theme: theme)
    }
}
