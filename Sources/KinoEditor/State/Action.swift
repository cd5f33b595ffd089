import KinoCore
import KinoKit

/// Everything that can happen to the editor: a key or click from the person (resolved through
/// the Keymap inside `reduce`), or an answer from the runtime.
public enum Action: Sendable {
    case key(Key)
    case click(MouseClick)
    /// A command run directly (tests, the benchmark, and keys already resolved).
    case command(Command)
    case resized(TerminalSize)
    /// The project as the session now holds it (after undo, redo, a job, or a refused edit).
    case projectChanged(Project)
    case statusChanged([ShotID: ShotStatus])
    case jobStarted(JobID)
    case jobProgress(JobID, Double)
    case jobFinished(JobID, JobOutcome)
    case frameArrived(shot: ShotID, frame: Int, image: Frame)
    /// A playback tick: one frame at the project rate while playing.
    case tick
    case themeLoaded(name: String)
    case error(String)
    case info(String)
}

/// Work the reducer asks the runtime to do; the runtime answers with Actions.
public enum Effect: Hashable, Sendable {
    /// Save an edit the reducer has already applied to its copy of the project.
    case applyEdit(Edit)
    case undo
    case redo
    /// Perform a verb of KinoKit's table on the session, resolved with the selection it was
    /// typed with. `job`, when set, is the background job it runs under (render, extend,
    /// refine, export, frame): the same verbs the CLI and `kino batch` run.
    case perform(VerbInvocation, context: VerbContext, job: JobID?)
    case cancelJob(JobID)
    case quit
    case loadTheme(String)
    /// Show frame `frame` of `shot` in the preview when it is cached or cheap.
    case requestFrame(shot: ShotID, frame: Int)
    /// Re-read render state, takes and the prompt report of these shots.
    case refreshStatus([ShotID])
}
